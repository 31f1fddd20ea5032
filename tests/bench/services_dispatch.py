#!/usr/bin/env python3
"""What a portable service call adds over the family call it wraps.

usage: services_dispatch.py [--guard] BUILD_DIR...

For each build directory (a target's CMake build), disassembles libhyp's
services.c object with that build's objdump and walks each one-argument
service (hyp_idle, hyp_yield, hyp_power_off, hyp_reset, hyp_crash,
hyp_cpu_stop, hyp_cpu_start) from its entry along the path taken once the
path is chosen: conditional branches not taken unless the branch target is
the indirect branch's block, unconditional jumps followed. Prints the
instructions before the family call and the number of indirect branches on
that path. --guard: exit 1 unless every such path reaches exactly one
indirect branch with no direct call on the way ("one indirect branch over
the family call", docs/PERFORMANCE.md). The walk is a static heuristic made
for gcc's layout (hot path first); on clang's layouts it may fail ("?").
"""
import re
import subprocess
import sys
from pathlib import Path

FUNCS = ["hyp_idle", "hyp_yield", "hyp_power_off", "hyp_reset", "hyp_crash", "hyp_cpu_stop",
         "hyp_cpu_start"]
INDIRECT = re.compile(r"\b(jmp|call)q?\s+\*|^(br|blr|bctr|bctrl|jalr)\b|^jr\s+(?!\$?ra\b)"
                      r"|^basr\b|^br\s+%r(?!14)")
RETURN = re.compile(r"^(ret|retq|blr|jr\s+\$?ra|br\s+%r14)\b")
CALL = re.compile(r"^(call|callq|bl|jal|jalr|brasl|bctrl)\s")


def objdump_of(build):
    for line in (Path(build) / "CMakeCache.txt").read_text().splitlines():
        if line.startswith("CMAKE_OBJDUMP:"):
            return line.split("=", 1)[1]
    return "objdump"


def functions(build):
    obj = next(Path(build).glob("lib/CMakeFiles/hyp.dir/services.c.o*"))
    out = subprocess.run([objdump_of(build), "-d", "--no-show-raw-insn", str(obj)],
                         capture_output=True, text=True, check=True).stdout
    funcs, cur = {}, None
    for line in out.splitlines():
        m = re.match(r"^[0-9a-f]+ <\.?([A-Za-z_][\w.]*)>:$", line)
        if m:
            if not re.match(r"^L\w*\d", m.group(1)):    # a local label (.L84) is no function
                cur = funcs.setdefault(m.group(1), [])
            continue
        m = re.match(r"^\s+([0-9a-f]+):\s+(.*)$", line)
        if m and cur is not None:
            cur.append((int(m.group(1), 16), m.group(2).split("#")[0].split("<")[0].strip()))
    return funcs


def walk(insns, mips):
    """Instructions on the chosen-path route; None if it ends without an indirect branch."""
    at = {a: i for i, (a, _) in enumerate(insns)}
    target_of_indirect = {a for a, t in insns if INDIRECT.search(t)}
    i, count, calls, seen = 0, 0, 0, set()
    while 0 <= i < len(insns) and i not in seen:
        seen.add(i)
        addr, text = insns[i]
        if INDIRECT.search(text):
            return count, calls
        count += 1
        if CALL.match(text):
            calls += 1
        if RETURN.match(text):
            return None
        m = re.search(r"\b([0-9a-f]+)\s*$", text)
        op = text.split()[0] if text else ""
        jump = m and int(m.group(1), 16) in at and op not in ("call", "callq", "bl", "jal", "brasl")
        if jump:
            dest = at[int(m.group(1), 16)]
            conditional = op not in ("jmp", "b", "j", "jmpq", "brc", "jg") or "," in text
            # Taken when it leads straight to the indirect branch's block.
            block = insns[dest:dest + 4]
            leads = any(a in target_of_indirect for a, _ in block)
            if not conditional or leads:
                i = dest + (1 if mips else 0) * 0
                continue
        i += 1
    return None


def main(argv):
    guard = "--guard" in argv
    builds = [a for a in argv[1:] if a != "--guard"]
    bad = 0
    print("| target | " + " | ".join(FUNCS) + " |")
    print("|---|" + "---|" * len(FUNCS))
    for b in builds:
        try:
            funcs = functions(b)
        except (StopIteration, FileNotFoundError, subprocess.CalledProcessError):
            continue
        mips = "mips" in Path(b).name
        row = []
        for f in FUNCS:
            r = walk(funcs.get(f, []), mips)
            if r is None:
                row.append("?")
                bad += 1
                continue
            n, calls = r
            row.append(f"{n} + 1 indirect" + (f" ({calls} call)" if calls else ""))
            bad += calls > 0
        print(f"| {Path(b).name} | " + " | ".join(row) + " |")
    if guard and bad:
        sys.exit(f"services_dispatch.py: {bad} path(s) not one indirect branch over the call")


if __name__ == "__main__":
    main(sys.argv)
