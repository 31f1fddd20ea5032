#!/usr/bin/env python3
"""No lost bytes: run a guest test whose console path writes the stream of
<guest/stream.h> (xorshift32 from SEED, BYTES long) into FILE, then regenerate
the stream and compare FILE with it byte for byte.

usage: check-stream.py --seed SEED --bytes N --file FILE -- COMMAND...
Exit: the command's status if it failed (77 = skipped passes through), 1 on
any difference, 0 when every byte arrived once and in order.
"""
import argparse
import os
import subprocess
import sys
import time


def stream(seed, n):
    out = bytearray(n)
    x = seed
    for i in range(n):
        x ^= (x << 13) & 0xffffffff
        x ^= x >> 17
        x ^= (x << 5) & 0xffffffff
        out[i] = x >> 24
    return bytes(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=lambda s: int(s, 0), required=True)
    ap.add_argument("--bytes", type=lambda s: int(s, 0), required=True)
    ap.add_argument("--file", required=True)
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    if os.path.exists(a.file):
        os.unlink(a.file)
    start = time.monotonic()
    rc = subprocess.call(cmd)
    took = time.monotonic() - start
    if rc != 0:
        print(f"check-stream: the guest run failed (rc {rc}); stream not compared")
        return rc
    want = stream(a.seed, a.bytes)
    try:
        with open(a.file, "rb") as f:
            got = f.read()
    except OSError as e:
        print(f"check-stream: FAIL: no stream file: {e}")
        return 1
    if got == want:
        print(f"check-stream: PASS: {len(got)} bytes identical to the stream of seed "
              f"{a.seed:#x} ({took:.1f} s run)")
        return 0
    first = next((i for i in range(min(len(got), len(want))) if got[i] != want[i]),
                 min(len(got), len(want)))
    print(f"check-stream: FAIL: {len(got)} bytes received, {len(want)} expected; "
          f"first difference at offset {first}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
