#!/usr/bin/env python3
"""No lost bytes: run a guest test whose console path writes the stream of
<guest/stream.h> (xorshift32 from SEED, BYTES long) into FILE, then regenerate
the stream and compare FILE with it byte for byte.

usage: check-stream.py --seed SEED --bytes N --file FILE -- COMMAND...
       check-stream.py --seed SEED --bytes N --hex-lines -- COMMAND...
--hex-lines: the stream comes on the console itself as lines "=<hex>" (a path
that changes bytes, such as Xen's serial console); the command runs with
HYP_GUEST_SHOW=1 (run-guest.sh then prints the whole console), the "=" lines
are decoded in order and every other line is passed through.
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
    ap.add_argument("--file")
    ap.add_argument("--hex-lines", action="store_true")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.command[1:] if a.command[:1] == ["--"] else a.command
    if bool(a.file) == a.hex_lines:
        ap.error("give exactly one of --file and --hex-lines")
    start = time.monotonic()
    if a.hex_lines:
        run = subprocess.run(cmd, stdout=subprocess.PIPE, env=dict(os.environ, HYP_GUEST_SHOW="1"))
        rc = run.returncode
        got = bytearray()
        bad_lines = 0
        for line in run.stdout.decode("latin-1").splitlines():
            line = line.rstrip("\r")
            if line.startswith("="):
                try:
                    got += bytes.fromhex(line[1:])
                except ValueError:
                    bad_lines += 1
            else:
                print(line)
        if bad_lines:
            print(f"check-stream: {bad_lines} stream lines were not clean hex")
        got = bytes(got)
    else:
        if os.path.exists(a.file):
            os.unlink(a.file)
        rc = subprocess.call(cmd)
    took = time.monotonic() - start
    if rc != 0:
        print(f"check-stream: the guest run failed (rc {rc}); stream not compared")
        return rc
    want = stream(a.seed, a.bytes)
    if not a.hex_lines:
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
