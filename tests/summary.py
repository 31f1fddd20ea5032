#!/usr/bin/env python3
"""Per-environment summary of a CTest run (tests/run-all.sh prints it last).

usage: summary.py TESTS_JSON JUNIT_XML
  TESTS_JSON  `ctest --show-only=json-v1` of the same build (each test's labels)
  JUNIT_XML   `ctest --output-junit` of the run (each test's status and output)

A test's environment is its env:<name> label (cmake/hyp_guest_test.cmake) or,
for the host tests, "host". Prints passed, failed and skipped per environment,
the reason of every skip (its "SKIP: reason" line) and the failed tests, then
one closing line "total: N passed, N failed, N skipped".
"""
import json
import sys
import xml.etree.ElementTree as ET

NAMES = {
    "host": "host (cmocka, ABI harnesses, static checks)",
    "fixture": "fixtures (kernels, .debs)",
    "tcg": "QEMU TCG (QEMU's own handlers, firmware)",
    "harness": "harness (the image plays hypervisor)",
    "kvm-x86": "nested KVM x86",
    "kvm-arm64": "nested KVM arm64",
    "kvm-riscv64": "nested KVM riscv64",
    "kvm-pr-ppc64": "nested KVM-PR ppc64",
    "xen-x86": "Xen 4.17 x86",
    "xen-arm64": "Xen 4.17 arm64",
}


def environment(labels):
    for label in labels:
        if label.startswith("env:"):
            return label[4:]
    return "host" if "host" in labels else "other"


def skip_reason(output):
    lines = [l.strip() for l in (output or "").splitlines()]
    for l in reversed(lines):
        if l.startswith("SKIP"):
            return l.split(":", 1)[1].strip() if ":" in l else l
    for l in reversed(lines):
        if "skip" in l.lower():
            return l
    return "no reason printed"


def main():
    tests = json.load(open(sys.argv[1]))["tests"]
    env_of = {}
    for t in tests:
        labels = []
        for p in t.get("properties", []):
            if p["name"] == "LABELS":
                labels = p["value"]
        env_of[t["name"]] = environment(labels)
    counts = {}
    skipped, failed = [], []
    for case in ET.parse(sys.argv[2]).getroot().iter("testcase"):
        name = case.get("name")
        env = env_of.get(name, "other")
        c = counts.setdefault(env, [0, 0, 0])
        out = case.findtext("system-out")
        if case.find("skipped") is not None or case.get("status") == "notrun":
            if case.find("failure") is not None:
                c[1] += 1
                failed.append(name)
            else:
                c[2] += 1
                skipped.append((name, skip_reason(out)))
        elif case.find("failure") is not None or case.get("status") == "fail":
            c[1] += 1
            failed.append(name)
        else:
            c[0] += 1
    order = list(NAMES) + sorted(e for e in counts if e not in NAMES)
    print("\nSummary by environment (what answered):")
    print(f"  {'environment':46} {'passed':>6} {'failed':>6} {'skipped':>7}")
    for env in order:
        if env in counts:
            p, f, s = counts[env]
            print(f"  {NAMES.get(env, env):46} {p:6} {f:6} {s:7}")
    for name, why in skipped:
        print(f"  skipped {name}: {why}")
    for name in failed:
        print(f"  FAILED {name}")
    tp, tf, ts = (sum(c[i] for c in counts.values()) for i in range(3))
    print(f"total: {tp} passed, {tf} failed, {ts} skipped")


if __name__ == "__main__":
    main()
