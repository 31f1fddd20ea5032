#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Instruction-cache synchronisation after code patching, in the objects.

Usage: check-ppc-icache.py SOURCE_DIR

PowerPC does not keep instruction fetch coherent with stores: code written
as data runs only after, per cache block, dcbst (push the block to memory),
sync, icbi (drop the stale instruction-cache copy), then one sync and an
isync so the processor refetches (Power ISA v3.1 Book II section 1.9
"Instruction Storage"; the same sequence in Linux's
flush_icache_range(), arch/powerpc/mm/cacheflush.c). QEMU's TCG keeps
instruction fetch coherent anyway, so no guest run here can see a missing
icbi or isync: this checks the compiled code instead.

lib/powerpc/epapr_area.c and kvm_ppc.c are compiled by every PowerPC
compiler the project targets (gcc and clang; ppc, ppc64, ppc64le; -O2 and
-O3) and disassembled.
In each function that patches code (the ePAPR area: hyp_epapr_patch_area,
hyp_epapr_restore_fallback; the magic-page patcher: hyp_kvm_ppc_patch),
with the local functions it calls flattened in, every store is followed by
dcbst, sync and icbi before the function returns, and the last icbi is
followed by sync then isync.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

PATCHERS = ["hyp_epapr_patch_area", "hyp_epapr_restore_fallback", "hyp_kvm_ppc_patch"]
SOURCES = ["lib/powerpc/epapr_area.c", "lib/powerpc/kvm_ppc.c"]   # each compiled alone
COMPILERS = [  # (cc, flags, objdump)
    ("powerpc-linux-gnu-gcc", ["-fno-pic", "-Wa,-mregnames"], "powerpc-linux-gnu-objdump"),
    ("powerpc64-linux-gnu-gcc", ["-Wa,-mregnames"], "powerpc64-linux-gnu-objdump"),
    ("powerpc64le-linux-gnu-gcc", ["-Wa,-mregnames"], "powerpc64le-linux-gnu-objdump"),
    ("clang", ["--target=powerpc-unknown-linux-gnu"], "powerpc-linux-gnu-objdump"),
    ("clang", ["--target=powerpc64-unknown-linux-gnu"], "powerpc64-linux-gnu-objdump"),
    ("clang", ["--target=powerpc64le-unknown-linux-gnu"], "powerpc64le-linux-gnu-objdump"),
]
SYNC = ("sync", "hwsync", "msync")     # objdump's names for sync 0 (msync: e500)
FUNC_RE = re.compile(r"^([0-9a-f]+) <([^>]+)>:$")
INSN_RE = re.compile(r"^\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} ){4}\s*(\S+)\s*(.*)$")
RELOC_RE = re.compile(r"^\s*[0-9a-f]+: R_PPC\w*REL24\s+(\S+)")
OPD_RE = re.compile(r"^([0-9a-f]+) R_PPC64_ADDR64\s+\.text(?:\+0x([0-9a-f]+))?$")
TARGET_RE = re.compile(r"(?:^|,)([0-9a-f]+) <")


def functions(dump, opd_relocs):
    """name -> list of [addr, op, target addr or None, call symbol or None]."""
    funcs, cur, starts = {}, None, {}
    # ELFv1: a call to a local function goes through its descriptor (.opd+N).
    opd = {}
    for line in opd_relocs.splitlines():
        m = OPD_RE.match(line)
        if m:
            opd[int(m.group(1), 16)] = int(m.group(2) or "0", 16)
    section = ""
    for line in dump.splitlines():
        if line.startswith("Disassembly of section "):
            section = line[len("Disassembly of section "):].rstrip(":")
        m = FUNC_RE.match(line)
        if m and section == ".text":
            starts[int(m.group(1), 16)] = m.group(2).lstrip(".")
    for line in dump.splitlines():
        m = FUNC_RE.match(line)
        if m:
            cur = m.group(2).lstrip(".")        # ELFv1 code symbols: .name
            funcs[cur] = []
            continue
        m = RELOC_RE.match(line)
        if m and cur and funcs[cur]:
            sym, _, off = m.group(1).partition("+")
            if sym == ".opd":
                sym = starts.get(opd.get(int(off or "0", 16), -1), sym)
            funcs[cur][-1][3] = sym.lstrip(".")
            continue
        m = INSN_RE.match(line)
        if m and cur:
            t = TARGET_RE.search(m.group(3))
            op = "sync" if m.group(2) in SYNC else m.group(2)
            funcs[cur].append([int(m.group(1), 16), op, int(t.group(1), 16) if t else None, None])
    return funcs


def check(funcs, name):
    """Why a path through patcher `name` breaks the sequence, or None.

    Walks every control-flow path (calls to this object's functions
    followed, their returns back to the call site): once an icbi ran, the
    patcher must not return before a sync and then an isync; each icbi
    must directly follow dcbst and sync."""
    index = {fn: {insn[0]: i for i, insn in enumerate(body)} for fn, body in funcs.items()}
    saw_icbi = False
    seen = set()
    # state: -1 nothing patched yet, 0 icbi done, 1 sync after it, 2 synchronised
    work = [(name, 0, -1, ())]
    while work:
        fn, i, state, stack = work.pop()
        key = (fn, i, state, stack)
        if key in seen or len(stack) > 4:
            continue
        seen.add(key)
        body = funcs[fn]
        if i >= len(body):
            continue
        addr, op, target, call = body[i]
        if op == "icbi":
            saw_icbi = True
            if i < 2 or body[i - 1][1] != "sync" or body[i - 2][1] != "dcbst":
                return "icbi not preceded by dcbst; sync"
            state = 0
        elif op == "sync" and state == 0:
            state = 1
        elif op == "isync" and state == 1:
            state = 2
        nxt = [(fn, i + 1, state, stack)]
        if op in ("bl", "bla"):
            callee = call or next((f for f, b in funcs.items() if b and b[0][0] == target
                                   and f != fn), None)
            if callee in funcs and callee != fn:
                nxt = [(callee, 0, state, stack + ((fn, i + 1),))]
        elif op.startswith("b") and op not in ("bl", "bla") and "lr" in op or op == "bctr":
            # blr, beqlr, ... (bctr: an indirect tail jump, treated as a return)
            ret = [(stack[-1][0], stack[-1][1], state, stack[:-1])] if stack else []
            if not stack and state in (0, 1):
                return "returns after an icbi without sync; isync"
            nxt = ret + ([(fn, i + 1, state, stack)] if op not in ("blr", "bctr") else [])
        elif op.startswith("b") and (target is not None or call):
            if call and call in funcs and call != fn:
                dest = [(call, 0, state, stack)]        # tail call
            elif target is not None and target in index[fn]:
                dest = [(fn, index[fn][target], state, stack)]
            else:
                dest = []
            cond = op not in ("b", "ba")
            nxt = dest + ([(fn, i + 1, state, stack)] if cond else [])
        work += nxt
    return None if saw_icbi else "no icbi"


def main():
    src = sys.argv[1]
    bad, done = [], 0
    with tempfile.TemporaryDirectory() as tmp:
        for cc, flags, objdump in COMPILERS:
            if not shutil.which(cc) or not shutil.which(objdump):
                print(f"skip {cc} {' '.join(flags)}: not installed")
                continue
            for opt in ("-O2", "-O3"):
                funcs = {}
                for source in SOURCES:
                    obj = os.path.join(tmp, os.path.basename(source)[:-2] + ".o")
                    cmd = [cc] + flags + [opt, "-ffreestanding", "-fno-builtin", "-c",
                                          f"-I{src}/include", f"-I{src}/arch/powerpc/include",
                                          f"-I{src}/lib", f"{src}/{source}", "-o", obj]
                    r = subprocess.run(cmd, capture_output=True, text=True)
                    if r.returncode:
                        sys.exit(f"{' '.join(cmd)}\n{r.stderr}")
                    dump = subprocess.run([objdump, "-d", "-r", obj], capture_output=True,
                                          text=True, check=True).stdout
                    opd = subprocess.run([objdump, "-r", "-j", ".opd", obj], capture_output=True,
                                         text=True).stdout
                    funcs.update(functions(dump, opd))
                what = f"{cc} {' '.join(flags)} {opt}"
                for name in PATCHERS:
                    if name not in funcs:
                        bad.append(f"{what}: {name} not in the object")
                        continue
                    why = check(funcs, name)
                    done += 1
                    if why:
                        bad.append(f"{what}: {name}: {why}")
                print(f"{what}: {len(PATCHERS)} patchers checked")
    for b in bad:
        print("FAIL:", b)
    if done == 0:
        print("no PowerPC compiler found")
        sys.exit(77)
    print(f"{done} patcher builds checked, {len(bad)} failed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
