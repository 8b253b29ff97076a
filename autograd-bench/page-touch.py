"""Measures what this machine's kernel charges for the first write to a page of new memory, the
cost a JVM pays whenever its heap grows into memory it has not used before, against a second
write to the same page. ScalingBenchmark's 10^7-node graphs hold about 560 MB, so on a machine
where the first touch is slow, a pass that lands in new memory pays for it once per 4 KiB.

  python3 autograd-bench/page-touch.py [MIB] [ROUNDS]    # defaults: 1024 MiB, 3 rounds

Each round maps MIB MiB of new anonymous memory, writes one byte per 4 KiB page, then writes each
page again, and prints microseconds per page for both passes and what the first pass costs per
56-byte node (the size of a Value). The loop's own cost is in both figures; the second pass shows
how much of the first it is.
"""
import argparse
import mmap
import sys
import time

PAGE = 4096
NODE_BYTES = 56


class Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad command line as one error line, then the usage."""

    def error(self, message):
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        self.print_usage(sys.stderr)
        sys.exit(2)


def positive(text):
    """Returns text as an int of at least 1, for argparse."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expects a whole number, got '{text}'")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got '{text}'")
    return value


def main():
    parser = Parser(description="Microseconds per first and second write to a page of new memory.")
    parser.add_argument("mib", metavar="MIB", type=positive, nargs="?", default=1024,
                        help="MiB of new memory per round (default 1024)")
    parser.add_argument("rounds", metavar="ROUNDS", type=positive, nargs="?", default=3,
                        help="rounds (default 3)")
    args = parser.parse_args()
    mib, rounds = args.mib, args.rounds
    size = mib << 20
    pages = size // PAGE
    for r in range(rounds):
        memory = mmap.mmap(-1, size)
        start = time.perf_counter()
        for i in range(0, size, PAGE):
            memory[i] = 1
        first = time.perf_counter()
        for i in range(0, size, PAGE):
            memory[i] = 2
        second = time.perf_counter()
        memory.close()
        first_us = (first - start) / pages * 1e6
        second_us = (second - first) / pages * 1e6
        print(f"round {r + 1}: {mib} MiB, first write {first_us:.2f} us/page, "
              f"second write {second_us:.2f} us/page; first write per {NODE_BYTES}-byte node "
              f"{(first_us - second_us) * 1000 * NODE_BYTES / PAGE:.1f} ns")


if __name__ == "__main__":
    main()
