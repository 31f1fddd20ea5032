"""The target table (cmake/targets.txt) for Python scripts: targets() returns
one dict per line, in table order, with the field names below."""
import os

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
FIELDS = ("target", "arch", "processors", "gcc", "gcc_flags", "clang", "clang_flags",
          "cppcheck", "cxx")


def targets(root=ROOT):
    rows = []
    with open(os.path.join(root, "cmake", "targets.txt")) as table:
        for n, line in enumerate(table, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = [f.strip() for f in line.split(";")]
            if len(fields) != len(FIELDS):
                raise ValueError(f"cmake/targets.txt:{n}: {len(FIELDS)} fields expected, "
                                 f"{len(fields)} found")
            rows.append(dict(zip(FIELDS, fields)))
    return rows
