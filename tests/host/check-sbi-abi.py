#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""<hyp/sbi_abi.h> against Linux 6.1's arch/riscv/include/asm/sbi.h.

The header is not in any linux-libc-dev package (it is kernel-internal), so
it is read from Debian's linux-source-6.1 tarball (cached in CACHE_DIR, the
extraction takes ~10-30 s). Its enums (with implicit increments) and plain
#defines are parsed here; every pair below becomes a static assertion in a C
file compiled against our header, so our values go through the compiler.
Exit 77 when the tarball is missing.

usage: check-sbi-abi.py SOURCE_DIR CACHE_DIR
"""
import os
import re
import subprocess
import sys
import tarfile

TARBALL = "/usr/src/linux-source-6.1.tar.xz"
MEMBER = "linux-source-6.1/arch/riscv/include/asm/sbi.h"

# Linux name -> ours (every one must be found in Linux's header).
PAIRS = {f"SBI_EXT_0_1_{n}": f"HYP_SBI_EXT_LEGACY_{n}" for n in (
    "SET_TIMER", "CONSOLE_PUTCHAR", "CONSOLE_GETCHAR", "CLEAR_IPI", "SEND_IPI",
    "REMOTE_FENCE_I", "REMOTE_SFENCE_VMA", "REMOTE_SFENCE_VMA_ASID", "SHUTDOWN")}
PAIRS.update({f"SBI_EXT_{n}": f"HYP_SBI_EXT_{n}" for n in (
    "BASE", "TIME", "IPI", "RFENCE", "HSM", "SRST", "PMU", "EXPERIMENTAL_START",
    "EXPERIMENTAL_END", "VENDOR_START", "VENDOR_END")})
PAIRS.update({
    "SBI_EXT_BASE_GET_SPEC_VERSION": "HYP_SBI_BASE_GET_SPEC_VERSION",
    "SBI_EXT_BASE_GET_IMP_ID": "HYP_SBI_BASE_GET_IMPL_ID",
    "SBI_EXT_BASE_GET_IMP_VERSION": "HYP_SBI_BASE_GET_IMPL_VERSION",
    "SBI_EXT_BASE_PROBE_EXT": "HYP_SBI_BASE_PROBE_EXT",
    "SBI_EXT_BASE_GET_MVENDORID": "HYP_SBI_BASE_GET_MVENDORID",
    "SBI_EXT_BASE_GET_MARCHID": "HYP_SBI_BASE_GET_MARCHID",
    "SBI_EXT_BASE_GET_MIMPID": "HYP_SBI_BASE_GET_MIMPID",
    "SBI_EXT_TIME_SET_TIMER": "HYP_SBI_TIME_SET_TIMER",
    "SBI_EXT_IPI_SEND_IPI": "HYP_SBI_IPI_SEND_IPI",
    "SBI_EXT_HSM_HART_START": "HYP_SBI_HSM_HART_START",
    "SBI_EXT_HSM_HART_STOP": "HYP_SBI_HSM_HART_STOP",
    "SBI_EXT_HSM_HART_STATUS": "HYP_SBI_HSM_HART_GET_STATUS",
    "SBI_EXT_HSM_HART_SUSPEND": "HYP_SBI_HSM_HART_SUSPEND",
    "SBI_HSM_SUSPEND_RET_DEFAULT": "HYP_SBI_HSM_SUSPEND_RET_DEFAULT",
    "SBI_HSM_SUSP_NON_RET_BIT": "HYP_SBI_HSM_SUSPEND_NON_RET_DEFAULT",
    "SBI_EXT_SRST_RESET": "HYP_SBI_SRST_RESET",
    "SBI_SUCCESS": "HYP_SBI_SUCCESS",
    "SBI_ERR_FAILURE": "HYP_SBI_ERR_FAILED",
})
PAIRS.update({f"SBI_EXT_RFENCE_{n}": f"HYP_SBI_RFENCE_{n}" for n in (
    "REMOTE_FENCE_I", "REMOTE_SFENCE_VMA", "REMOTE_SFENCE_VMA_ASID",
    "REMOTE_HFENCE_GVMA_VMID", "REMOTE_HFENCE_GVMA", "REMOTE_HFENCE_VVMA_ASID",
    "REMOTE_HFENCE_VVMA")})
PAIRS.update({f"SBI_HSM_STATE_{n}": f"HYP_SBI_HSM_STATE_{n}" for n in (
    "STARTED", "STOPPED", "START_PENDING", "STOP_PENDING", "SUSPENDED",
    "SUSPEND_PENDING", "RESUME_PENDING")})
PAIRS.update({f"SBI_SRST_RESET_TYPE_{n}": f"HYP_SBI_SRST_TYPE_{n}" for n in (
    "SHUTDOWN", "COLD_REBOOT", "WARM_REBOOT")})
PAIRS.update({f"SBI_SRST_RESET_REASON_{n}": f"HYP_SBI_SRST_REASON_{n}" for n in (
    "NONE", "SYS_FAILURE")})
PAIRS.update({f"SBI_ERR_{n}": f"HYP_SBI_ERR_{n}" for n in (
    "NOT_SUPPORTED", "INVALID_PARAM", "DENIED", "INVALID_ADDRESS", "ALREADY_AVAILABLE",
    "ALREADY_STARTED", "ALREADY_STOPPED")})


def linux_header(cache):
    path = os.path.join(cache, "linux-6.1-riscv-asm-sbi.h")
    if not os.path.exists(path):
        with tarfile.open(TARBALL) as tar:
            data = tar.extractfile(MEMBER).read()
        os.makedirs(cache, exist_ok=True)
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.replace(path + ".tmp", path)
    return open(path).read()


def parse(text):
    values = {}
    for body in re.findall(r"enum\s+\w+\s*\{(.*?)\};", text, re.S):
        nxt = 0
        for line in body.splitlines():
            line = re.sub(r"/\*.*?\*/", "", line).strip()
            m = re.match(r"([A-Z0-9_]+)\s*(?:=\s*([-x0-9A-Fa-f]+))?\s*,?$", line)
            if not m:
                continue
            nxt = int(m.group(2), 0) if m.group(2) else nxt
            values[m.group(1)] = nxt
            nxt += 1
    for name, val in re.findall(r"^#define\s+(SBI_[A-Z0-9_]+)\s+(-?(?:0x[0-9A-Fa-f]+|\d+))\s*$",
                                text, re.M):
        values[name] = int(val, 0)
    return values


def main():
    src, cache = sys.argv[1], sys.argv[2]
    if not os.path.exists(TARBALL):
        print(f"SKIP: {TARBALL} missing (package linux-source-6.1)")
        return 77
    linux = parse(linux_header(cache))
    missing = [n for n in PAIRS if n not in linux]
    if missing:
        print("check-sbi-abi: not found in Linux's sbi.h: " + ", ".join(missing))
        return 1
    c = ["#include <hyp/sbi_abi.h>"]
    for lname, ours in sorted(PAIRS.items()):
        c.append(f'_Static_assert((long long)({ours}) == (long long)({linux[lname]}LL), '
                 f'"{ours} != Linux {lname} ({linux[lname]:#x})");')
    cfile = os.path.join(cache, "check-sbi-abi.c")
    with open(cfile, "w") as f:
        f.write("\n".join(c) + "\n")
    res = subprocess.run(["cc", "-std=c11", "-fsyntax-only", "-Wall", "-Werror",
                          "-I", os.path.join(src, "include"), cfile],
                         capture_output=True, text=True)
    if res.returncode != 0:
        print(res.stderr)
        return 1
    print(f"check-sbi-abi: {len(PAIRS)} SBI constants equal to Linux 6.1's asm/sbi.h")
    return 0


if __name__ == "__main__":
    sys.exit(main())
