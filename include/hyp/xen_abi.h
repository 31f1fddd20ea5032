/* SPDX-License-Identifier: MIT */
/*
 * Xen hypercall ABI (x86): numbers, sub-operations, structures, constants.
 *
 * Sources: Xen's hypercall ABI guide (xen-project/xen
 * docs/guest-guide/x86/hypercall-abi.rst: registers, hypercall page,
 * XEN_ELFNOTE_HYPERCALL_PAGE, CPUID leaf + MSR) and Xen's public headers
 * (xen/include/public/: xen.h, version.h, sched.h, event_channel.h,
 * hvm/hvm_op.h, hvm/params.h, memory.h, vcpu.h, physdev.h, elfnote.h,
 * errno.h, arch-x86/cpuid.h), interface version 0x00040e00 (Xen 4.14+).
 * tests/host/test_xen_abi.c checks every value and layout against Debian's
 * libxen-dev headers, for x86_64 and for i386.
 *
 * Layouts follow the guest's own word size: Xen's xen_ulong_t and xen_pfn_t
 * are `unsigned long` on x86 (32 bits for a 32-bit guest, 64 for a 64-bit one).
 */
#ifndef HYP_XEN_ABI_H
#define HYP_XEN_ABI_H

#include <stdint.h>

#include <hyp/pvclock_abi.h>
#include <hyp/static_assert.h>

/* ---- Hypercall numbers (xen.h __HYPERVISOR_*) -------------------------- */
#define HYP_XEN_HYPERCALL_set_trap_table    0
#define HYP_XEN_HYPERCALL_mmu_update        1
#define HYP_XEN_HYPERCALL_memory_op         12  /* (cmd, arg) */
#define HYP_XEN_HYPERCALL_multicall         13
#define HYP_XEN_HYPERCALL_set_timer_op      15
#define HYP_XEN_HYPERCALL_xen_version       17  /* (cmd, arg) */
#define HYP_XEN_HYPERCALL_console_io        18  /* (cmd, count, buffer) */
#define HYP_XEN_HYPERCALL_grant_table_op    20
#define HYP_XEN_HYPERCALL_vm_assist         21
#define HYP_XEN_HYPERCALL_iret              23  /* PV only, args on the stack: jmp'd to, never called; xen.h) */
#define HYP_XEN_HYPERCALL_vcpu_op           24  /* (cmd, vcpuid, arg) */
#define HYP_XEN_HYPERCALL_mmuext_op         26
#define HYP_XEN_HYPERCALL_sched_op          29  /* (cmd, arg); 6 is the pre-3.2 compat form */
#define HYP_XEN_HYPERCALL_callback_op       30
#define HYP_XEN_HYPERCALL_event_channel_op  32  /* (cmd, arg); 16 is the pre-3.2 compat form */
#define HYP_XEN_HYPERCALL_physdev_op        33  /* (cmd, arg) */
#define HYP_XEN_HYPERCALL_hvm_op            34  /* (op, arg) */
#define HYP_XEN_HYPERCALL_sysctl            35
#define HYP_XEN_HYPERCALL_domctl            36
#define HYP_XEN_HYPERCALL_argo_op           39  /* the only call with 5 arguments today */
#define HYP_XEN_HYPERCALL_dm_op             41
#define HYP_XEN_HYPERCALL_hypfs_op          42
#define HYP_XEN_HYPERCALL_arch_0            48
#define HYP_XEN_HYPERCALL_arch_7            55

/* Hypercall page (hypercall-abi.rst): 32-byte stubs by hypercall number. */
#define HYP_XEN_HYPERCALL_STUB_SIZE         32
#define HYP_XEN_PAGE_SIZE                   4096
#define HYP_XEN_HYPERCALL_PAGE_SLOTS        (HYP_XEN_PAGE_SIZE / HYP_XEN_HYPERCALL_STUB_SIZE)

/* ---- xen_version (version.h) -------------------------------------------- */
#define HYP_XEN_XENVER_version          0   /* arg NULL; returns major << 16 | minor */
#define HYP_XEN_XENVER_extraversion     1   /* arg char[16] */
#define HYP_XEN_XENVER_get_features     6   /* arg struct hyp_xen_feature_info */
#define HYP_XEN_XENVER_pagesize         7   /* arg NULL; returns the page size */
#define HYP_XEN_EXTRAVERSION_LEN        16

struct hyp_xen_feature_info {
	unsigned int submap_idx;    /* IN: which 32-bit word of features */
	uint32_t submap;            /* OUT */
};

/* Feature bits (features.h), submap 0. */
#define HYP_XEN_FEAT_writable_page_tables       0
#define HYP_XEN_FEAT_auto_translated_physmap    2
#define HYP_XEN_FEAT_supervisor_mode_kernel     3
#define HYP_XEN_FEAT_hvm_callback_vector        8
#define HYP_XEN_FEAT_hvm_safe_pvclock           9
#define HYP_XEN_FEAT_dom0                       11
#define HYP_XEN_FEAT_NR_SUBMAPS                 1

/* ---- console_io (xen.h) -------------------------------------------------- */
#define HYP_XEN_CONSOLEIO_write         0   /* (count, buffer) */
#define HYP_XEN_CONSOLEIO_read          1   /* (count, buffer); returns bytes read */

/* ---- sched_op (sched.h) -------------------------------------------------- */
#define HYP_XEN_SCHEDOP_yield           0   /* arg NULL */
#define HYP_XEN_SCHEDOP_block           1   /* arg NULL; enables event delivery, sleeps until one is pending */
#define HYP_XEN_SCHEDOP_shutdown        2   /* arg struct hyp_xen_sched_shutdown_args */
#define HYP_XEN_SCHEDOP_poll            3

struct hyp_xen_sched_shutdown_args {
	unsigned int reason;        /* HYP_XEN_SHUTDOWN_* */
};

#define HYP_XEN_SHUTDOWN_poweroff       0
#define HYP_XEN_SHUTDOWN_reboot         1
#define HYP_XEN_SHUTDOWN_suspend        2
#define HYP_XEN_SHUTDOWN_crash          3
#define HYP_XEN_SHUTDOWN_watchdog       4
#define HYP_XEN_SHUTDOWN_soft_reset     5
#define HYP_XEN_SHUTDOWN_MAX            5

/* ---- event_channel_op (event_channel.h) ---------------------------------- */
#define HYP_XEN_EVTCHNOP_bind_interdomain   0
#define HYP_XEN_EVTCHNOP_bind_virq          1
#define HYP_XEN_EVTCHNOP_close              3
#define HYP_XEN_EVTCHNOP_send               4
#define HYP_XEN_EVTCHNOP_status             5
#define HYP_XEN_EVTCHNOP_alloc_unbound      6
#define HYP_XEN_EVTCHNOP_bind_ipi           7
#define HYP_XEN_EVTCHNOP_unmask             9

typedef uint16_t hyp_xen_domid_t;
typedef uint32_t hyp_xen_evtchn_port_t;

#define HYP_XEN_DOMID_SELF              0x7FF0u

struct hyp_xen_evtchn_alloc_unbound_args {
	hyp_xen_domid_t dom;            /* IN */
	hyp_xen_domid_t remote_dom;     /* IN */
	hyp_xen_evtchn_port_t port;     /* OUT */
};

struct hyp_xen_evtchn_bind_virq_args {
	uint32_t virq;                  /* IN: HYP_XEN_VIRQ_* */
	uint32_t vcpu;                  /* IN */
	hyp_xen_evtchn_port_t port;     /* OUT */
};

struct hyp_xen_evtchn_bind_ipi_args {
	uint32_t vcpu;                  /* IN: the vCPU notified */
	hyp_xen_evtchn_port_t port;     /* OUT */
};

struct hyp_xen_evtchn_close_args {
	hyp_xen_evtchn_port_t port;
};

struct hyp_xen_evtchn_send_args {
	hyp_xen_evtchn_port_t port;
};

struct hyp_xen_evtchn_status_args {
	hyp_xen_domid_t dom;            /* IN */
	hyp_xen_evtchn_port_t port;     /* IN */
	uint32_t status;                /* OUT: HYP_XEN_EVTCHNSTAT_* */
	uint32_t vcpu;                  /* OUT */
	union {
		struct { hyp_xen_domid_t dom; } unbound;
		struct { hyp_xen_domid_t dom; hyp_xen_evtchn_port_t port; } interdomain;
		uint32_t pirq;
		uint32_t virq;
	} u;
};

#define HYP_XEN_EVTCHNSTAT_closed       0
#define HYP_XEN_EVTCHNSTAT_unbound      1
#define HYP_XEN_EVTCHNSTAT_interdomain  2
#define HYP_XEN_EVTCHNSTAT_pirq         3
#define HYP_XEN_EVTCHNSTAT_virq         4
#define HYP_XEN_EVTCHNSTAT_ipi          5

/* Virtual IRQs (xen.h); V = per vCPU, G = global (bound on vCPU 0). */
#define HYP_XEN_VIRQ_TIMER              0   /* V */
#define HYP_XEN_VIRQ_DEBUG              1   /* V */
#define HYP_XEN_VIRQ_CONSOLE            2   /* G, dom0 */
#define HYP_XEN_VIRQ_DOM_EXC            3   /* G, dom0 */

/* ---- hvm_op (hvm/hvm_op.h, hvm/params.h) ---------------------------------- */
#define HYP_XEN_HVMOP_set_param         0
#define HYP_XEN_HVMOP_get_param         1

struct hyp_xen_hvm_param {
	hyp_xen_domid_t domid;          /* IN */
	uint16_t pad;
	uint32_t index;                 /* IN: HYP_XEN_HVM_PARAM_* */
	uint64_t value;                 /* IN (set) / OUT (get) */
};

#define HYP_XEN_HVM_PARAM_CALLBACK_IRQ      0
#define HYP_XEN_HVM_PARAM_STORE_PFN         1
#define HYP_XEN_HVM_PARAM_STORE_EVTCHN      2
#define HYP_XEN_HVM_PARAM_CONSOLE_PFN       17
#define HYP_XEN_HVM_PARAM_CONSOLE_EVTCHN    18
#define HYP_XEN_HVM_PARAM_CALLBACK_TYPE_VECTOR  2   /* value bits 63:56; vector in 7:0 */
#define HYP_XEN_HVM_PARAM_CALLBACK_IRQ_TYPE_MASK    0xFF00000000000000ull
#define HYP_XEN_HVM_PARAM_CALLBACK_IRQ_TYPE_SHIFT   56  /* the mask's lowest bit */

/* ---- memory_op (memory.h) ------------------------------------------------ */
#define HYP_XEN_XENMEM_current_reservation  3   /* arg domid_t *; returns pages */
#define HYP_XEN_XENMEM_add_to_physmap       7   /* arg struct hyp_xen_add_to_physmap_args */
#define HYP_XEN_XENMAPSPACE_shared_info     0
#define HYP_XEN_XENMAPSPACE_grant_table     1

struct hyp_xen_add_to_physmap_args {
	hyp_xen_domid_t domid;
	uint16_t size;                  /* pages, gmfn_range only */
	unsigned int space;             /* HYP_XEN_XENMAPSPACE_* */
	unsigned long idx;              /* xen_ulong_t */
	unsigned long gpfn;             /* xen_pfn_t: where the page appears */
};

/* ---- vcpu_op (vcpu.h) ----------------------------------------------------- */
#define HYP_XEN_VCPUOP_is_up                3   /* arg NULL; 1 up, 0 down */
#define HYP_XEN_VCPUOP_get_runstate_info    4   /* arg struct hyp_xen_vcpu_runstate_info */
#define HYP_XEN_VCPUOP_register_runstate_memory_area 5  /* arg struct hyp_xen_vcpu_register_runstate_args */
#define HYP_XEN_VCPUOP_register_vcpu_info   10

#define HYP_XEN_RUNSTATE_running    0
#define HYP_XEN_RUNSTATE_runnable   1
#define HYP_XEN_RUNSTATE_blocked    2
#define HYP_XEN_RUNSTATE_offline    3

/* i386 aligns uint64_t members to 4 bytes (36 bytes in all), x86_64 to 8 (48): as Xen's header. */
struct hyp_xen_vcpu_runstate_info {
	int state;                      /* HYP_XEN_RUNSTATE_* */
	uint64_t state_entry_time;      /* ns of Xen system time */
	uint64_t time[4];               /* ns spent in each state */
};

/*
 * VCPUOP_register_runstate_memory_area: the guest virtual address where Xen
 * keeps the vCPU's runstate (0: stop). Xen writes it at every state change;
 * state_entry_time changes with each write (vcpu.h).
 */
struct hyp_xen_vcpu_register_runstate_args {
	uint64_t addr;
};

/* ---- physdev_op (physdev.h) ----------------------------------------------- */
#define HYP_XEN_PHYSDEVOP_set_iopl          6   /* arg struct hyp_xen_physdev_set_iopl; PV */

struct hyp_xen_physdev_set_iopl {
	uint32_t iopl;
};

/*
 * ---- shared_info (xen.h; arch-x86/xen.h; arch-x86/xen-x86_32.h, xen-x86_64.h) ----
 * The page Xen writes the vCPUs' clocks and event state into, complete, in
 * the x86 layout of the guest's own word size (xen_ulong_t = unsigned long):
 *
 *                         x86_64   i386
 *   vcpu_info[32]          0x000   0x000   64 bytes each; time at +0x20 in both
 *   evtchn_pending         0x800   0x800   one bit per port
 *   evtchn_mask            0xa00   0x880
 *   wc_version             0xc00   0x900
 *   wc_sec (wc_nsec +4)    0xc04   0x904
 *   wc_sec_hi              0xc0c   0x924 (in arch)
 *   arch                   0xc10   0x90c
 *
 * An HVM/PVH domain's page has the 32- or 64-bit layout as Xen last latched
 * it (xen/arch/x86/hvm/hvm.c, hvm_latch_shinfo_size(): from the vCPU's mode
 * when the guest sets HVM_PARAM_CALLBACK_IRQ or writes the hypercall-page
 * MSR; 64-bit until then). hyp_xen_map_shared_info() makes Xen latch this
 * build's size first (see <hyp/xen.h>). tests/host/xen_abi_checks.c checks
 * every field against libxen-dev for x86_64 and i386.
 */
#if defined(__x86_64__) || defined(__i386__)
#define HYP_XEN_LEGACY_MAX_VCPUS    32
#define HYP_XEN_VCPU_INFO_SIZE      64
#define HYP_XEN_EVTCHN_WORDS        (sizeof(unsigned long) * 8)    /* per bitmap: 4096 or 1024 ports */

struct hyp_xen_arch_vcpu_info {
	unsigned long cr2;              /* PV: the faulting address of the last page fault */
#if defined(__x86_64__)
	unsigned long pad;
#else
	unsigned long pad[5];
#endif
};

struct hyp_xen_vcpu_info {
	uint8_t evtchn_upcall_pending;  /* Xen sets it when an unmasked port becomes pending */
	uint8_t evtchn_upcall_mask;     /* PV: the guest's "interrupts off" */
	unsigned long evtchn_pending_sel;   /* bit n: word n of evtchn_pending has news */
	struct hyp_xen_arch_vcpu_info arch;
	struct hyp_pvclock_vcpu_time_info time; /* this vCPU's system time (pvclock_abi.h) */
};

struct hyp_xen_arch_shared_info {
	unsigned long max_pfn;          /* PV p2m bookkeeping, unused by HVM/PVH */
	unsigned long pfn_to_mfn_frame_list_list;
	unsigned long nmi_reason;
	unsigned long p2m_cr3;
	unsigned long p2m_vaddr;
	unsigned long p2m_generation;
#if !defined(__x86_64__)
	uint32_t wc_sec_hi;             /* i386: no room for it beside wc_nsec */
#endif
};

struct hyp_xen_shared_info {
	struct hyp_xen_vcpu_info vcpu_info[HYP_XEN_LEGACY_MAX_VCPUS];
	unsigned long evtchn_pending[HYP_XEN_EVTCHN_WORDS];    /* bit set by Xen, cleared by the guest */
	unsigned long evtchn_mask[HYP_XEN_EVTCHN_WORDS];       /* bit set: no upcall for the port */
	uint32_t wc_version;            /* odd while Xen updates wc_*, as pvclock's version */
	uint32_t wc_sec;                /* wall clock at system time 0: seconds since 1970 ... */
	uint32_t wc_nsec;
#if defined(__x86_64__)
	uint32_t wc_sec_hi;             /* ... bits 32..63 of the seconds */
#endif
	struct hyp_xen_arch_shared_info arch;
};

/* The high word of the wall-clock seconds on either word size: info.HYP_XEN_WC_SEC_HI. */
#if defined(__x86_64__)
#define HYP_XEN_WC_SEC_HI   wc_sec_hi
#else
#define HYP_XEN_WC_SEC_HI   arch.wc_sec_hi
#endif

/*
 * What hyp_xen_map_shared_info() takes: exactly the 4 KiB page Xen maps
 * (size and alignment are the type's, so a static or member object of it
 * is page-aligned and nothing else shares the page). Read the layout
 * through .info.
 */
union hyp_xen_shared_info_page {
	struct hyp_xen_shared_info info;
	uint8_t bytes[HYP_XEN_PAGE_SIZE];
} __attribute__((aligned(HYP_XEN_PAGE_SIZE)));

HYP_STATIC_ASSERT(sizeof(struct hyp_xen_vcpu_info) == HYP_XEN_VCPU_INFO_SIZE, "vcpu_info is 64 bytes");
HYP_STATIC_ASSERT(sizeof(union hyp_xen_shared_info_page) == HYP_XEN_PAGE_SIZE, "one page");
HYP_STATIC_ASSERT(__alignof__(union hyp_xen_shared_info_page) == HYP_XEN_PAGE_SIZE, "page-aligned");
#elif defined(__aarch64__)
/*
 * Arm (xen/include/public/arch-arm.h, xen.h): xen_ulong_t is 64-bit, one
 * legacy vCPU slot, empty arch_vcpu_info and arch_shared_info; the time
 * record is there but Arm guests read the generic timer instead.
 *
 *   vcpu_info[1]     0x000   48 bytes: pending 0x0, pending_sel 0x8, time 0x10
 *   evtchn_pending   0x030   one bit per port, 64 words
 *   evtchn_mask      0x230
 *   wc_version       0x430   (wc_sec, wc_nsec, wc_sec_hi follow)
 */
#define HYP_XEN_LEGACY_MAX_VCPUS    1
#define HYP_XEN_EVTCHN_WORDS        64u

struct hyp_xen_vcpu_info {
	uint8_t evtchn_upcall_pending;
	uint8_t pad0;                   /* Arm has no PV upcall mask (no XEN_HAVE_PV_UPCALL_MASK) */
	uint64_t evtchn_pending_sel;
	struct hyp_pvclock_vcpu_time_info time;
};

struct hyp_xen_shared_info {
	struct hyp_xen_vcpu_info vcpu_info[HYP_XEN_LEGACY_MAX_VCPUS];
	uint64_t evtchn_pending[HYP_XEN_EVTCHN_WORDS];
	uint64_t evtchn_mask[HYP_XEN_EVTCHN_WORDS];
	uint32_t wc_version;
	uint32_t wc_sec;
	uint32_t wc_nsec;
	uint32_t wc_sec_hi;
};

union hyp_xen_shared_info_page {
	struct hyp_xen_shared_info info;
	uint8_t bytes[HYP_XEN_PAGE_SIZE];
} __attribute__((aligned(HYP_XEN_PAGE_SIZE)));

HYP_STATIC_ASSERT(sizeof(struct hyp_xen_vcpu_info) == 48, "Arm vcpu_info is 48 bytes");
HYP_STATIC_ASSERT(sizeof(union hyp_xen_shared_info_page) == HYP_XEN_PAGE_SIZE, "one page");
#endif /* x86, aarch64 */

/*
 * HYP_XEN_SHARED_INFO_PAGE(p): `p` as a union hyp_xen_shared_info_page *,
 * and a compile error (C, whatever the warning flags) unless that is
 * already its type: a struct hyp_xen_shared_info * (3136 bytes on x86_64)
 * or a buffer would let Xen overwrite what follows it. C++ needs no macro
 * (no implicit conversion between the pointer types).
 */
union hyp_xen_shared_info_page;
#ifdef __cplusplus
#define HYP_XEN_SHARED_INFO_PAGE(p) (p)
#else
#define HYP_XEN_SHARED_INFO_PAGE(p)                                                        \
	((union hyp_xen_shared_info_page *)(p) +                                            \
	 0 * sizeof(struct { int hyp_xen_shared_info_page_ptr_required :                    \
		 __builtin_types_compatible_p(__typeof__(p), union hyp_xen_shared_info_page *) ? 1 : -1; }))
#endif

/* ---- PV start_info (xen.h), passed in rsi at a PV guest's entry ---------- */
#define HYP_XEN_START_INFO_MAGIC_X86_64 "xen-3.0-x86_64"    /* magic starts with this */
#define HYP_XEN_START_INFO_MAGIC_X86_32 "xen-3.0-x86_32p"
#define HYP_XEN_SIF_PRIVILEGED          (1u << 0)
#define HYP_XEN_SIF_INITDOMAIN          (1u << 1)

struct hyp_xen_start_info {
	char magic[32];                 /* "xen-<version>-<platform>" */
	unsigned long nr_pages;
	unsigned long shared_info;      /* machine address */
	uint32_t flags;                 /* HYP_XEN_SIF_* */
	unsigned long store_mfn;
	uint32_t store_evtchn;
	union {
		struct { unsigned long mfn; uint32_t evtchn; } domU;
		struct { uint32_t info_off; uint32_t info_size; } dom0;
	} console;
	unsigned long pt_base;          /* virtual address of the page tables */
	unsigned long nr_pt_frames;
	unsigned long mfn_list;
	unsigned long mod_start;
	unsigned long mod_len;
	int8_t cmd_line[1024];
};

/* ---- ELF notes (elfnote.h), type numbers under the name "Xen" ------------ */
#define HYP_XEN_ELFNOTE_ENTRY           1
#define HYP_XEN_ELFNOTE_HYPERCALL_PAGE  2
#define HYP_XEN_ELFNOTE_VIRT_BASE       3
#define HYP_XEN_ELFNOTE_PADDR_OFFSET    4
#define HYP_XEN_ELFNOTE_XEN_VERSION     5
#define HYP_XEN_ELFNOTE_GUEST_OS        6
#define HYP_XEN_ELFNOTE_LOADER          8
#define HYP_XEN_ELFNOTE_PAE_MODE        9
#define HYP_XEN_ELFNOTE_FEATURES        10
#define HYP_XEN_ELFNOTE_PHYS32_ENTRY    18

/* ---- x86 CPUID leaves (arch-x86/cpuid.h), relative to the Xen base -------- */
#define HYP_XEN_CPUID_SIGNATURE_EBX     0x566e6558u /* "XenV" */
#define HYP_XEN_CPUID_SIGNATURE_ECX     0x65584d4du /* "MMXe" */
#define HYP_XEN_CPUID_SIGNATURE_EDX     0x4d4d566eu /* "nVMM" */
#define HYP_XEN_CPUID_LEAF_VERSION      1   /* eax = major << 16 | minor */
#define HYP_XEN_CPUID_LEAF_HYPERCALL    2   /* eax = pages, ebx = MSR base */

/* The forced-emulation prefix: a PV guest's cpuid sees Xen's leaves only after it (xen.h). */
#define HYP_XEN_FORCED_EMULATION_PREFIX ".byte 0x0f, 0x0b, 0x78, 0x65, 0x6e"   /* ud2a; .ascii "xen" */

/* ---- Errors (errno.h): Xen returns -value; same numbers as Linux --------- */
#define HYP_XEN_EPERM       1
#define HYP_XEN_ENOENT      2
#define HYP_XEN_ESRCH       3
#define HYP_XEN_EIO         5
#define HYP_XEN_E2BIG       7
#define HYP_XEN_EBADF       9
#define HYP_XEN_EAGAIN      11
#define HYP_XEN_ENOMEM      12
#define HYP_XEN_EACCES      13
#define HYP_XEN_EFAULT      14
#define HYP_XEN_EBUSY       16
#define HYP_XEN_EEXIST      17
#define HYP_XEN_ENODEV      19
#define HYP_XEN_EINVAL      22
#define HYP_XEN_ENOSPC      28
#define HYP_XEN_ERANGE      34
#define HYP_XEN_ENOSYS      38
#define HYP_XEN_EOPNOTSUPP  95
#define HYP_XEN_ETIMEDOUT   110

#endif /* HYP_XEN_ABI_H */
