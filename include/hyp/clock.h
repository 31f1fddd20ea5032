/* SPDX-License-Identifier: MIT */
/*
 * libhyp clock: time from the hypervisor through one API.
 *
 *   hyp_init(&plat);                        detection (hyp/hyp.h)
 *   hyp_clock_init(&cfg);                   once: pick the source
 *   hyp_clock_cpu_setup(&clk[cpu], cpu);    on each CPU, before it reads
 *   hyp_clock_ns(&clk[cpu]);                monotonic nanoseconds
 *   hyp_clock_wall(&clk[cpu], &ts);         seconds + nanoseconds since 1970
 *
 * Sources (enum hyp_clock_source), fastest first:
 *   kvmclock   x86 KVM: MSR_KVM_SYSTEM_TIME_NEW / MSR_KVM_WALL_CLOCK_NEW (the
 *              old 0x12 / 0x11 where only KVM_FEATURE_CLOCKSOURCE is offered);
 *              Linux Documentation/virt/kvm/x86/msr.rst.
 *   xen        x86 Xen (HVM, PVH, PV): shared_info vcpu_info[n].time and
 *              wc_version/wc_sec/wc_nsec/wc_sec_hi; xen/include/public/xen.h.
 *   hyperv     x86 Hyper-V reference TSC page, then HV_X64_MSR_TIME_REF_COUNT
 *              (TLFS 6.0, section 12.7), in 100 ns units scaled to ns.
 * kvmclock and Xen share the pvclock record (hyp/pvclock_abi.h): the reader
 * retries while the version is odd or changed, and scales the TSC delta with
 * hyp_pvclock_scale() (no libgcc 128-bit or 64-bit division helper).
 *
 * Every wait on the hypervisor is bounded: the pvclock record, Xen's and
 * kvmclock's wall-clock version and Hyper-V's TSC page sequence are read at
 * most HYP_CLOCK_RETRIES times, with a pause between reads (about a second
 * of retries: a writer preempted for a few time slices is waited out, an
 * update never closed is not). Then: hyp_clock_read() and
 * hyp_clock_wall() answer HYP_ETIMEDOUT, hyp_clock_ns() 0; Hyper-V's page
 * falls back to HV_X64_MSR_TIME_REF_COUNT, which needs no retry.
 *
 * Per CPU the kernel owns one struct hyp_clock_cpu (HYP_CLOCK_CPU_SIZE bytes,
 * HYP_CLOCK_CPU_ALIGN aligned, in memory virt_to_phys can translate): the
 * hypervisor writes kvmclock's record into it. Nothing here executes a
 * hypervisor instruction or MSR access unless hyp_init() detected a family
 * that serves it; without one, hyp_clock_init() answers HYP_ENOHYP ("no
 * source") and hyp_clock_ns() returns 0.
 */
#ifndef HYP_CLOCK_H
#define HYP_CLOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/error.h>
#include <hyp/pvclock_abi.h>
#include <hyp/xen_abi.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Reads of a record before HYP_ETIMEDOUT; tests only set a smaller one (tests/fuzz). */
#ifndef HYP_CLOCK_RETRIES
#define HYP_CLOCK_RETRIES   (1u << 24)
#endif

enum hyp_clock_source {
	HYP_CLOCK_NONE = 0,             /* no source (or: pick the fastest, in the config) */
	HYP_CLOCK_KVMCLOCK,             /* x86 KVM pvclock */
	HYP_CLOCK_XEN,                  /* x86 Xen pvclock in shared_info */
	HYP_CLOCK_HYPERV_TSC_PAGE,      /* x86 Hyper-V reference TSC page (falls back to the MSR) */
	HYP_CLOCK_HYPERV_REF_COUNT,     /* x86 Hyper-V HV_X64_MSR_TIME_REF_COUNT only */
	HYP_CLOCK_KVM_PTP,              /* arm64 KVM PTP (ARM_SMCCC_VENDOR_HYP_KVM_PTP_FUNC_ID) */
	HYP_CLOCK_SOURCES
};

/*
 * The Xen page of a clock config: set only with hyp_clock_xen_page(&page)
 * (`page` a union hyp_xen_shared_info_page; any other pointer type is a
 * compile error in C and C++). A pointer written in directly fails to
 * compile with default flags, in an assignment and in an initializer: there
 * C's brace elision hands it to `checked`. A pointer assigned to an integer
 * or a complex type breaks the same constraint (C11 6.5.16.1, 6.7.9p11), but
 * gcc 12 and clang 14 only warn for an integer and refuse a complex type:
 * hence a complex integer (GNU C, both compilers). hyp_clock_init() still
 * answers HYP_EINVAL for anything but the magic with imaginary part 0.
 */
#define HYP_CLOCK_XEN_PAGE_CHECKED  0x58504731u   /* "XPG1" */
struct hyp_clock_xen_page_ref {
	__extension__ __complex__ unsigned int checked; /* HYP_CLOCK_XEN_PAGE_CHECKED, or 0 with page NULL */
	union hyp_xen_shared_info_page *page;
};

static inline struct hyp_clock_xen_page_ref (hyp_clock_xen_page)(union hyp_xen_shared_info_page *page)
{
	struct hyp_clock_xen_page_ref ref;

	ref.checked = HYP_CLOCK_XEN_PAGE_CHECKED;
	ref.page = page;
	return ref;
}
#ifndef __cplusplus
#define hyp_clock_xen_page(page) hyp_clock_xen_page(HYP_XEN_SHARED_INFO_PAGE(page))
#endif

struct hyp_clock_config {
	/* A particular source, or HYP_CLOCK_NONE for the fastest detected. */
	enum hyp_clock_source source;
	/*
	 * Xen: hyp_clock_xen_page(&page), page a union
	 * hyp_xen_shared_info_page (hyp/xen_abi.h). PV: already mapped by the
	 * kernel (start_info.shared_info). HVM/PVH: a free page the library
	 * maps shared_info over (hyp_xen_map_shared_info(), which also makes
	 * Xen latch this build's word size) unless xen_shared_info_mapped says
	 * the kernel did. Zero: no Xen source.
	 */
	struct hyp_clock_xen_page_ref xen_shared_info;
	bool xen_shared_info_mapped;
	/*
	 * Hyper-V: a 4 KiB-aligned page the hypervisor fills as the reference
	 * TSC page; NULL: HV_X64_MSR_TIME_REF_COUNT only (a VM exit per read).
	 */
	void *hyperv_tsc_page;
	/*
	 * Apply the cross-CPU monotonic guard to every read, even where the
	 * source says its time base is the same on every CPU.
	 */
	bool always_guard;
};

/*
 * One per CPU, owned by the kernel; the library fills it in
 * hyp_clock_cpu_setup(). `rec` is where KVM writes this vCPU's pvclock
 * record; `wall` where it writes the wall clock.
 */
#define HYP_CLOCK_CPU_ALIGN 64
struct hyp_clock_cpu {
	struct hyp_pvclock_vcpu_time_info rec;          /* offset 0: kvmclock */
	struct hyp_pvclock_wall_clock wall;             /* kvmclock wall clock */
	uint32_t cpu;                                   /* the hypervisor's vCPU number */
	const volatile struct hyp_pvclock_vcpu_time_info *pvclock; /* record read: &rec, Xen's */
	uint8_t source;                                 /* enum hyp_clock_source, 0 = not set up */
	uint8_t stable_mask;                            /* record flags that mean "stable" */
	uint8_t read_path;                              /* the library's: hyp_clock_ns()'s direct read, 0 none */
	uint8_t reserved[5];
} __attribute__((aligned(HYP_CLOCK_CPU_ALIGN)));
#define HYP_CLOCK_CPU_SIZE sizeof(struct hyp_clock_cpu)

/* Seconds and nanoseconds (0..999999999) since 1970-01-01 00:00 UTC. */
struct hyp_clock_timespec {
	int64_t sec;
	uint32_t nsec;
};

/*
 * Pick the source (after hyp_init(), before any hyp_clock_cpu_setup(), from
 * one CPU). Returns the enum hyp_clock_source chosen (> 0); HYP_ENOTINIT
 * before hyp_init(); HYP_ENOHYP if no source exists here (or not the one
 * asked for); HYP_EINVAL for a misaligned page, an unknown source or a Xen page not set
 * with hyp_clock_xen_page(); the
 * hypervisor's error if mapping a page failed. Again: HYP_EBUSY, nothing
 * changed, while any CPU is set up (every hyp_clock_cpu_setup() that
 * returned 0 needs its hyp_clock_cpu_teardown() first: the CPUs keep reading
 * and tearing down the first source); with none, the choice is made anew
 * and a failure leaves no source.
 */
int hyp_clock_init(const struct hyp_clock_config *cfg);

/* The source hyp_clock_init() chose (HYP_CLOCK_NONE before or without one). */
enum hyp_clock_source hyp_clock_source(void);

/* "kvmclock", "xen", "hyperv-tsc-page", "hyperv-ref-count", "kvm-ptp", "none". */
const char *hyp_clock_name(void);

/*
 * On CPU `cpu` itself (kvmclock's MSR is per vCPU; Xen: `cpu` is the Xen
 * vCPU id, < 32 for shared_info's vcpu_info array, else HYP_ERANGE). 0;
 * HYP_EINVAL for NULL or misalignment; HYP_ENOHYP without a source.
 */
int hyp_clock_cpu_setup(struct hyp_clock_cpu *c, uint32_t cpu);

/*
 * On that CPU: stop the hypervisor writing into `c` (kvmclock), and count
 * the CPU out (see hyp_clock_init()). 0; a struct not set up: 0, nothing done.
 */
int hyp_clock_cpu_teardown(struct hyp_clock_cpu *c);

/*
 * Monotonic nanoseconds since the source's epoch (kvmclock, Xen: the
 * hypervisor's system time; Hyper-V: partition reference time). Never goes
 * backwards across CPUs: where the source is not stable (or always_guard),
 * reads pass through a global maximum as Linux's pvclock does. 0 if `c`
 * is not set up (zeroed, torn down, or refused by hyp_clock_cpu_setup()),
 * or the record stayed inconsistent for HYP_CLOCK_RETRIES reads: 0 is never
 * a time, hyp_clock_read() says which.
 * The hot path checks nothing else: `c` must point at a struct
 * hyp_clock_cpu (not NULL), like any per-CPU pointer.
 */
uint64_t hyp_clock_ns(struct hyp_clock_cpu *c);

/*
 * hyp_clock_ns() with its failure said: 0 and *ns; HYP_ENOHYP if `c` is not
 * set up (HYP_ENOTINIT before hyp_init()); HYP_ETIMEDOUT if the record
 * stayed odd or changing for HYP_CLOCK_RETRIES reads. *ns is 0 on error.
 */
int hyp_clock_read(struct hyp_clock_cpu *c, uint64_t *ns);

/*
 * Wall clock now. 0; HYP_EOPNOTSUPP where the source has none (Hyper-V);
 * HYP_EINVAL for NULL; HYP_ENOHYP if `c` is not set up; HYP_ERANGE where
 * the hypervisor's wall clock does not fit: Xen's wc_sec_hi:wc_sec (an
 * unsigned count) from 2^63 s, or base + elapsed beyond INT64_MAX seconds
 * (never a wrapped or negative time); HYP_EIO for nanoseconds >= 10^9.
 */
int hyp_clock_wall(struct hyp_clock_cpu *c, struct hyp_clock_timespec *ts);

/* Whether the last record `c` shows says: the same time base on every CPU. */
bool hyp_clock_stable(const struct hyp_clock_cpu *c);

/*
 * The pvclock scale: bits 32..95 of (delta shifted by `shift`, left if
 * positive, right if negative) * mul, modulo 2^64. The shift count is taken
 * modulo 64 (hypervisors use -32..+32; anything else stays defined). No
 * 128-bit or libgcc helper: two 32x32->64 multiplies without __int128.
 */
#if defined(__SIZEOF_INT128__) && !defined(HYP_PVCLOCK_NO_INT128)
__extension__ typedef unsigned __int128 hyp_u128_t;
#endif

static inline uint64_t hyp_pvclock_scale(uint64_t delta, uint32_t mul, int8_t shift)
{
	if (shift < 0)
		delta >>= (unsigned int)-shift & 63u;
	else
		delta <<= (unsigned int)shift & 63u;
#if defined(__SIZEOF_INT128__) && !defined(HYP_PVCLOCK_NO_INT128)
	return (uint64_t)(((hyp_u128_t)delta * mul) >> 32);
#else
	return (uint64_t)(uint32_t)(delta >> 32) * mul +
	       (((uint64_t)(uint32_t)delta * mul) >> 32);
#endif
}

/* Time of a consistent record at counter value `tsc`. */
static inline uint64_t hyp_pvclock_time_at(const struct hyp_pvclock_vcpu_time_info *r,
					   uint64_t tsc)
{
	return r->system_time + hyp_pvclock_scale(tsc - r->tsc_timestamp,
						  r->tsc_to_system_mul, r->tsc_shift);
}

/*
 * Nanoseconds to seconds + remainder without a 64-bit division helper on
 * 32-bit targets (i386: two divl).
 */
uint64_t hyp_clock_ns_to_sec(uint64_t ns, uint32_t *rem_ns);

#ifdef __cplusplus
}
#endif

#endif /* HYP_CLOCK_H */
