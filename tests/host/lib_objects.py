#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What a libhyp.a asks of the kernel that links it, read from the archive.

usage: lib_objects.py [--pic-text] ARCHIVE...

For each archive (any target: GNU readelf reads every ELF machine):
 1. no undefined symbol: nothing the library calls or reads is left for the
    kernel to provide (memcpy, memset, __stack_chk_fail, ...). Only symbols
    the linker itself defines are allowed: .TOC. (64-bit PowerPC ABI: the
    TOC base every ppc64 link provides).
 2. no absolute relocation in a read-only section that is not code
    (.rodata*: a pointer table or a jump table): a position-independent
    kernel's linker cannot relocate it there (lib/internal.h). With
    --pic-text, none in code either (x86_64 builds -fpie: the library links
    at any address, including the higher half).
 3. gc-ready: every function in a section of its own (.text.<name>), so
    --gc-sections drops what the kernel does not call.
Exit 1 and each finding on a FAIL line; 0 with a PASS line per archive.
"""
import re
import subprocess
import sys

LINKER_DEFINED = {".TOC."}
# Absolute data relocations of every target's ELF ABI (the 32/64-bit word
# holding an address): x86-64, i386, AArch64, RISC-V, PowerPC, MIPS, s390x.
ABSOLUTE = re.compile(r"^R_(X86_64_(64|32|32S)|386_32|AARCH64_ABS(64|32)|RISCV_(64|32)|"
                      r"PPC64_ADDR(64|32)|PPC64_UADDR64|PPC_ADDR32|PPC_UADDR32|MIPS_(32|64)|"
                      r"390_(64|32)|X86_64_PC64_NEVER)$")


def readelf(archive):
    out = subprocess.run(["readelf", "-SW", "-rW", "-sW", archive], capture_output=True,
                         text=True, check=True).stdout
    members = []
    cur = None
    mode = None
    for line in out.splitlines():
        m = re.match(r"^File: .*\((.*)\)$", line)
        if m:
            cur = {"name": m.group(1), "secs": {}, "byidx": {}, "relocs": [], "syms": []}
            members.append(cur)
            mode = None
            continue
        if cur is None:
            continue
        if line.startswith("Section Headers:"):
            mode = "sec"
            continue
        m = re.match(r"^Relocation section '\.rela?(\S+)'", line)
        if m:
            mode = ("rel", m.group(1))
            continue
        if line.startswith("Symbol table"):
            mode = "sym"
            continue
        if mode == "sec":
            m = re.match(r"^\s*\[\s*(\d+)\]\s+(\S+)\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+([A-Za-z]*)\s+\d", line)
            if m:
                cur["secs"][m.group(2)] = m.group(3)
                cur["byidx"][m.group(1)] = m.group(2)
        elif isinstance(mode, tuple):
            f = line.split()
            if len(f) >= 3 and f[2].startswith("R_"):
                cur["relocs"].append((mode[1], f[2], " ".join(f[4:])))
        elif mode == "sym":
            f = line.split()
            if len(f) >= 8 and f[0].endswith(":") and f[0][:-1].isdigit():
                # Num Value Size Type Bind Vis [other] Ndx Name
                cur["syms"].append((f[3], f[4], f[-2], f[-1]))
    return members


def check(archive, pic_text):
    members = readelf(archive)
    problems = []
    if not members:
        return [f"{archive}: no members"]
    defined, undefined = set(), []
    for mem in members:
        for typ, bind, ndx, name in mem["syms"]:
            if bind not in ("GLOBAL", "WEAK"):
                continue
            if ndx == "UND":
                undefined.append((mem["name"], name))
            else:
                defined.add(name)
        for sec, typ, target in mem["relocs"]:
            flags = mem["secs"].get(sec, "")
            if "A" not in flags or "W" in flags or not ABSOLUTE.match(typ):
                continue
            if "X" in flags and not pic_text:
                continue
            problems.append(f"{mem['name']}: absolute {typ} in read-only {sec} -> {target}")
        for typ, bind, ndx, name in mem["syms"]:
            if typ != "FUNC" or ndx in ("UND", "ABS"):
                continue
            sec = mem["byidx"].get(ndx, "?")
            # .opd: 64-bit ELFv1 PowerPC function descriptors (the code is in .text.<name>).
            if not sec.startswith(".text.") and sec != ".opd":
                problems.append(f"{mem['name']}: function {name} in {sec}, not a section of its own")
    for obj, name in undefined:
        if name not in defined and name not in LINKER_DEFINED:
            problems.append(f"{obj}: undefined symbol {name} (the kernel would have to provide it)")
    return problems


def main(argv):
    pic_text = "--pic-text" in argv
    archives = [a for a in argv if a != "--pic-text"]
    if not archives:
        print(__doc__)
        return 2
    failed = False
    for a in archives:
        problems = check(a, pic_text)
        for p in problems:
            print(f"FAIL: {p}")
        if problems:
            failed = True
        else:
            print(f"PASS: {a}: no undefined symbol, no absolute relocation in read-only "
                  f"{'sections' if pic_text else 'data'}, one section per function")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
