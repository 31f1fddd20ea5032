#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Hypercall path length, counted statically (part 2 of tests/bench/run.sh).

A bench file defines path__<label> (a realistic call site through libhyp:
constant hypercall number, gated raw call) and pathref__<label> (the same
call as minimal inline asm). From the -O2 object of each (objdump, as in
callsite.py) a control-flow graph is built from the listing: fall-through
edges, and edges to branch targets inside the function; branch conditions
are not evaluated. For each hypercall transfer found in the function, the
path length is the shortest path from the function's first instruction to
the transfer (inclusive) plus the shortest path from the instruction after it
to a return (inclusive). A tail call (jump out of the function) ends a path
and its callee is not counted (it is the same error mapping call on both
sides). Transfers:
  x86   vmcall / vmmcall (direct); `call *%rax|%eax` into the Xen hypercall
        page: + 3 for the stub Xen writes (mov $op,%eax; vmcall; ret, Xen
        xen/arch/x86/hvm/vmx/vmx.c vmx_init_hypercall_page)
  ppc   `bl hyp_epapr_hypercall_area`: + the area's instructions (its four
        slots and blr, as assembled in lib/powerpc/epapr_area.c); sc (inline trap)
  mips  hypcall (.word 0x42000028); delay slots are counted as listed
  riscv ecall
"""
import os
import re

import callsite

TARGET_ADDR_RE = re.compile(r"\b(?:0x)?([0-9a-f]+) <([^>+]+)(?:\+0x([0-9a-f]+))?>")

X86_COND = re.compile(r"^j(?!mp)[a-z]+$")
PPC_COND = re.compile(r"^b(?:dnz|dz|eq|ne|lt|gt|le|ge|so|ns|un|nu|c)[-+]?$")
MIPS_COND = re.compile(r"^b(?:eq|ne|eqz|nez|ltz|gez|gtz|lez|eql|nel|c1[ft])$")
RISCV_COND = re.compile(r"^(?:c\.)?b(?:eq|ne|lt|ge|ltu|geu|eqz|nez|ltz|gez|gtz|lez|gt|le|gtu|leu)$")


def mnemonic(text):
    return text.split()[0] if text else ""


def classify(arch, text, func):
    """(kind, target address or None): kind in fall, cond, jump, ret, exit, trap, call."""
    mn = mnemonic(text)
    m = TARGET_ADDR_RE.search(text)
    internal = m and base(m.group(2)) == func
    addr = int(m.group(1), 16) if internal else None
    if arch == "x86":
        if mn in ("vmcall", "vmmcall"):
            return "trap:" + mn, None
        if mn.startswith("call") and "*" in text:
            return "trap:page", None
        if mn.startswith("ret"):
            return "ret", None
        if mn.startswith("jmp"):
            return ("jump", addr) if internal else ("exit", None)
        if X86_COND.match(mn):
            return ("cond", addr) if internal else ("exit", None)
        return "fall", None
    if arch == "powerpc":
        if mn == "sc":
            return "trap:sc", None
        if mn == "bl" and "hyp_epapr_hypercall_area" in text:
            return "trap:area", None
        if mn in ("blr",):
            return "ret", None
        if mn == "b":
            return ("jump", addr) if internal else ("exit", None)
        if PPC_COND.match(mn) and internal:
            return "cond", addr
        if mn.startswith("b") and mn.endswith("lr"):
            return "cond-ret", None
        return "fall", None
    if arch == "mips":
        if mn == "hypcall" or "0x42000028" in text:
            return "trap:hypcall", None
        if mn == "jr" and "ra" in text:
            return "ret", None
        if mn in ("j", "b"):
            return ("jump", addr) if internal else ("exit", None)
        if MIPS_COND.match(mn):
            return ("cond", addr) if internal else ("exit", None)
        return "fall", None
    if arch == "riscv":
        # GNU objdump names RISC-V branch targets by local labels (.L<n>): inside the function.
        if m and m.group(2).startswith(".L"):
            internal, addr = True, int(m.group(1), 16)
        if mn == "ecall":
            return "trap:ecall", None
        if mn in ("ret", "c.jr") and ("ret" in mn or "ra" in text):
            return "ret", None
        if mn in ("j", "c.j", "tail"):
            return ("jump", addr) if internal else ("exit", None)
        if RISCV_COND.match(mn):
            return ("cond", addr) if internal else ("exit", None)
        return "fall", None
    return "fall", None


def base(name):
    """The C name of a function label (ELFv1 objdump prints the code entry as .name)."""
    if name.startswith(".L."):
        return name[3:]
    return name[1:] if name.startswith(".") else name


def shortest(listing, arch, func, start, goal):
    """Fewest instructions from index `start` to an index where goal(kind) holds (inclusive)."""
    index = {a: i for i, (a, _) in enumerate(listing)}
    delay = 1 if arch == "mips" else 0
    dist = {start: 1}
    frontier = [start]
    while frontier:
        nxt = []
        for i in frontier:
            kind, target = classify(arch, listing[i][1], func)
            if goal(kind):
                return dist[i] + (delay if kind == "ret" else 0), i
            succ = []
            if kind in ("fall", "cond", "cond-ret") or kind.startswith("trap:"):
                succ.append(i + 1 + (delay if kind == "cond" else 0))
            if kind in ("cond", "jump") and target in index:
                succ.append(index[target] + (0 if not delay else 0))
            extra = delay if kind in ("cond", "jump") else 0
            for s in succ:
                if s < len(listing) and s not in dist:
                    dist[s] = dist[i] + 1 + extra
                    nxt.append(s)
        frontier = nxt
    return None, None


def transfers(listing, arch, func):
    kinds = []
    for _, text in listing:
        kind, _ = classify(arch, text, func)
        if kind.startswith("trap:") and kind not in kinds:
            kinds.append(kind)
    return kinds


def path(listing, arch, func, trap, area_len):
    """(to the transfer, back, total) for one transfer kind, or None."""
    to, at = shortest(listing, arch, func, 0, lambda k: k == trap)
    if to is None:
        return None
    back, _ = shortest(listing, arch, func, at + 1, lambda k: k in ("ret", "cond-ret"))
    if back is None:
        back, _ = shortest(listing, arch, func, at + 1, lambda k: k == "exit")
    if back is None:
        return None
    inside = {"trap:page": 3, "trap:area": area_len}.get(trap, 0)
    return to, back, to + back + inside, inside


TRAP_LABEL = {"trap:vmcall": "gated, direct vmcall vs inline vmcall",
              "trap:vmmcall": "gated, direct vmmcall vs inline vmcall",
              "trap:page": "gated, hypercall page vs inline vmcall",
              "trap:area": "gated, patched area vs inline sc 1",
              "trap:sc": "inline sc", "trap:hypcall": "gated hypcall vs inline",
              "trap:ecall": "gated ecall vs inline"}


def measure(results=None):
    """Rows for the table: one per target, label and transfer."""
    results = results or callsite.measure_all()
    rows, pending, totals = [], {}, {}
    for (target, cc), res in sorted(results.items(), key=lambda kv: order(kv[0])):
        if res["status"] != "ok":
            continue
        arch = res["arch"]
        area = res["lib_addr"].get("hyp_epapr_hypercall_area", [])
        for name, listing in sorted(res["bench_addr"].items()):
            if not name.startswith("path__"):
                continue
            label = name[len("path__"):]
            ref = res["bench_addr"].get("pathref__" + label)
            ref_paths = {}
            if ref:
                for trap in transfers(ref, arch, "pathref__" + label):
                    ref_paths[trap] = path(ref, arch, "pathref__" + label, trap, len(area))
            for trap in transfers(listing, arch, name):
                p = path(listing, arch, name, trap, len(area))
                if not p:
                    continue
                key = (target, label, trap)
                cell = f"{p[2]} ({p[0]}+{p[3]}+{p[1]})" if p[3] else f"{p[2]} ({p[0]}+{p[1]})"
                refp = ref_paths.get(trap) or next(iter(ref_paths.values()), None)
                if refp:
                    cell += f" vs {refp[2]} = {p[2] / refp[2]:.2f}"
                pending.setdefault(key, {})[cc] = cell
                totals.setdefault((target, label), {}).setdefault(cc, {})[trap] = p[2]
    for (target, label, trap), cells in sorted(pending.items(), key=lambda kv: order(kv[0])):
        rows.append({"target": target, "item": f"{label}: {TRAP_LABEL.get(trap, trap)}",
                     "gcc": cells.get("gcc", "-"), "clang": cells.get("clang", "-"),
                     "goal": "info"})
    for (target, label), by_cc in sorted(totals.items(), key=lambda kv: order(kv[0])):
        cells = {}
        for cc, t in by_cc.items():
            if "trap:page" in t and "trap:vmcall" in t:
                cells[cc] = f"{t['trap:page']} / {t['trap:vmcall']} = " \
                            f"{t['trap:page'] / t['trap:vmcall']:.2f}"
        if cells:
            rows.append({"target": target, "item": f"{label}: hypercall page / direct vmcall",
                         "gcc": cells.get("gcc", "-"), "clang": cells.get("clang", "-"),
                         "goal": "info"})
    for target, prefix, what in (("x86_64", "hyp_xen", "Xen hypercall page vs direct"),
                                 ("ppc64", "hyp_epapr", "PowerPC patched area vs inline sc")):
        if not any(r["item"].startswith(prefix) for r in rows):
            rows.append({"target": target, "item": what, "gcc": "not yet built", "goal": "info"})
    return rows


def order(key):
    targets = callsite.targets()
    return (targets.index(key[0]) if key[0] in targets else 99,) + tuple(str(k) for k in key[1:])


if __name__ == "__main__":
    for r in measure():
        print(r)
