#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every hypercall stub of every architecture clobbers "memory".

Usage: check-stub-clobbers.py SOURCE_DIR

A hypervisor reads and writes guest memory named only by an address in a
register (buffers, the KVM clock pairing record, byte channels, the ePAPR
magic page): without a "memory" clobber the compiler may keep a value in a
register across the call or drop a store before it (GCC manual, "Extended
Asm", Clobbers and Scratch Registers). The host ABI tests prove this at run
time for x86; this checks the rule for every architecture's stubs, in the
text each compiler really sees: <hyp/hyp.h> is preprocessed by each cross
compiler (so macro-built clobber lists are expanded), and every asm
statement inside a `static inline ... hyp_...(` function (any return type)
defined under arch/ must list "memory". The stub list is whatever the headers define.

Families whose hypervisor may also change registers that no operand names
list those in the clobbers too; REQUIRED states each such contract (where a
runtime harness cannot corrupt the register, this is the only check).
"""
import re
import shutil
import subprocess
import sys

TARGETS = [  # compiler, extra flags, arch include dir
    ("gcc", ["-m64"], "x86"),
    ("i686-linux-gnu-gcc", [], "x86"),
    ("s390x-linux-gnu-gcc", [], "s390"),
    ("powerpc64-linux-gnu-gcc", [], "powerpc"),
    ("powerpc-linux-gnu-gcc", [], "powerpc"),
    ("mips-linux-gnu-gcc", [], "mips"),
    ("mips64-linux-gnuabi64-gcc", [], "mips"),
    ("aarch64-linux-gnu-gcc", [], "arm64"),
    ("riscv64-linux-gnu-gcc", [], "riscv"),
]
_PPC_VOLATILE_CR = ["cr0", "cr1", "cr5", "cr6", "cr7"]
# compiler -> [(stub name pattern, clobbers it must list, the rule's source)]
REQUIRED = {
    "gcc": [(r"hyp_hyperv_page_call", ["r9", "r10", "r11"],
             "Hyper-V TLFS, hypercall interface: the page is called as an x64 function (r9-r11 volatile)")],
    "aarch64-linux-gnu-gcc": [(r"hyp_smccc_(hvc|smc)_v10", [f"x{i}" for i in range(4, 18)],
                               "Arm DEN0028: x4-x17 corruptible under SMCCC 1.0")],
}
for _cc in ("powerpc64-linux-gnu-gcc", "powerpc-linux-gnu-gcc"):
    REQUIRED[_cc] = [
        (r"hyp_osi_sc\d", ["r0", "r12", "ctr", "xer", "cr0"],
         "OSI under KVM-PR/MOL: `sc` as a system call (Linux powerpc syscall ABI)"),
        (r"hyp_papr_hvsc\d", ["r0", "ctr", "xer"] + _PPC_VOLATILE_CR,
         "LoPAPR, hypervisor call register conventions: r0, CTR, XER, cr0-1, cr5-7 volatile"),
        (r"hyp_epapr_area_call\d", ["r0", "r12", "ctr", "xer", "lr"] + _PPC_VOLATILE_CR,
         "ePAPR 1.1 hypercall ABI, and the `bl` into the patched area (lr)"),
    ]

# Any return type (long, struct hyp_sbiret, uint64_t, void): every function an arch/
# header defines whose body holds an asm statement is a stub.
FUNC_RE = re.compile(r"static\s+inline\s+[\w\s*]*?\b(hyp_\w+)\s*\((?:[^()]|\([^()]*\))*\)\s*\{")


def body_at(text, start):
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return text[start:i + 1]
    return text[start:]


def asm_sections(body):
    """The colon-separated sections of each asm statement in a function body."""
    for m in re.finditer(r"__asm__\s*(?:__volatile__|volatile)?\s*\(", body):
        i, depth, in_str, sections, cur = m.end(), 1, False, [], ""
        while i < len(body) and depth:
            c = body[i]
            if in_str:
                if c == "\\":
                    cur += c + body[i + 1]
                    i += 2
                    continue
                if c == '"':
                    in_str = False
            elif c == '"':
                in_str = True
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
                if depth == 0:
                    break
            elif c == ":" and depth == 1:
                sections.append(cur)
                cur = ""
                i += 1
                continue
            cur += c
            i += 1
        sections.append(cur)
        yield sections


def main():
    src = sys.argv[1]
    bad, checked, ran = [], 0, 0
    required_hits = {}
    for cc, flags, arch in TARGETS:
        if not shutil.which(cc):
            print(f"skip {cc}: not installed")
            continue
        pre = subprocess.run([cc] + flags + ["-ffreestanding", "-E", "-x", "c", "-",
                              f"-I{src}/include", f"-I{src}/arch/{arch}/include"],
                             input="#include <hyp/hyp.h>\n", text=True, capture_output=True)
        if pre.returncode:
            sys.exit(f"{cc}: {pre.stderr}")
        ran += 1
        # Keep only text from arch/ headers (line markers name the file).
        keep, out = False, []
        for line in pre.stdout.splitlines():
            if line.startswith("#"):
                m = re.match(r'# \d+ "([^"]+)"', line)
                if m:
                    keep = "/arch/" in m.group(1)
                continue
            if keep:
                out.append(line)
        text = "\n".join(out)
        n = 0
        for f in FUNC_RE.finditer(text):
            for sections in asm_sections(body_at(text, f.end() - 1)):
                if len(sections) < 2:
                    continue        # register ... __asm__("rN"): a variable, not a statement
                n += 1
                clobbers = sections[3] if len(sections) > 3 else ""
                if '"memory"' not in clobbers:
                    bad.append(f"{cc}: {f.group(1)}: no \"memory\" clobber")
                listed = set(re.findall(r'"([^"]+)"', clobbers))
                for pat, regs, why in REQUIRED.get(cc, []):
                    if re.fullmatch(pat, f.group(1)):
                        required_hits[(cc, pat)] = required_hits.get((cc, pat), 0) + 1
                        missing = [r for r in regs if r not in listed]
                        if missing:
                            bad.append(f"{cc}: {f.group(1)}: does not clobber {', '.join(missing)} ({why})")
        print(f"{cc}: {n} asm statements in stubs checked")
        if n == 0:
            bad.append(f"{cc}: no stub found")
        checked += n
        for pat, _, _ in REQUIRED.get(cc, []):
            if not required_hits.get((cc, pat)):
                bad.append(f"{cc}: no stub matches {pat} (REQUIRED is out of date)")
    for b in bad:
        print("FAIL:", b)
    if not ran:
        print("no compiler found")
        sys.exit(77)
    print(f"{checked} stub asm statements, {len(bad)} problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
