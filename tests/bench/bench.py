#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Print libhyp's benchmark table (tests/bench/run.sh calls this).

One row per measurement; the gcc and clang columns hold the measurement with
each compiler (parts 3, 4 and 6 are host programs: gcc column only). Notes
[n] refer to the listings printed under the table.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import callsite  # noqa: E402
import pathlen  # noqa: E402

ROOT = callsite.ROOT


class Table:
    def __init__(self):
        self.rows = []
        self.notes = []

    def row(self, part, target, item, gcc="-", clang="-", goal="", note=""):
        self.rows.append((str(part), target, item, gcc, clang, goal, note))

    def note(self, title, lines):
        self.notes.append((title, lines))
        return f"[{len(self.notes)}]"

    def print(self, out=sys.stdout):
        head = ("part", "target", "item", "gcc", "clang", "goal", "note")
        widths = [max(len(r[i]) for r in self.rows + [head]) for i in range(len(head))]
        line = "  ".join("{:<%d}" % w for w in widths)
        print(line.format(*head).rstrip(), file=out)
        print("  ".join("-" * w for w in widths), file=out)
        last = None
        for r in self.rows:
            if last is not None and r[0] != last:
                print(file=out)
            last = r[0]
            print(line.format(*r).rstrip(), file=out)
        for i, (title, lines) in enumerate(self.notes, 1):
            print(f"\n[{i}] {title}", file=out)
            for text in lines:
                print(f"    {text}", file=out)


# ---- part 1: call-site cost ---------------------------------------------

# Where the gate must cost more (x86's run-time vendor/mode choice, PowerPC's patched
# call), the extra instructions are listed; elsewhere the counts say it.
NOTE_GATE_ARCHS = ("x86", "powerpc")


def group_key(item):
    """hyp_kvm_hypercall3 -> (hyp_kvm_hypercallN, 3); wrappers stay alone."""
    m = re.match(r"^(.*?)(\d+)$", item)
    if m and not item.startswith("hyp_kvm_mips_"):
        return m.group(1) + "N", int(m.group(2))
    return item, None


def part_callsite(table, results):
    order = callsite.targets()
    for target in order:
        per_cc = {cc: results.get((target, cc), {"status": "not measured"})
                  for cc in callsite.COMPILERS}
        ok = [cc for cc in callsite.COMPILERS if per_cc[cc]["status"] == "ok"]
        if not ok:
            status = per_cc["gcc"]["status"]
            table.row(1, target, "call sites", status, per_cc["clang"]["status"]
                      if per_cc["clang"]["status"] != status else "")
            continue
        # (group, vs) -> cc -> [(arity, lib, ref, goal, entry)]
        groups = {}
        for cc in ok:
            for e in per_cc[cc]["items"]:
                if e.get("missing"):
                    continue
                g, arity = group_key(e["item"])
                for vs, lib, ref, goal in callsite.comparisons(e):
                    groups.setdefault((g, vs), {}).setdefault(cc, []).append(
                        (arity, lib, ref, goal, e))
        for (g, vs), by_cc in sorted(groups.items(), key=lambda kv: group_sort(kv[0])):
            cells, notes, goal, tags = {}, [], None, {}
            for cc in callsite.COMPILERS:
                members = by_cc.get(cc)
                if not members:
                    cells[cc] = per_cc[cc]["status"] if cc not in ok else "-"
                    continue
                lib = sum(m[1] for m in members)
                ref = sum(m[2] for m in members)
                worst = max(members, key=lambda m: m[1] / m[2])
                ratio = worst[1] / worst[2]
                goal = worst[3]
                cells[cc] = f"{lib}/{ref} {ratio:.2f}"
                if vs == "bare" and g.endswith("N") and per_cc[cc].get("arch") in NOTE_GATE_ARCHS:
                    first = min(members, key=lambda m: (m[0] or 0))
                    plus, minus = callsite.extra(first[4], "ref")
                    notes.append(table.note(
                        f"{target} {cc}: {first[4]['item']} through libhyp minus the bare asm "
                        f"({len(first[4]['lib'])} - {len(first[4]['ref'])} instructions)",
                        [f"+ {i}" for i in plus] + [f"- {i}" for i in minus]))
                elif vs != "bare" and goal is not None and ratio > goal:
                    above = sorted({callsite.irreducible(target, cc, m[4]["item"], per_cc[cc]["items"]) or "-"
                                    for m in members if m[1] > m[2] * m[3]})
                    if "-" not in above:
                        tags.setdefault("irreducible " + ",".join(above), []).append(cc)
                    plus, minus = callsite.extra(worst[4], "gref" if vs == "hand" else "ref")
                    notes.append(table.note(
                        f"{target} {cc}: {worst[4]['item']} misses {goal:.2f}: libhyp "
                        f"{worst[1]} vs reference {worst[2]}",
                        [f"+ {i}" for i in plus] + [f"- {i}" for i in minus]))
            arities = sorted(a for m in by_cc.values() for a, *_ in m if a is not None)
            name = g if not arities else f"{g} N={arities[0]}..{arities[-1]}"
            label = {"asm": "vs asm", "hand": "vs asm+gate by hand",
                     "bare": "vs bare asm (gate cost)"}[vs]
            notes = [f"{t} ({', '.join(ccs)})" for t, ccs in tags.items()] + notes
            table.row(1, target, f"{name} {label}", cells.get("gcc", "-"), cells.get("clang", "-"),
                      f"{goal:.2f}" if goal is not None else "info", " ".join(notes))


def group_sort(key):
    g, vs = key
    stub = g.endswith("N")
    raw_gated = "hypercall" in g and stub
    return (0 if stub and not raw_gated else 1 if raw_gated else 2, g, vs)


# ---- part 2: path length -------------------------------------------------

def part_pathlen(table, results):
    for row in pathlen.measure(results):
        table.row(2, row["target"], row["item"], row.get("gcc", "-"), row.get("clang", "-"),
                  row.get("goal", "info"), row.get("note", ""))
        if row.get("listing"):
            table.notes.append((row["listing"][0], row["listing"][1]))


# ---- part 3 and 4: host programs ------------------------------------------

def part_program(table, part, exe, label, args=()):
    if not exe or not os.path.exists(exe):
        table.row(part, "host", label, "not yet built", goal="")
        return
    res = subprocess.run([exe] + list(args), capture_output=True, text=True)
    if res.returncode != 0:
        table.row(part, "host", label, "FAILED", note=res.stderr.strip()[-200:])
        return
    for line in res.stdout.splitlines():
        fields = line.split("\t")
        if len(fields) >= 3 and fields[0] == "row":
            table.row(part, "host", fields[1], fields[2], "-", fields[3] if len(fields) > 3 else "",
                      fields[4] if len(fields) > 4 else "")


# ---- part 5: footprint -----------------------------------------------------

def size_tool(target):
    info = callsite.toolchain_info(target, "gcc")
    if info and info["CC"].endswith("gcc") and shutil.which(info["CC"][:-3] + "size"):
        return info["CC"][:-3] + "size"
    return shutil.which("llvm-size")


def berkeley(tool, path):
    out = subprocess.run([tool, "-t", path], capture_output=True, text=True)
    if out.returncode != 0:
        return None
    for line in out.stdout.splitlines():
        f = line.split()
        if path.endswith(".a") and "(TOTALS)" in line:
            return tuple(int(x) for x in f[:3])
        if not path.endswith(".a") and len(f) >= 3 and f[0].isdigit():
            return tuple(int(x) for x in f[:3])
    return None


def part_footprint(table, build):
    for target in callsite.targets():
        tool = size_tool(target)
        info = callsite.toolchain_info(target, "gcc")
        merged = info and os.path.isdir(os.path.join(ROOT, "arch", info["ARCH"], "include"))
        cells = {}
        for cc in callsite.COMPILERS:
            lib = os.path.join(build, "targets", f"{target}-{cc}", "lib", "libhyp.a")
            s = berkeley(tool, lib) if tool and os.path.exists(lib) else None
            cells[cc] = f"{s[0]}/{s[1]}/{s[2]}" if s else "not built"
        table.row(5, target, "libhyp.a text/data/bss", cells["gcc"], cells["clang"], "",
                  "" if merged else "portable core only (arch not merged)")
        images = sorted(glob.glob(os.path.join(build, "targets", f"{target}-gcc", "examples",
                                               "*", "*")))
        for img in images:
            name = os.path.basename(os.path.dirname(img))
            base = os.path.basename(img)
            if os.path.isdir(img) or not (base == name or base.endswith(".elf")):
                continue
            s = berkeley(tool, img) if tool else None
            if s:
                table.row(5, target, f"example {name} text/data/bss", f"{s[0]}/{s[1]}/{s[2]}")


# ---- part 6: the test suite -------------------------------------------------

def part_suite(table, seconds, detail):
    if seconds is None:
        table.row(6, "all", "tests/run-all.sh wall time", "skipped (--skip-suite)", goal="< 120 s")
    else:
        table.row(6, "all", "tests/run-all.sh wall time", f"{seconds:.0f} s", goal="< 120 s",
                  note=detail or "")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--build", default=os.path.join(ROOT, "build", "host"))
    ap.add_argument("--fdt-bench", help="the built fdt lookup benchmark")
    ap.add_argument("--fdt-blobs", help="directory of .dtb files for it")
    ap.add_argument("--patch-bench", help="the built PowerPC patcher benchmark")
    ap.add_argument("--suite-seconds", type=float)
    ap.add_argument("--suite-detail", default="")
    args = ap.parse_args()
    table = Table()
    results = callsite.measure_all()
    part_callsite(table, results)
    part_pathlen(table, results)
    blobs = sorted(glob.glob(os.path.join(args.fdt_blobs, "*.dtb"))) if args.fdt_blobs else []
    part_program(table, 3, args.fdt_bench, "device-tree lookup /hypervisor hcall-instructions",
                 blobs)
    part_program(table, 4, args.patch_bench, "PowerPC patcher throughput")
    part_footprint(table, args.build)
    part_suite(table, args.suite_seconds, args.suite_detail)
    table.print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
