#!/usr/bin/env python3
"""The README's services matrix, from a test run.

usage: matrix.py [--readme README.md] BUILD_DIR...

Reads each build directory's last CTest log (Testing/Temporary/LastTest.log,
written by `ctest -L services`), takes every services-<target>-<env> test
that passed and its "INFO: path <service> = <path>" lines, and prints one
row per service, one column per environment, naming the path that answered
("-": none offered, HYP_ENOSERVICE with no trap; a "*" marks a path the run
named but did not exercise there: its SKIP or "INFO: not exercised" line says why). A test that did
not pass is left out. With --readme the table replaces the text between the
README's "<!-- services-matrix -->" markers.
"""
import re
import sys
from pathlib import Path

SERVICES = ["console-write", "console-read", "power-off", "reset", "crash", "entropy",
            "idle", "yield", "cpu-start", "cpu-stop", "steal-time"]
BEGIN, END = "<!-- services-matrix -->", "<!-- /services-matrix -->"


def runs(log):
    """(test name, passed, output) of each test in one LastTest.log."""
    text = log.read_text(errors="replace")
    for m in re.finditer(r'^\d+/\d+ Test: (\S+)\n.*?^Output:\n-+\n(.*?)<end of output>\n'
                         r'.*?^Test (Passed|Failed|Not Run)', text, re.S | re.M):
        yield m.group(1), m.group(3) == "Passed", m.group(2)


def main(argv):
    readme = None
    if len(argv) > 2 and argv[1] == "--readme":
        readme, argv = Path(argv[2]), argv[2:]
    columns = {}
    for build in argv[1:]:
        log = Path(build) / "Testing" / "Temporary" / "LastTest.log"
        if not log.exists():
            continue
        for name, passed, out in runs(log):
            if not name.startswith("services-") or not passed:
                continue
            paths = dict(re.findall(r'^INFO: path (\S+) = (\S+)$', out, re.M))
            skipped = set(re.findall(r'^(?:SKIP|INFO: not exercised): ([a-z-]+):', out, re.M))
            cells = {}
            for s in SERVICES:
                p = paths.get(s, "?")
                cells[s] = "-" if p == "none" else p + ("*" if s in skipped else "")
            columns[name[len("services-"):]] = cells
    if not columns:
        sys.exit("matrix.py: no passed services-* test in " + " ".join(argv[1:]))
    names = sorted(columns)
    lines = ["| service | " + " | ".join(names) + " |",
             "|---|" + "---|" * len(names)]
    for s in SERVICES:
        lines.append("| " + s + " | " + " | ".join(columns[n][s] for n in names) + " |")
    table = "\n".join(lines) + "\n"
    if not readme:
        sys.stdout.write(table)
        return
    text = readme.read_text()
    head, _, rest = text.partition(BEGIN + "\n")
    _, _, tail = rest.partition(END)
    if not rest:
        sys.exit("matrix.py: no " + BEGIN + " in " + str(readme))
    readme.write_text(head + BEGIN + "\n" + table + END + tail)


if __name__ == "__main__":
    main(sys.argv)
