#!/usr/bin/env python3
"""Writes the per-target presets of CMakePresets.json from the target table
(cmake/targets.txt): for each target a gcc preset "<target>" (guest tests on)
and a clang preset "<target>-clang" (libhyp.a only), each with its configure,
build and test preset. Presets that are not per-target (base, host, any
other) are kept as written, before the generated ones.
usage: tests/gen-presets.py [--check]   --check: exit 1 if the file differs"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import targets as table  # noqa: E402

PATH = os.path.join(table.ROOT, "CMakePresets.json")
TEST_DEFAULTS = {"output": {"outputOnFailure": True}, "execution": {"jobs": 2, "timeout": 300}}


def target_presets(rows):
    conf, build, test = [], [], []
    for row in rows:
        t = row["target"]
        for cc in ("gcc", "clang"):
            name = t if cc == "gcc" else f"{t}-clang"
            # A toolchain file alone builds only libhyp.a: the presets ask for the tests.
            cache = {"HYP_TARGET": t, "HYP_GUEST_TESTS": "ON" if cc == "gcc" else "OFF"}
            conf.append({
                "name": name,
                "inherits": "base",
                "displayName": f"{t} guest (gcc)" if cc == "gcc" else f"{t} libhyp.a (clang)",
                "toolchainFile": "${sourceDir}/cmake/toolchain/" + f"{t}-{cc}.cmake",
                "cacheVariables": cache,
            })
            build.append({"name": name, "configurePreset": name})
            test.append({"name": name, "configurePreset": name, **json.loads(json.dumps(TEST_DEFAULTS))})
    return conf, build, test


def generate(presets, rows):
    per_target = {p["name"] for p in presets["configurePresets"] if "toolchainFile" in p}
    conf, build, test = target_presets(rows)
    out = dict(presets)
    out["configurePresets"] = [p for p in presets["configurePresets"]
                               if p["name"] not in per_target] + conf
    out["buildPresets"] = [p for p in presets["buildPresets"]
                           if p["configurePreset"] not in per_target] + build
    out["testPresets"] = [p for p in presets["testPresets"]
                          if p["configurePreset"] not in per_target] + test
    return json.dumps(out, indent=2) + "\n"


def main():
    with open(PATH) as f:
        current = f.read()
    wanted = generate(json.loads(current), table.targets())
    if "--check" in sys.argv[1:]:
        if current != wanted:
            print("CMakePresets.json is not what tests/gen-presets.py writes from "
                  "cmake/targets.txt; run tests/gen-presets.py")
            return 1
        print("CMakePresets.json matches cmake/targets.txt")
        return 0
    if current != wanted:
        with open(PATH, "w") as f:
            f.write(wanted)
        print("wrote CMakePresets.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
