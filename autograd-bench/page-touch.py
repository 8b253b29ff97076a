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
import mmap
import sys
import time

PAGE = 4096
NODE_BYTES = 56


def main():
    mib = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
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
