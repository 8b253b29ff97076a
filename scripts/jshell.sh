#!/usr/bin/env bash
# Opens JShell with the autograd library on the class path, its packages imported, and the
# draw(value) and trace(value) helpers of scripts/autograd.jsh. Builds the runnable examples jar
# (which holds the library and its dependencies) first if it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=autograd-examples/target/autograd-examples.jar
if [[ ! -f $jar ]]; then
  ./mvnw -B -q -pl autograd-examples -am package -DskipTests
fi
exec jshell --class-path "$jar" --startup DEFAULT --startup scripts/autograd.jsh "$@"
