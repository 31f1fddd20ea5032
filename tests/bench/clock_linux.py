#!/usr/bin/env python3
"""Every clock source's read path against Linux 6.1's own code, in executed
instructions, per target and compiler.

The Linux side is compiled from Debian's linux-source-6.1: the functions a
read runs are cut out of the real files by name (extract()), with stubs only
for what they need (types, barriers as Linux defines them for the target,
the TSC read, the atomics, the seqcount latch types). The files are
extracted once into ${HYP_CACHE:-/var/cache/libhyp}/linux-bench/<version>.

Counting, the same for both sides: the static program (tests/bench/clock_cmp.c
+ the generated Linux file + lib/) runs under QEMU user mode with one guest
instruction per translation block, each execution logged (-one-insn-per-tb,
here `-singlestep`, `-d exec,nochain`); the count is the instructions from
the measured function's first one to the return to its caller (callees
included). Deterministic: no writer changes a record, so no retry runs.

usage: clock_linux.py [--markdown | --record DOC] [--out DIR]
  --record DOC  writes the table (--markdown) into DOC between the markers
                <!-- clock_linux.py --record: begin --> and <!-- ... end -->
Prints `clock <source> <target>-<cc>: libhyp N, linux M, ratio R`, or
`clock <source> <target>-<cc>: skipped: <reason>`.
"""
import argparse
import bisect
import fcntl
import glob
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "tests", "bench")

FILES = [
    "arch/x86/kernel/pvclock.c", "arch/x86/include/asm/pvclock.h",
    "arch/x86/include/asm/pvclock-abi.h", "arch/x86/include/asm/div64.h",
    "arch/x86/include/asm/mshyperv.h", "include/linux/math64.h",
    "include/clocksource/hyperv_timer.h", "drivers/clocksource/hyperv_timer.c",
    "include/asm-generic/hyperv-tlfs.h",
    "arch/arm64/include/asm/arch_timer.h", "arch/arm64/include/asm/barrier.h",
    "drivers/clocksource/arm_arch_timer.c", "kernel/time/sched_clock.c",
    "include/linux/sched_clock.h", "include/linux/seqlock.h",
]

# (target, compiler): (command, flags, lib dirs, qemu). The kernel flags of
# cmake/toolchain/<target>-<cc>.cmake, -O2, linked static against the host's
# cross libc (the harness only: the measured code is freestanding).
TARGETS = {
    ("x86_64", "gcc"): (["gcc"], ["-m64", "-mno-red-zone", "-mno-sse", "-mno-mmx"], "x86", "qemu-x86_64"),
    ("x86_64", "clang"): (["clang"], ["-m64", "-mno-red-zone", "-mno-sse", "-mno-mmx"], "x86", "qemu-x86_64"),
    ("i386", "gcc"): (["i686-linux-gnu-gcc"], ["-m32", "-fno-pic", "-mno-sse", "-mno-mmx"], "x86", "qemu-i386"),
    ("i386", "clang"): (["clang", "--target=i686-linux-gnu"], ["-m32", "-march=i686", "-fno-pic", "-mno-sse", "-mno-mmx"],
                        "x86", "qemu-i386"),
    ("aarch64", "gcc"): (["aarch64-linux-gnu-gcc"], ["-mgeneral-regs-only", "-mstrict-align"], "arm64",
                         "qemu-aarch64"),
    ("aarch64", "clang"): (["clang", "--target=aarch64-linux-gnu"], ["-mgeneral-regs-only", "-mstrict-align"],
                           "arm64", "qemu-aarch64"),
}

# source: (targets, libhyp case, linux case, what Linux's side is)
SOURCES = [
    ("kvmclock", "x86", "pvclock_stable", "pvclock_clocksource_read",
     "arch/x86/kernel/pvclock.c pvclock_clocksource_read(), TSC_STABLE record and valid flags"),
    ("kvmclock-unstable", "x86", "pvclock_unstable", "pvclock_clocksource_read",
     "the same, record not stable: the last-value compare-and-swap runs"),
    ("xen-pvclock", "x86", "pvclock_xen", "pvclock_clocksource_read",
     "Xen's vcpu_time_info read by the same pvclock_clocksource_read() (arch/x86/xen/time.c)"),
    ("hyperv-tsc-page", "x86", "hyperv_page_read", "read_hv_clock_tsc",
     "drivers/clocksource/hyperv_timer.c read_hv_clock_tsc() (100 ns units)"),
    ("hyperv-tsc-page-ns", "x86", "hyperv_clock_ns", "read_hv_sched_clock_tsc",
     "drivers/clocksource/hyperv_timer.c read_hv_sched_clock_tsc() (ns)"),
    ("hyperv-ref-count", "x86", None, None,
     "rdmsr is privileged: it faults at CPL 3, so a user-mode run cannot step through it"),
    ("kvm-ptp", "arm64", "arm64_counter_ns", "sched_clock",
     "kernel/time/sched_clock.c sched_clock() reading arm_arch_timer.c arch_counter_get_cntvct()"),
]

# Sources that exist in Linux but not (yet) in libhyp, per architecture.
NO_SOURCE = [
    ("riscv64-time", "riscv64", "libhyp has no riscv64 clock source (lib/riscv/clock_riscv.c: HYP_ENOHYP)"),
    ("s390x-tod", "s390x", "libhyp has no s390x clock source (lib/s390/clock_s390.c: HYP_ENOHYP)"),
    ("powerpc-timebase", "ppc64", "libhyp has no PowerPC clock source (lib/powerpc/clock_powerpc.c: HYP_ENOHYP)"),
    ("mips-count", "mips64", "libhyp has no MIPS clock source (lib/mips/clock_mips.c: HYP_ENOHYP)"),
]


def linux_tree():
    """The extracted files' directory, or (None, reason)."""
    tars = sorted(glob.glob("/usr/src/linux-source-*.tar.xz"))
    if not tars:
        return None, "no /usr/src/linux-source-*.tar.xz (package linux-source-6.1)"
    tar = tars[-1]
    top = os.path.basename(tar)[: -len(".tar.xz")]
    try:
        version = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", top], capture_output=True,
                                 text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        version = str(int(os.stat(tar).st_mtime))
    cache = os.path.join(os.environ.get("HYP_CACHE", "/var/cache/libhyp"), "linux-bench", version)
    os.makedirs(cache, exist_ok=True)
    with open(os.path.join(cache, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(os.path.join(cache, ".done")):
            subprocess.run(["tar", "-xJf", tar, "-C", cache, "--strip-components=1"]
                           + [f"{top}/{f}" for f in FILES], check=True)
            open(os.path.join(cache, ".done"), "w").close()
    return cache, None


class Source:
    def __init__(self, tree):
        self.tree = tree

    def lines(self, path):
        with open(os.path.join(self.tree, path)) as f:
            return f.read().split("\n")

    def func(self, path, name, nth=0):
        """The nth definition of function `name`: its signature lines to the `}` in column 0."""
        lines = self.lines(path)
        found = 0
        for i, line in enumerate(lines):
            if not re.match(r"^(?:[A-Za-z_].*\b)?%s\(" % re.escape(name), line) or line.rstrip().endswith(";"):
                continue
            j = i
            while j < len(lines) and not lines[j].startswith("{"):
                if lines[j].rstrip().endswith(";"):
                    break
                j += 1
            if j == len(lines) or not lines[j].startswith("{"):
                continue
            if found < nth:
                found += 1
                continue
            start = i
            while start > 0 and re.match(r"^(static|notrace|inline|u64|u32|bool|int|unsigned)\b",
                                         lines[start - 1]) and not lines[start - 1].rstrip().endswith(";"):
                start -= 1
            end = j
            while lines[end] != "}":
                end += 1
            return "\n".join(lines[start:end + 1]) + "\n"
        raise KeyError(f"{path}: no definition {nth} of {name}()")

    def block(self, path, first):
        """From the line matching regex `first` to the next line starting with `}`."""
        lines = self.lines(path)
        for i, line in enumerate(lines):
            if re.match(first, line):
                end = i
                while not lines[end].startswith("}"):
                    end += 1
                return "\n".join(lines[i:end + 1]) + "\n"
        raise KeyError(f"{path}: no {first}")

    def macro(self, path, name):
        lines = self.lines(path)
        for i, line in enumerate(lines):
            if re.match(r"^#define\s+%s\b" % re.escape(name), line):
                end = i
                while lines[end].endswith("\\"):
                    end += 1
                return "\n".join(lines[i:end + 1]) + "\n"
        raise KeyError(f"{path}: no #define {name}")

    def line(self, path, regex):
        for line in self.lines(path):
            if re.match(regex, line):
                return line + "\n"
        raise KeyError(f"{path}: no {regex}")


COMMON = """/* Generated by tests/bench/clock_linux.py from Debian's linux-source: stubs, then Linux's code. */
#include <stdint.h>
#include <stdbool.h>
typedef uint8_t u8; typedef uint16_t u16; typedef uint32_t u32; typedef uint64_t u64;
typedef int8_t s8; typedef int16_t s16; typedef int32_t s32; typedef int64_t s64;
typedef unsigned long ulong;
#define notrace
#define __read_mostly
#define __ro_after_init
#define __always_inline inline __attribute__((always_inline))
#define __aligned(x) __attribute__((aligned(x)))
#define __packed __attribute__((packed))
#define ____cacheline_aligned __attribute__((aligned(64)))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define barrier() __asm__ __volatile__("" ::: "memory")
#define U64_MAX UINT64_MAX
#define NSEC_PER_SEC 1000000000L
#define PAGE_SIZE 4096
#define EXPORT_SYMBOL_GPL(x)
"""

X86_STUBS = """/* x86: smp_rmb() and virt_rmb() are barrier() (arch/x86/include/asm/barrier.h). */
#define smp_rmb() barrier()
#define virt_rmb() barrier()
/* rdtsc_ordered(): lfence; rdtsc on the CPUs libhyp reads it with (asm/msr.h alternatives). */
static __always_inline u64 rdtsc_ordered(void)
{
	u32 lo, hi;
	__asm__ __volatile__("lfence; rdtsc" : "=a"(lo), "=d"(hi) :: "memory");
	return (u64)hi << 32 | lo;
}
typedef struct { s64 __attribute__((aligned(8))) counter; } atomic64_t;  /* as Linux: 8-aligned on i386 too */
#define ATOMIC64_INIT(i) { (i) }
#ifdef __i386__
/* i386: atomic64_read_cx8 (arch/x86/lib/atomic64_cx8_32.S), a cmpxchg8b of the value with itself. */
static __always_inline s64 atomic64_read(atomic64_t *v) { return __sync_val_compare_and_swap(&v->counter, 0, 0); }
#else
static __always_inline s64 atomic64_read(const atomic64_t *v) { return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); }
#endif
static __always_inline s64 atomic64_cmpxchg(atomic64_t *v, s64 old, s64 new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return old;
}
__attribute__((noinline)) void pvclock_touch_watchdogs(void) { barrier(); }
#define HV_REGISTER_TIME_REF_COUNT 0x40000020
__attribute__((noinline)) static u64 hv_get_register(unsigned int reg) { barrier(); return reg; }
"""

ARM64_STUBS = """/* arm64: smp_rmb() is dmb ishld (arch/arm64/include/asm/barrier.h); no ECV: the first alternative. */
#define smp_rmb() __asm__ __volatile__("dmb ishld" ::: "memory")
#define ALTERNATIVE(a, b, cap) a
#define __mrs_s(r, s) ""
typedef s64 ktime_t;
typedef struct seqcount { unsigned sequence; } seqcount_t;
typedef struct { seqcount_t seqcount; } seqcount_latch_t;
#define HZ 250
static unsigned long jiffies;
#define INITIAL_JIFFIES 0
"""


def linux_file(src, arch):
    out = [COMMON]
    if arch == "x86":
        out.append(X86_STUBS)
        abi = "arch/x86/include/asm/pvclock-abi.h"
        out += [src.block(abi, r"^struct pvclock_vcpu_time_info \{"),
                src.macro(abi, "PVCLOCK_TSC_STABLE_BIT"), src.macro(abi, "PVCLOCK_GUEST_STOPPED")]
        pv = "arch/x86/include/asm/pvclock.h"
        out += [src.func(pv, n) for n in ("pvclock_read_begin", "pvclock_read_retry", "pvclock_scale_delta",
                                           "__pvclock_read_cycles")]
        c = "arch/x86/kernel/pvclock.c"
        out += [src.line(c, r"^static u8 valid_flags"), src.line(c, r"^static atomic64_t last_value"),
                src.func(c, "pvclock_set_flags"), src.func(c, "pvclock_clocksource_read")]
        out += [src.block("include/asm-generic/hyperv-tlfs.h", r"^struct ms_hyperv_tsc_page \{"),
                src.macro("include/asm-generic/hyperv-tlfs.h", "HV_CLOCK_HZ"),
                src.macro("arch/x86/include/asm/mshyperv.h", "hv_get_raw_timer"),
                "#ifdef __i386__\n", src.func("arch/x86/include/asm/div64.h", "mul_u32_u32"),
                src.func("include/linux/math64.h", "mul_u64_u64_shr", 1),
                "#else\n", src.func("include/linux/math64.h", "mul_u64_u64_shr", 0), "#endif\n"]
        h = "include/clocksource/hyperv_timer.h"
        out += [src.func(h, "hv_read_tsc_page_tsc"), src.func(h, "hv_read_tsc_page")]
        t = "drivers/clocksource/hyperv_timer.c"
        out += [src.line(t, r"^static u64 hv_sched_clock_offset"),
                src.block(t, r"^static union \{"),
                src.func(t, "hv_get_tsc_page"), src.func(t, "read_hv_clock_tsc"),
                src.func(t, "read_hv_sched_clock_tsc")]
        out.append(GLUE_X86)
    else:
        out.append(ARM64_STUBS)
        out.append(src.macro("arch/arm64/include/asm/barrier.h", "arch_counter_enforce_ordering"))
        out.append(src.func("arch/arm64/include/asm/arch_timer.h", "__arch_counter_get_cntvct"))
        out.append(src.func("drivers/clocksource/arm_arch_timer.c", "arch_counter_get_cntvct"))
        out.append(src.block("include/linux/sched_clock.h", r"^struct clock_read_data \{"))
        sl = "include/linux/seqlock.h"
        out += [src.func(sl, "raw_read_seqcount_latch"), src.func(sl, "raw_read_seqcount_latch_retry")]
        s = "kernel/time/sched_clock.c"
        out += [src.block(s, r"^struct clock_data \{"), src.func(s, "jiffy_sched_clock_read"),
                src.block(s, r"^static struct clock_data cd "), src.func(s, "cyc_to_ns"),
                src.func(s, "sched_clock_read_begin"), src.func(s, "sched_clock_read_retry"),
                src.func(s, "sched_clock")]
        out.append(GLUE_ARM64)
    return "".join(out)


# The harness's way in (not measured): set the record up, call Linux's function.
GLUE_X86 = """
/* ---- bench glue (not measured) ---- */
static struct pvclock_vcpu_time_info bench_rec;
static volatile u64 bench_out;
u64 bench_linux(const char *which);
u64 bench_linux(const char *which)
{
	u64 (*volatile pv)(struct pvclock_vcpu_time_info *) = pvclock_clocksource_read;
	u64 (*volatile hv)(void) = read_hv_clock_tsc;
	u64 (*volatile hvns)(void) = read_hv_sched_clock_tsc;
	struct ms_hyperv_tsc_page *p = hv_get_tsc_page();

	bench_rec = (struct pvclock_vcpu_time_info){ .version = 2, .tsc_timestamp = rdtsc_ordered(),
		.system_time = 1000000000ull, .tsc_to_system_mul = 3308780349u, .tsc_shift = -1,
		.flags = which[8] == 'u' ? 0 : PVCLOCK_TSC_STABLE_BIT };
	pvclock_set_flags(PVCLOCK_TSC_STABLE_BIT);
	p->tsc_sequence = 3;
	p->tsc_scale = 0x1234567890abcdefull;
	p->tsc_offset = 123456;
	/* Each call then a barrier: no tail call, the measured function returns here. */
	if (which[0] == 'p')
		bench_out = pv(&bench_rec);
	else if (which[7] == 'c')
		bench_out = hvns();
	else
		bench_out = hv();
	barrier();
	return bench_out;
}
"""

GLUE_ARM64 = """
/* ---- bench glue (not measured): the state sched_clock_register() leaves for a 56-bit counter ---- */
static volatile u64 bench_out;
u64 bench_linux(const char *which);
u64 bench_linux(const char *which)
{
	u64 (*volatile f)(void) = sched_clock;

	(void)which;
	cd.read_data[0] = (struct clock_read_data){ .epoch_ns = 0, .epoch_cyc = 0,
		.sched_clock_mask = (1ull << 56) - 1, .read_sched_clock = arch_counter_get_cntvct,
		.mult = 2796202667u, .shift = 26 };
	bench_out = f();
	barrier();
	return bench_out;
}
"""


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def build(target, cc, tree, out):
    cmd, flags, arch, _ = TARGETS[(target, cc)]
    if not shutil.which(cmd[0]):
        return None, f"{cmd[0]} not installed"
    src = Source(tree)
    gen = os.path.join(out, f"linux_{target}-{cc}.c")
    with open(gen, "w") as f:
        f.write(linux_file(src, arch))
    lib = sorted(glob.glob(os.path.join(ROOT, "lib", "*.c")) + glob.glob(os.path.join(ROOT, "lib", arch, "*.c")))
    inc = ["-I" + os.path.join(ROOT, "include"), "-I" + os.path.join(ROOT, "arch", arch, "include"),
           "-I" + os.path.join(ROOT, "lib")]
    binary = os.path.join(out, f"clock_cmp-{target}-{cc}")
    objs = []
    for i, (path, warn) in enumerate([(gen, ["-w"])] + [(p, ["-Wall", "-Wextra", "-Werror"])
                                                        for p in [os.path.join(BENCH, "clock_cmp.c")] + lib]):
        obj = os.path.join(out, f"{target}-{cc}-{i}.o")
        r = run(cmd + flags + ["-O2", "-static"] + warn + inc + ["-c", path, "-o", obj])
        if r.returncode:
            errs = [e for e in r.stderr.splitlines() if "error" in e] or [r.stderr.strip()]
            return None, f"build failed: {os.path.basename(path)}: {errs[0][:200]}"
        objs.append(obj)
    r = run(cmd + flags + ["-static", "-o", binary] + objs)
    if r.returncode:
        return None, f"link failed: {r.stderr.strip()[:200]}"
    return binary, None


def objdump_for(target):
    return {"x86_64": "objdump", "i386": "objdump", "aarch64": "aarch64-linux-gnu-objdump"}[target]


def insn_addresses(target, binary):
    text = run([objdump_for(target), "-d", "--no-show-raw-insn", binary]).stdout
    return sorted(int(m.group(1), 16) for m in re.finditer(r"^\s+([0-9a-f]+):\t", text, re.M))


def symbol(binary, name):
    for line in run(["nm", binary]).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == name and parts[1] in "tTwW":
            return int(parts[0], 16)
    raise KeyError(name)


def count(target, binary, qemu, side, case, entry_name, addrs, out):
    """Instructions from entry_name's first one to the return to its caller."""
    log = os.path.join(out, f"trace-{os.path.basename(binary)}-{case}.log")
    r = run([qemu, "-singlestep", "-d", "exec,nochain", "-D", log, binary, side, case], timeout=120)
    if r.returncode:
        raise RuntimeError(f"{binary} {side} {case}: exit {r.returncode}: {r.stderr.strip()[:200]}")
    entry = symbol(binary, entry_name)
    pcs = []
    with open(log) as f:
        for line in f:
            m = re.search(r"\[[0-9a-f]+/([0-9a-f]+)/", line)
            if m:
                pcs.append(int(m.group(1), 16))
    os.unlink(log)
    start = pcs.index(entry)
    call = pcs[start - 1]
    ret = addrs[bisect.bisect_right(addrs, call)]
    end = pcs.index(ret, start)
    return end - start


def measure(out):
    os.makedirs(out, exist_ok=True)
    tree, why = linux_tree()
    rows = []
    for (target, cc), (cmd, _, arch, qemu) in TARGETS.items():
        srcs = [s for s in SOURCES if s[1] == arch]
        binary, err = (None, f"no linux-source: {why}") if tree is None else build(target, cc, tree, out)
        if binary and not shutil.which(qemu):
            binary, err = None, f"{qemu} missing (package qemu-user)"
        addrs = insn_addresses(target, binary) if binary else []
        for name, _, lcase, lfunc, what in srcs:
            row = {"source": name, "target": f"{target}-{cc}", "what": what}
            if not binary:
                row["skipped"] = err
            elif lcase is None:
                row["skipped"] = what
            else:
                hfunc = {"hyperv_page_read": "hyp_hyperv_tsc_page_read"}.get(lcase, "hyp_clock_ns")
                row["libhyp"] = count(target, binary, qemu, "libhyp", lcase, hfunc, addrs, out)
                row["linux"] = count(target, binary, qemu, "linux", lcase, lfunc, addrs, out)
            rows.append(row)
    for name, target, reason in NO_SOURCE:
        for cc in ("gcc", "clang"):
            rows.append({"source": name, "target": f"{target}-{cc}", "skipped": reason, "what": ""})
    return rows


def fmt(row):
    head = f"clock {row['source']} {row['target']}:"
    if "skipped" in row:
        return f"{head} skipped: {row['skipped']}"
    return f"{head} libhyp {row['libhyp']}, linux {row['linux']}, ratio {row['libhyp'] / row['linux']:.2f}"


def markdown(rows):
    out = ["| source | target-compiler | libhyp | Linux 6.1 | ratio |", "|---|---|---|---|---|"]
    for r in rows:
        if "skipped" in r:
            out.append(f"| {r['source']} | {r['target']} | skipped: {r['skipped']} | | |")
        else:
            out.append(f"| {r['source']} | {r['target']} | {r['libhyp']} | {r['linux']} | "
                       f"{r['libhyp'] / r['linux']:.2f} |")
    out.append("")
    out.append("Linux's side per source:")
    out.append("")
    seen = set()
    for r in rows:
        if r["what"] and "skipped" not in r and r["source"] not in seen:
            seen.add(r["source"])
            out.append(f"- {r['source']}: {r['what']}")
    return "\n".join(out) + "\n"


def record(doc, rows):
    begin, end = "<!-- clock_linux.py --record: begin -->", "<!-- clock_linux.py --record: end -->"
    cc = run(["gcc", "--version"]).stdout.splitlines()[0]
    clang = run(["clang", "--version"]).stdout.splitlines()[0]
    qemu = run(["qemu-x86_64", "--version"]).stdout.splitlines()[0] if shutil.which("qemu-x86_64") else "no qemu"
    import datetime
    meta = (f"Run {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC: {cc}; {clang}; {qemu}; "
            f"Linux from {sorted(glob.glob('/usr/src/linux-source-*.tar.xz'))[-1:] or 'none'}.")
    with open(doc) as f:
        text = f.read()
    if begin not in text or end not in text:
        raise SystemExit(f"{doc}: no {begin} ... {end}")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    with open(doc, "w") as f:
        f.write(f"{head}{begin}\n{meta}\n\n{markdown(rows)}{end}{tail}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--markdown", action="store_true", help="print the PERFORMANCE.md table instead")
    ap.add_argument("--record", metavar="DOC", help="write the table into DOC between its markers")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "bench", "clock"))
    args = ap.parse_args()
    rows = measure(args.out)
    print(markdown(rows) if args.markdown else "\n".join(fmt(r) for r in rows))
    if args.record:
        record(args.record, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
