#!/usr/bin/env python3
"""Every function of the call-site bench objects and the library objects, as
objdump lists it, for every target and compiler: one text file to diff before
and after a change that must not change a single instruction.

  tests/bench/codegen-snapshot.py > before.txt; (change); ... > after.txt
  diff before.txt after.txt        # empty: the generated code is identical
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import callsite  # noqa: E402


def main():
    selected = sys.argv[1:] or None
    for (target, cc), res in sorted(callsite.measure_all(selected).items()):
        print(f"### {target}-{cc}: {res['status']}")
        if res["status"] != "ok":
            continue
        for part in ("bench_addr", "lib_addr"):
            for name, insns in sorted(res[part].items()):
                print(f"{target}-{cc} {name}:")
                for _, text in insns:
                    print(f"    {callsite.normalise(text)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
