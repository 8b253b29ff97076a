#!/usr/bin/env bash
# Regenerates the figures the README and the docs quote, prints them, and writes them, dated, to
# docs/results/<date>-figures.md. By default (a few minutes): the test suite's counts and time,
# the demos' outputs against the reference program, the moons accuracy over ten seeds, start-up
# times (with hyperfine, if installed). Options add the long ones:
#   --scale     the 10^7-node scale report (docs/scale.md; about a minute, needs ~1 GB heap)
#   --jmh       the README's performance table (JMH, about 5 minutes; waits for /tmp/jmh.lock)
#   --mutation  the PIT mutation scores (docs/mutation.md; a few minutes)
#   --all       all three
set -euo pipefail
cd "$(dirname "$0")/.."

scale=false jmh=false mutation=false
for arg in "$@"; do
  case $arg in
    --scale) scale=true ;;
    --jmh) jmh=true ;;
    --mutation) mutation=true ;;
    --all) scale=true jmh=true mutation=true ;;
    *) echo "figures.sh: error: unknown option $arg" >&2
       echo "usage: scripts/figures.sh [--scale] [--jmh] [--mutation] [--all]" >&2
       exit 2 ;;
  esac
done

out=docs/results/$(date -u +%F)-figures.md
mkdir -p docs/results
log=$(mktemp)
trap 'rm -f "$log"' EXIT

section() { printf '\n## %s\n\n' "$1"; }
code() { printf '```\n'; cat; printf '```\n'; }

{
  echo "# Figures, $(date -u '+%F %H:%M') UTC"
  echo
  echo "Made by \`scripts/figures.sh $*\` at commit \`$(git rev-parse --short HEAD)\`;"
  echo "$(java -version 2>&1 | head -1), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)."

  section "Tests: ./mvnw -B verify"
  start=$(date +%s)
  ./mvnw -B verify > "$log" 2>&1 || { tail -40 "$log"; exit 1; }
  end=$(date +%s)
  awk '/Building autograd/ {module=$3} /^\[INFO\] Tests run: [0-9]+, Failures/ && !/ in / {
         gsub(",", "", $4); printf "%-20s %5d tests\n", module, $4; total += $4 }
       END { printf "%-20s %5d tests\n", "all modules", total }' "$log" | code
  echo
  echo "Whole command: $((end - start)) s wall-clock ($(grep 'Total time' "$log" | sed 's/.*Total time: *//'))."

  jar=autograd-examples/target/autograd-examples.jar
  section "Demos against the reference program"
  {
    echo "java -jar $jar demos: $(java -jar $jar demos | wc -l) lines"
    echo "java -jar $jar regression --w0 0.25 --b0 -0.5: $(java -jar $jar regression --w0 0.25 --b0 -0.5 | wc -l) lines"
    stored=autograd-examples/src/test/resources/dev/autograd/examples/reference-w0_0.25-b0_-0.5.txt
    if java -jar $jar demos --w0 0.25 --b0 -0.5 | diff -q - "$stored" > /dev/null; then
      echo "demos --w0 0.25 --b0 -0.5 equals the stored reference output ($(wc -l < "$stored") lines)"
    else
      echo "demos --w0 0.25 --b0 -0.5 DIFFERS from the stored reference output"
    fi
    if command -v python3 > /dev/null; then
      if java -jar $jar demos --w0 0.25 --b0 -0.5 | diff -q - <(python3 reference/reference.py --w0 0.25 --b0 -0.5) > /dev/null; then
        echo "demos --w0 0.25 --b0 -0.5 equals python3 reference/reference.py --w0 0.25 --b0 -0.5"
      else
        echo "demos --w0 0.25 --b0 -0.5 DIFFERS from python3 reference/reference.py --w0 0.25 --b0 -0.5"
      fi
    fi
  } | code

  section "Moons: final training accuracy, seeds 1 to 10"
  for s in $(seq 1 10); do
    echo "--seed $s: $(java -jar $jar moons --seed "$s" | tail -1)"
  done | code

  section "Start-up: whole-process time of the demos"
  if command -v hyperfine > /dev/null; then
    hyperfine -N -w 2 -r 10 --style basic "java -jar $jar demos" "java -jar $jar scalar" 2>&1 \
      | grep -E 'Benchmark|Time|Range' | code
  else
    echo "hyperfine is not installed; skipped."
  fi

  if $scale; then
    section "Scale: java -cp autograd-bench/target/benchmarks.jar dev.autograd.bench.ScaleReport"
    java -cp autograd-bench/target/benchmarks.jar dev.autograd.bench.ScaleReport 2>&1 | code
  fi
  if $jmh; then
    section "JMH: the README's performance table"
    flock /tmp/jmh.lock java -jar autograd-bench/target/benchmarks.jar \
      'DemoTwoStepBenchmark|DeepChainBenchmark|NaiveDeepChainBenchmark' -f 1 -wi 3 -i 5 2>&1 \
      | sed -n '/^Benchmark/,$p' | code
  fi
  if $mutation; then
    section "Mutation: ./mvnw -B -Pmutation verify"
    ./mvnw -B -Pmutation verify > "$log" 2>&1 || true
    grep -E 'Generated [0-9]+ mutations Killed|mutation score|Building autograd' "$log" | code
  fi
} | tee "$out"
echo
echo "Written to $out"
