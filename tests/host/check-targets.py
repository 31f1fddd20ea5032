#!/usr/bin/env python3
"""Every place that names the targets agrees with the target table
(cmake/targets.txt): CMakePresets.json as tests/gen-presets.py writes it,
cmake/toolchain/<target>-{gcc,clang}.cmake (processor, compiler, triple,
C flags), the README's plain-cc block (CC, ARCH, CFLAGS per target; it stays
literal because users copy it), arch/<arch>/include and lib/<arch>, and no
other file spelling the target list out.
usage: check-targets.py SOURCE_DIR"""
import os
import re
import subprocess
import sys

src = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
sys.path.insert(0, os.path.join(src, "tests"))
import targets as table  # noqa: E402

rows = table.targets(src)
names = [r["target"] for r in rows]
fails = []


def fail(msg):
    fails.append(msg)
    print("FAIL:", msg)


# --- CMakePresets.json
r = subprocess.run([sys.executable, os.path.join(src, "tests", "gen-presets.py"), "--check"],
                   capture_output=True, text=True)
if r.returncode:
    fail(r.stdout.strip() or r.stderr.strip())

# --- toolchain files
SET = re.compile(r'^\s*set\((\w+)\s+(?:"([^"]*)"|([^\s)]+))')


def toolchain(path):
    values = {}
    with open(path) as f:
        for line in f:
            m = SET.match(line)
            if m:
                values[m.group(1)] = m.group(2) if m.group(2) is not None else m.group(3)
    return values


tcdir = os.path.join(src, "cmake", "toolchain")
for row in rows:
    t = row["target"]
    for cc, compiler, flags in (("gcc", row["gcc"], row["gcc_flags"]),
                                ("clang", "clang", row["clang_flags"])):
        path = os.path.join(tcdir, f"{t}-{cc}.cmake")
        if not os.path.exists(path):
            fail(f"{t}: no cmake/toolchain/{t}-{cc}.cmake")
            continue
        v = toolchain(path)
        want = {"CMAKE_SYSTEM_PROCESSOR": t, "CMAKE_C_COMPILER": compiler,
                "CMAKE_C_FLAGS_INIT": flags}
        if cc == "clang":
            want["CMAKE_C_COMPILER_TARGET"] = row["clang"]
        for key, value in want.items():
            if v.get(key) != value:
                fail(f"{t}-{cc}.cmake: {key} is {v.get(key)!r}, the table says {value!r}")
for f in sorted(os.listdir(tcdir)):
    m = re.match(r"(.*)-(gcc|clang)\.cmake$", f)
    if not m or m.group(1) not in names:
        fail(f"cmake/toolchain/{f}: not a target of cmake/targets.txt")

# --- README plain-cc block: the same compiler, arch and flags (as a set of
# words: the order of the flags is free) for every target, and no other.
with open(os.path.join(src, "README.md")) as f:
    readme = f.read()
m = re.search(r"<!-- plain-cc recipe.*?\n```sh\n(.*?)\n```", readme, re.S)
if not m:
    fail("README.md: no plain-cc recipe block")
else:
    case = {}
    for line in m.group(1).splitlines():
        cm = re.match(r'\s*([\w]+)\)\s+CC=(\S+)\s+ARCH=(\S+)\s+CFLAGS="([^"]*)"\s*;;', line)
        if cm:
            case[cm.group(1)] = (cm.group(2), cm.group(3), cm.group(4))
    for row in rows:
        t = row["target"]
        if t not in case:
            fail(f"README plain-cc block: no line for {t}")
            continue
        cc, arch, flags = case.pop(t)
        if cc != row["gcc"] or arch != row["arch"] or sorted(flags.split()) != sorted(row["gcc_flags"].split()):
            fail(f"README plain-cc block, {t}: CC={cc} ARCH={arch} CFLAGS=\"{flags}\"; the table says "
                 f"{row['gcc']} {row['arch']} \"{row['gcc_flags']}\"")
    for t in case:
        fail(f"README plain-cc block: {t} is not in cmake/targets.txt")

# --- the arch directories
for arch in sorted({r["arch"] for r in rows}):
    for d in (f"arch/{arch}/include", f"lib/{arch}"):
        if not os.path.isdir(os.path.join(src, d)):
            fail(f"{d}: missing (cmake/targets.txt names arch {arch})")

# --- nobody else spells out the list: any line naming four or more targets
# as separate words (outside the table, the presets, the README and docs).
try:
    files = subprocess.run(["git", "-C", src, "ls-files"], capture_output=True, text=True,
                           check=True).stdout.split()
except (OSError, subprocess.CalledProcessError):
    files = []
skip = {"cmake/targets.txt", "CMakePresets.json"}
word = re.compile(r"(?<![\w./-])(" + "|".join(map(re.escape, names)) + r")(?![\w./-])")
for f in files:
    if f in skip or f.endswith(".md") or f.startswith("tests/bench/callsite-baseline"):
        continue
    path = os.path.join(src, f)
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (UnicodeDecodeError, OSError):
        continue
    for n, line in enumerate(text.splitlines(), 1):
        if len(set(word.findall(line))) >= 4:
            fail(f"{f}:{n}: a list of targets; read cmake/targets.txt instead: {line.strip()[:100]}")

print(f"{len(rows)} targets; {'FAILED' if fails else 'every place agrees with cmake/targets.txt'}")
sys.exit(1 if fails else 0)
