#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""libhyp's mutation run: does the suite catch wrong code?

Usage: tests/mutation/mutate.py [--list FILE] [--work DIR] [ID...]

Each mutant in tests/mutation/mutants.txt is one exact text substitution in
one file (the list's header says how to write one). The tool copies the
working tree (tracked and untracked, not ignored) to a scratch directory
(dropping files the tree no longer has), configures the builds the suites
need there (again when files came or went), checks that every suite passes unmutated, then for each mutant:
applies it to the scratch copy (never to the working tree), rebuilds the
suite's targets, runs its CTest selection, and puts the file back.

  KILLED    the suite failed on the mutant
  SURVIVED  the suite passed: a hole in the tests
  ERROR     the mutant did not apply exactly once (its text moved: update
            the list), or the mutant did not build; never counted as killed

Score = killed / (killed + survived); exit status 0 only with every mutant
killed and no error. Builds and tests run under nice.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))

# Build directories in the scratch tree: how to configure each.
BUILDS = {
    "host": ["cmake", "--preset", "host", "-DHYP_SUPERBUILD=OFF"],
    "ppc64": ["cmake", "--preset", "ppc64"],
    "ppc": ["cmake", "--preset", "ppc"],
    "mips": ["cmake", "--preset", "mips"],
    "aarch64": ["cmake", "--preset", "aarch64"],
    "riscv64": ["cmake", "--preset", "riscv64"],
}


def unescape(text):
    return text.encode().decode("unicode_escape")


def parse(path):
    suites, mutants = {}, []
    for n, raw in enumerate(open(path), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split(" | ")]
        if fields[0] == "suite":
            # suite | name | build | targets (space-separated, or -) | ctest arguments
            if len(fields) != 5:
                sys.exit(f"{path}:{n}: a suite line has 5 fields")
            _, name, build, targets, ctest = fields
            if build not in BUILDS:
                sys.exit(f"{path}:{n}: unknown build {build}")
            suites[name] = (build, None if targets == "none" else [] if targets == "-"
                            else targets.split(), ctest.split())
        else:
            # id | suite | file | anchor (or -) | old | new
            if len(fields) != 6:
                sys.exit(f"{path}:{n}: a mutant line has 6 fields, found {len(fields)}")
            mid, suite, file, anchor, old, new = fields
            if suite not in suites:
                sys.exit(f"{path}:{n}: unknown suite {suite}")
            mutants.append(dict(id=mid, suite=suite, file=file,
                                anchor=None if anchor == "-" else unescape(anchor),
                                old=unescape(old), new=unescape(new)))
    ids = [m["id"] for m in mutants]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"{path}: duplicate ids {sorted(dup)}")
    return suites, mutants


def apply(text, m):
    """The mutated text, or a reason it does not apply exactly once."""
    start = 0
    if m["anchor"] is not None:
        parts = m["anchor"].split(" ... ")
        count = text.count(parts[0])
        if count != 1:
            return None, f"anchor {parts[0]!r} found {count} times"
        start = text.index(parts[0])
        for part in parts[1:]:
            start = text.find(part, start)
            if start < 0:
                return None, f"anchor part {part!r} not found"
    where = text.find(m["old"], start)
    if where < 0:
        return None, "text not found" + (" after the anchor" if m["anchor"] else "")
    if m["anchor"] is None and text.count(m["old"]) != 1:
        return None, f"text found {text.count(m['old'])} times (give an anchor)"
    return text[:where] + m["new"] + text[where + len(m["old"]):], None


def run(cmd, cwd, log, timeout=1800):
    with open(log, "a") as f:
        f.write(f"\n$ {' '.join(cmd)}\n")
        f.flush()
        try:
            return subprocess.run(["nice", "-n", "10"] + cmd, cwd=cwd, stdout=f,
                                  stderr=subprocess.STDOUT, timeout=timeout).returncode
        except subprocess.TimeoutExpired:
            f.write("timeout\n")
            return 124


MARKER = ".libhyp-mutation-scratch"     # only a directory that has it is ever pruned


def copy_tree(work):
    """Make `work` a copy of the tree; True if a file was added or removed."""
    files = subprocess.run(["git", "ls-files", "-z", "-c", "-o", "--exclude-standard"],
                           cwd=SRC, capture_output=True, check=True).stdout.split(b"\0")
    wanted = {rel.decode() for rel in files if rel}
    changed = False
    # A file the tree no longer has (renamed, deleted) must not linger in the copy:
    # a glob in the build would still compile it.
    for root, dirs, names in os.walk(work):
        if root == work:
            dirs[:] = [d for d in dirs if d != "build"]
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), work)
            if rel not in (MARKER, "mutation.log") and rel not in wanted:
                os.remove(os.path.join(root, name))
                changed = True
    for rel in sorted(wanted):
        src, dst = os.path.join(SRC, rel), os.path.join(work, rel)
        if not os.path.isfile(src):
            continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        new = not os.path.exists(dst)
        changed = changed or new
        if new or open(src, "rb").read() != open(dst, "rb").read():
            shutil.copy2(src, dst)
    return changed


def failed_tests(build_dir):
    path = os.path.join(build_dir, "Testing", "Temporary", "LastTestsFailed.log")
    if not os.path.exists(path):
        return []
    return [line.strip().split(":", 1)[-1] for line in open(path) if line.strip()]


def suite_passes(work, suite, log):
    build, targets, ctest = suite
    bdir = os.path.join(work, "build", build)
    cmd = ["cmake", "--build", bdir, "-j2"] + (["--target"] + targets if targets else [])
    if targets is not None and run(cmd, work, log):
        return "build"
    if run(["ctest", "--test-dir", bdir, "--timeout", "300"] + ctest, work, log):
        return "tests"
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--list", default=os.path.join(HERE, "mutants.txt"))
    ap.add_argument("--work", default=os.environ.get("HYP_MUTATION_DIR", "/tmp/libhyp-mutation"))
    ap.add_argument("ids", nargs="*", help="only these mutants (default: all)")
    args = ap.parse_args()

    suites, mutants = parse(args.list)
    if args.ids:
        unknown = set(args.ids) - {m["id"] for m in mutants}
        if unknown:
            sys.exit(f"unknown mutant ids: {sorted(unknown)}")
        mutants = [m for m in mutants if m["id"] in args.ids]
    work = os.path.abspath(args.work)
    if os.path.commonpath([work, SRC]) == SRC:
        sys.exit("the scratch directory must lie outside the source tree")
    os.makedirs(work, exist_ok=True)
    if os.listdir(work) and not os.path.exists(os.path.join(work, MARKER)):
        sys.exit(f"{work} is not empty and not a scratch copy of this tool: choose another --work")
    open(os.path.join(work, MARKER), "w").close()
    log = os.path.join(work, "mutation.log")
    open(log, "w").close()
    print(f"scratch copy: {work} (log: {log})")
    files_changed = copy_tree(work)

    needed = {suites[m["suite"]][0] for m in mutants}
    for build in sorted(needed):
        # Configure once; again when files came or went (the build globs lib/).
        if files_changed or not os.path.exists(os.path.join(work, "build", build, "CMakeCache.txt")):
            if run(BUILDS[build], work, log):
                sys.exit(f"configuring {build} failed: see {log}")
    for name in sorted({m["suite"] for m in mutants}):
        why = suite_passes(work, suites[name], log)
        if why:
            sys.exit(f"suite {name} fails without any mutant ({why}): see {log}")
        print(f"baseline: suite {name} passes")

    results = []
    for m in mutants:
        path = os.path.join(work, m["file"])
        t0 = time.time()
        try:
            original = open(path).read()
        except OSError:
            results.append((m, "ERROR", "no such file"))
            print(f"ERROR     {m['id']}: {m['file']}: no such file", flush=True)
            continue
        mutated, why = apply(original, m)
        if mutated is None:
            results.append((m, "ERROR", why))
            print(f"ERROR     {m['id']}: {m['file']}: {why}", flush=True)
            continue
        with open(log, "a") as f:
            f.write(f"\n==== mutant {m['id']} ({m['file']})\n")
        with open(path, "w") as f:
            f.write(mutated)
        try:
            outcome = suite_passes(work, suites[m["suite"]], log)
        finally:
            with open(path, "w") as f:
                f.write(original)
        bdir = os.path.join(work, "build", suites[m["suite"]][0])
        if outcome == "build":
            verdict, detail = "ERROR", "the mutant does not build"
        elif outcome == "tests":
            verdict, detail = "KILLED", "by " + ", ".join(failed_tests(bdir)[:6])
        else:
            verdict, detail = "SURVIVED", f"suite {m['suite']} passed"
        results.append((m, verdict, detail))
        print(f"{verdict:9} {m['id']}: {detail} ({time.time() - t0:.0f} s)", flush=True)

    # Rebuild the restored tree so the scratch builds match the sources again.
    for name in sorted({m["suite"] for m in mutants}):
        build, targets, _ = suites[name]
        if targets is not None:
            run(["cmake", "--build", os.path.join(work, "build", build), "-j2"] +
                (["--target"] + targets if targets else []), work, log)

    killed = sum(1 for _, v, _ in results if v == "KILLED")
    survived = sum(1 for _, v, _ in results if v == "SURVIVED")
    errors = sum(1 for _, v, _ in results if v == "ERROR")
    scored = killed + survived
    score = 100.0 * killed / scored if scored else 0.0
    print(f"\nmutants: {len(results)}, killed {killed}, survived {survived}, errors {errors}")
    print(f"score: {killed}/{scored} = {score:.0f}%")
    return 0 if survived == 0 and errors == 0 and killed else 1


if __name__ == "__main__":
    sys.exit(main())
