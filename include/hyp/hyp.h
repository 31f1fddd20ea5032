/* SPDX-License-Identifier: MIT */
/*
 * libhyp: the portable API.
 *
 *   hyp_init(&platform)      once, from any CPU (racing CPUs wait for the first)
 *   hyp_get_info()           what detection found
 *   hyp_kvm_*()              typed KVM hypercalls (>= 0 success, HYP_E* failure)
 *   hyp_kvm_hypercallN()     raw KVM hypercalls (<hyp/<arch>/kvm_hypercall.h>)
 *
 * No call executes a hypercall instruction unless detection found a
 * hypervisor that accepts it; before hyp_init() calls return HYP_ENOTINIT,
 * without the hypervisor HYP_ENOHYP.
 */
#ifndef HYP_HYP_H
#define HYP_HYP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/error.h>
#include <hyp/gate.h>
#include <hyp/kvm_abi.h>
#include <hyp/xen_abi.h>
#include <hyp/clock.h>

#if defined(__x86_64__) || defined(__i386__)
#include <hyp/x86/kvm_hypercall.h>
#include <hyp/x86/xen_hypercall.h>
#include <hyp/hyperv.h>
#include <hyp/vmware.h>
#endif
#if defined(__mips__)
#include <hyp/mips/kvm_hypercall.h>
#endif
#if defined(__s390x__)
#include <hyp/s390/kvm_abi.h>
#include <hyp/s390/kvm_hypercall.h>
#endif
#include <hyp/epapr_abi.h>
#include <hyp/papr_abi.h>
#include <hyp/ppc_patch.h>
#if defined(__powerpc__) || defined(__powerpc64__)
#include <hyp/powerpc/epapr_hypercall.h>
#include <hyp/powerpc/papr_hypercall.h>
#include <hyp/osi.h>
#endif
#if defined(__riscv)
#include <hyp/sbi.h>
#endif
#if defined(__aarch64__)
#include <hyp/smccc.h>
#include <hyp/arm64/xen_call.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Detection --------------------------------------------------------- */

/* The hypervisor underneath, by its signature. */
enum hyp_kind {
	HYP_KIND_NONE = 0,      /* bare metal, or a hypervisor that hides itself */
	HYP_KIND_KVM,           /* "KVMKVMKVM" */
	HYP_KIND_XEN,           /* "XenVMMXenVMM" */
	HYP_KIND_TCG,           /* QEMU without acceleration, "TCGTCGTCGTCG" */
	HYP_KIND_HYPERV,        /* "Microsoft Hv" */
	HYP_KIND_VMWARE,        /* "VMwareVMware" */
	HYP_KIND_VIRTUALBOX,    /* "VBoxVBoxVBox" */
	HYP_KIND_BHYVE,         /* "bhyve bhyve " */
	HYP_KIND_ACRN,          /* "ACRNACRNACRN" */
	HYP_KIND_PARALLELS,     /* " lrpepyh  vr" */
	HYP_KIND_QNX,           /* "QNXQVMBSQG" */
	HYP_KIND_JAILHOUSE,     /* "Jailhouse" */
	HYP_KIND_UNKNOWN,       /* present, signature not known here (see hyp_info.signature) */
};

/* Hypercall families the library found it may call (hyp_info.families). */
#define HYP_FAMILY_KVM      (1u << 0)
#define HYP_FAMILY_XEN      (1u << 1)
#define HYP_FAMILY_HYPERV   (1u << 2)   /* x86: Hyper-V hypercall page (TLFS) */
#define HYP_FAMILY_VMWARE   (1u << 3)   /* x86: VMware backdoor port / vmcall */
#define HYP_FAMILY_SMCCC    (1u << 4)   /* aarch64: SMCCC through hvc or smc (PSCI, vendor services) */
#define HYP_FAMILY_SBI      (1u << 5)   /* riscv64: SBI through ecall */
#define HYP_FAMILY_EPAPR    (1u << 8)   /* PowerPC: /hypervisor hcall-instructions patched in */
#define HYP_FAMILY_PAPR     (1u << 9)   /* PowerPC: pseries, `sc 1` H_* calls */
#define HYP_FAMILY_OSI      (1u << 10)  /* PowerPC book3s: Mac-on-Linux OSI `sc` calls */

/* x86 CPU vendors (CPUID leaf 0); they pick the KVM instruction. */
enum hyp_x86_vendor {
	HYP_X86_VENDOR_OTHER = 0,
	HYP_X86_VENDOR_INTEL,   /* vmcall */
	HYP_X86_VENDOR_AMD,     /* vmmcall */
	HYP_X86_VENDOR_HYGON,   /* vmmcall */
	HYP_X86_VENDOR_CENTAUR, /* vmcall */
	HYP_X86_VENDOR_ZHAOXIN, /* vmcall */
};

struct hyp_info {
	enum hyp_kind kind;         /* the first signature found, HYP_KIND_NONE if none */
	uint32_t families;          /* HYP_FAMILY_* the library will call */
	char signature[16];         /* raw signature of `kind`, NUL-terminated */
	uint32_t kvm_features;      /* KVM feature bits (x86: leaf kvm base+1 eax) */
	uint32_t kvm_hints;         /* x86: leaf kvm base+1 edx */
	uint32_t x86_vendor;        /* enum hyp_x86_vendor */
	uint32_t x86_kvm_base;      /* x86: CPUID base of the KVM leaves, 0 if none */
	uint32_t x86_xen_base;      /* x86: CPUID base of the Xen leaves, 0 if none */
	uint32_t s390_diag500_codes; /* s390: bit n set = DIAGNOSE 0x500 subcode n is served */
	char s390_vm_name[9];       /* s390: STSI 3.2.2 name of this VM (ASCII), "" if none */
	uint32_t xen_version;       /* x86: Xen's major << 16 | minor (leaf xen base+1 eax) */
	uint32_t x86_xen_hypercall_pages;   /* x86: hypercall pages Xen offers (leaf base+2 eax) */
	uint32_t x86_xen_hypercall_msr;     /* x86: the MSR that installs one (leaf base+2 ebx) */
	bool xen_pv;                /* x86: a Xen PV guest (hyp_platform.xen_pv_start_info) */
	/* PowerPC: what /hypervisor said (ePAPR 1.1 section 7.5). */
	uint32_t ppc_hcall[4];      /* hcall-instructions words, valid ones only */
	uint32_t ppc_hcall_len;     /* its length in bytes as found (0: none) */
	bool ppc_hypervisor_node;   /* the device tree has /hypervisor */
	bool ppc_hcall_valid;       /* hcall-instructions: 4..16 bytes, multiple of 4 */
	bool ppc_has_idle;          /* "has-idle": HYP_EPAPR_IDLE is served */
	/* riscv: what the SBI implementation below answered (hyp_init() only; <hyp/sbi.h>). */
	uint32_t sbi_spec_version;  /* BASE 0: major << 24 | minor; 1 (0.1) if BASE is missing */
	uint32_t sbi_impl_id;       /* BASE 1: HYP_SBI_IMPL_* */
	uint64_t sbi_impl_version;  /* BASE 2 */
	uint32_t sbi_extensions;    /* HYP_SBI_HAS_*: probe_extension said present */
	bool sbi_hypervisor;        /* the implementation is a hypervisor (KVM, Xen, ...), not firmware */
	/* aarch64: what the device tree (or the kernel) and SMCCC discovery said. */
	uint32_t arm_conduit;       /* enum hyp_arm_conduit used for PSCI/SMCCC */
	uint32_t arm_psci_version;  /* PSCI_VERSION, 0 without PSCI */
	uint32_t arm_smccc_version; /* SMCCC_VERSION when >= 1.1 was discovered, else 0 */
	uint32_t arm_vendor_hyp_uid[4]; /* VENDOR_HYP_CALL_UID w0..w3 (KVM's, ...) */
	uint32_t arm_std_hyp_uid[4];    /* STD_HYP_CALL_UID w0..w3 (Xen answers there) */
	uint32_t arm_trng_version;  /* TRNG_VERSION, 0 without TRNG */
	/* x86 Hyper-V (<hyp/hyperv.h>), valid with HYP_FAMILY_HYPERV. */
	uint32_t hyperv_max_leaf;           /* leaf 0x40000000 eax */
	uint32_t hyperv_privileges;         /* 0x40000003 eax: HYP_HYPERV_MSR_*_AVAILABLE */
	uint32_t hyperv_privileges_high;    /* 0x40000003 ebx: HYP_HYPERV_POST_MESSAGES, ... */
	uint32_t hyperv_features;           /* 0x40000003 edx */
	uint32_t hyperv_recommendations;    /* 0x40000004 eax */
	uint32_t hyperv_spin_retries;       /* 0x40000004 ebx (HYP_HYPERV_SPIN_NEVER_NOTIFY) */
	/* x86 VMware backdoor (<hyp/vmware.h>), valid with HYP_FAMILY_VMWARE. */
	uint32_t vmware_conduit;            /* enum hyp_vmware_conduit the gate uses */
	uint32_t vmware_tsc_khz;            /* 0x40000010 eax, 0 if not offered */
	uint32_t vmware_bus_khz;            /* 0x40000010 ebx */
	uint32_t vmware_features;           /* 0x40000010 ecx: HYP_VMWARE_FEATURE_* */
};

/*
 * What only the kernel knows. Zero (or a NULL pointer) means the default.
 * Fields are only ever added at the end.
 */
struct hyp_platform {
	void *ctx;                  /* passed to every hook */
	/* x86: CPUID source; default the cpuid instruction. */
	void (*cpuid)(void *ctx, uint32_t leaf, uint32_t subleaf, uint32_t regs[4]);
	/* Guest-physical address of a kernel address; default identity. */
	uint64_t (*virt_to_phys)(void *ctx, const void *va);
	/*
	 * The hypervisor the kernel knows it runs under (its boot protocol or
	 * platform says so); HYP_KIND_NONE: none declared. MIPS has no
	 * instruction that asks: there this is the detection (HYP_KIND_KVM
	 * opens the KVM family). Ignored where the CPU can be asked (x86).
	 */
	enum hyp_kind declared_kind;
	/*
	 * x86 Xen PV guests: the start_info Xen passed at entry (rsi); its magic
	 * "xen-3.0-x86_64" marks the guest as PV, whose cpuid sees Xen's leaves
	 * only through the forced-emulation prefix. NULL for every other guest.
	 */
	const void *xen_pv_start_info;
	/* Flattened device tree blob and its size (PowerPC ePAPR, MIPS). */
	const void *fdt;
	size_t fdt_size;
	/*
	 * PowerPC: the kernel knows it is a PAPR (pseries) partition (booted by
	 * Open Firmware / VOF as "chrp"/pseries): opens the `sc 1` H_* calls.
	 * A device tree with /rtas "ibm,hypertas-functions" says so too.
	 */
	bool ppc_papr;
	/* PowerPC: hcall-instructions the kernel read itself (e.g. with libfdt),
	 * used instead of the blob's; count in words, 0 = none. */
	const uint32_t *ppc_hcall;
	size_t ppc_hcall_words;
	/*
	 * riscv: the kernel runs in M-mode, where ecall traps to itself: no SBI
	 * below it, the SBI family stays closed (HYP_ENOHYP). An S-mode kernel
	 * leaves it false: an SBI implementation is the platform contract.
	 */
	bool riscv_m_mode;
	/*
	 * aarch64: the PSCI/SMCCC conduit the kernel knows (its firmware tables);
	 * HYP_ARM_CONDUIT_DEFAULT takes /psci "method" from `fdt`. hvc at EL1
	 * without EL2, or smc without EL3 firmware, is UNDEFINED: libhyp never
	 * guesses one.
	 */
	uint32_t arm_conduit;       /* enum hyp_arm_conduit */
	/*
	 * x86: the kernel knows the machine has a VMware backdoor port (QEMU's
	 * vmport shows no VMware CPUID signature). Without it, or a "VMwareVMware"
	 * signature, libhyp never touches port 0x5658 (<hyp/vmware.h>).
	 */
	bool x86_vmware_backdoor;
	/*
	 * PowerPC book3s: the kernel knows its host serves Mac-on-Linux OSI
	 * calls (<hyp/osi.h>): opens HYP_FAMILY_OSI. There is no detection.
	 */
	bool ppc_osi;
};

/* aarch64 conduits (hyp_platform.arm_conduit, hyp_info.arm_conduit). */
enum hyp_arm_conduit {
	HYP_ARM_CONDUIT_DEFAULT = 0,    /* platform: from the device tree; info: none found */
	HYP_ARM_CONDUIT_NONE,           /* the kernel says: no PSCI/SMCCC */
	HYP_ARM_CONDUIT_HVC,
	HYP_ARM_CONDUIT_SMC,
};

/*
 * Detect without side effects: no hypercall, no state written. Finding no
 * hypervisor is success (info->kind == HYP_KIND_NONE).
 * x86: CPUID.1:ECX[31] first; then leaves 0x40000000 + k*0x100 up to
 * 0x40010000, each taken only if its max leaf lies within its own 0x100 range.
 * s390x: STSI (supervisor state): level 3 present and its innermost control
 * program (3.2.2) "KVM/Linux" means KVM's DIAGNOSE 0x500 interface; the
 * machine's manufacturer (1.1.1) "QEMU" tells QEMU TCG from KVM (see
 * lib/s390/detect.c).
 * aarch64: the conduit from plat->arm_conduit or the tree's /psci "method";
 * only on that conduit PSCI_VERSION, PSCI_FEATURES(SMCCC_VERSION), then (SMCCC
 * >= 1.1) the hypervisor UIDs, KVM_FEATURES and TRNG_VERSION; Xen from
 * /hypervisor "xen,xen" or declared_kind (then XENVER_version).
 */
int hyp_detect(const struct hyp_platform *plat, struct hyp_info *info);

/*
 * Detect and open the gates of the families found. Idempotent; safe to call
 * from several CPUs at once (the first runs it, the others wait and return
 * its result). `plat` is copied; NULL means defaults.
 */
int hyp_init(const struct hyp_platform *plat);

/* The detection result, or NULL before hyp_init() has finished. */
const struct hyp_info *hyp_get_info(void);

/* "KVM", "Xen", "QEMU TCG", ... */
const char *hyp_kind_name(enum hyp_kind kind);

/* ---- KVM --------------------------------------------------------------- */
/*
 * x86: while Hyper-V owns vmcall/vmmcall (hyp_hyperv_enable(), <hyp/hyperv.h>)
 * every KVM call answers HYP_ENOHYP without executing anything.
 */

/* Map a raw KVM return value into the error model (>= 0 passes through). */
int hyp_kvm_error(long raw);

/* Whether the KVM host advertises HYP_KVM_FEATURE_<bit>; false without KVM. */
bool hyp_kvm_has_feature(unsigned int bit);

#if defined(__x86_64__) || defined(__i386__)
/* KVM_HC_VAPIC_POLL_IRQ: exit to the host so it checks pending interrupts. 0. */
int hyp_kvm_vapic_poll_irq(void);

/* KVM_HC_KICK_CPU: wake the vCPU with `apic_id` from a PV-unhalt halt. 0. */
int hyp_kvm_kick_cpu(uint32_t apic_id);

/*
 * KVM_HC_CLOCK_PAIRING: the host writes `out` (translated by virt_to_phys).
 * 0; HYP_EOPNOTSUPP if the host clock is not TSC-based or the type is not
 * HYP_KVM_CLOCK_PAIRING_WALLCLOCK.
 */
int hyp_kvm_clock_pairing(struct hyp_kvm_clock_pairing *out, uint32_t clock_type);

/*
 * KVM_HC_SEND_IPI: send `icr` (vector and delivery mode) to the APIC IDs
 * min_apic_id + n for every bit n of the bitmap (low word first; a word is
 * unsigned long, 64 bits on x86_64, 32 on i386). Returns the number of CPUs
 * the IPI went to, as KVM counts them: a target whose local APIC is
 * software-disabled (SVR bit 8 clear, as after reset) does not accept a
 * fixed interrupt and is not counted, so 0 with every target in that state
 * is KVM's answer, not an error (Linux arch/x86/kvm/lapic.c, kvm_pv_send_ipi
 * -> __apic_accept_irq).
 */
int hyp_kvm_send_ipi(unsigned long bitmap_low, unsigned long bitmap_high,
		     uint32_t min_apic_id, uint32_t icr);

/* KVM_HC_SCHED_YIELD: yield to the (preempted) vCPU with `apic_id`. 0. */
int hyp_kvm_sched_yield(uint32_t apic_id);

/*
 * KVM_HC_MAP_GPA_RANGE: ask the host to map `npages` pages from `gpa` with
 * HYP_KVM_MAP_GPA_RANGE_* attributes (served by the host's userspace if it
 * enabled the exit; otherwise HYP_ENOSYS). i386: values above 32 bits are
 * HYP_EINVAL.
 */
int hyp_kvm_map_gpa_range(uint64_t gpa, uint64_t npages, uint64_t attrs);

/*
 * KVM_HC_MMU_OP (2) has no wrapper: deprecated, removed from KVM in Linux
 * 2.6.36; a host answers -KVM_ENOSYS.
 */
#endif

#if defined(__mips__)
/*
 * MIPS KVM (Linux include/uapi/linux/kvm_para.h numbers 6-8). The numbers
 * came in 2014 with Cavium's paravirtual MIPS guest (arch/mips/paravirt,
 * served by Cavium's own VZ KVM; removed in Linux 5.9 by "MIPS: Retire kvm
 * paravirt"). Mainline KVM (arch/mips/kvm/hypcall.c, since 2017) decodes
 * HYPCALL code 0 but answers every number with -KVM_ENOSYS (HYP_ENOSYS
 * here); the handlers for 6-8 were posted in 2017 ("KVM: MIPS: Hypercalls")
 * and are in the MIPS/linux vendor tree only. KVM_HC_KICK_CPU is served on
 * x86 only: no MIPS wrapper.
 *
 * Detection: MIPS cannot ask the CPU. hyp_init() takes the caller's
 * hyp_platform.declared_kind (HYP_KIND_KVM opens the gate); if none is
 * declared, a device tree in hyp_platform.fdt whose /hypervisor node is
 * compatible with "linux,kvm" declares KVM (a malformed blob: HYP_EBADDT).
 */

/*
 * KVM_HC_MIPS_GET_CLOCK_FREQ: the frequency of CP0 Count in Hz (> 0), as
 * the host's (s32) count_hz; Linux used it for mips_hpt_frequency.
 */
int hyp_kvm_mips_get_clock_freq(void);

/*
 * KVM_HC_MIPS_EXIT_VM: shut the virtual machine down (KVM passes a
 * KVM_SYSTEM_EVENT_SHUTDOWN to its userspace). Does not return on a host
 * that serves it; otherwise the hypervisor's error.
 */
int hyp_kvm_mips_exit_vm(void);

/*
 * KVM_HC_MIPS_CONSOLE_OUTPUT, one call: a0 virtual terminal, a1 the guest
 * *virtual* address of the bytes, which must lie in an unmapped segment
 * (KSEG0, KSEG1, XKPHYS), a2 the count. KVM hands the call to its userspace
 * (KVM_EXIT_HYPERCALL), whose answer comes back in v0 (default
 * -KVM_ENOSYS); Linux's guest ignored it. libhyp reads an answer >= 0 as the
 * number of bytes taken, which may be fewer than offered.
 * HYP_EINVAL: NULL with len > 0, or len > INT_MAX; HYP_EFAULT: buf not
 * wholly in an unmapped segment (nothing executed in both cases).
 */
int hyp_kvm_mips_console_output(uint32_t vterm, const char *buf, size_t len);

/*
 * Write all `len` bytes through KVM_HC_MIPS_CONSOLE_OUTPUT, calling again
 * for what the hypervisor did not take. Returns `len`; after a failure, the
 * bytes written before it if any (so the caller knows where to resume),
 * else the error. An answer larger than offered is HYP_EIO. Gives up after
 * HYP_KVM_MIPS_CONSOLE_STALLS answers of 0 in a row (HYP_EAGAIN, or the
 * count written so far).
 */
#define HYP_KVM_MIPS_CONSOLE_STALLS 16
int hyp_kvm_mips_console_write(uint32_t vterm, const char *buf, size_t len);
#endif

#if defined(__s390x__)
/*
 * s390x: KVM hypercalls are DIAGNOSE 0x500 (<hyp/s390/kvm_hypercall.h>).
 * The KVM family (HYP_FAMILY_KVM, gate open) is found under both KVM and
 * QEMU TCG: QEMU serves the subcodes itself. Subcodes served per kind
 * (hyp_info.s390_diag500_codes):
 *   HYP_KIND_TCG  0 (HYP_KVM_S390_VIRTIO_NOTIFY) and 3 (CCW notify): QEMU.
 *   HYP_KIND_KVM  3 only: the one subcode KVM documents for virtio-ccw;
 *                 others depend on the unknown userspace.
 * Any other subcode raises a specification exception in the guest. The
 * calls below refuse unserved subcodes with HYP_ENOSYS and execute
 * nothing; hyp_kvm_hypercallN() executes any subcode (the caller's risk).
 */

/* Whether the detected host serves DIAGNOSE 0x500 subcode `nr`. */
bool hyp_kvm_s390_serves(unsigned int nr);

/*
 * Checked call: subcode `nr` with r2-r4 = p1-p3 (no served subcode takes
 * more), the answer through hyp_kvm_error(). HYP_ENOSYS without executing
 * anything if the host does not serve `nr`.
 */
int hyp_kvm_s390_call(unsigned int nr, unsigned long p1, unsigned long p2,
		      unsigned long p3);

/*
 * KVM_S390_VIRTIO_CCW_NOTIFY: kick virtqueue `queue` of the virtio-ccw
 * device on subchannel `schid` (HYP_S390_SCHID()). `queue` is the queue
 * index, with the next available index in bits 16-31 if
 * VIRTIO_F_NOTIFICATION_DATA was negotiated. `cookie` is the last value
 * returned for this queue (0 at first): KVM uses it to find the ioeventfd
 * faster. Returns the new cookie (>= 0); HYP_EINVAL for a missing
 * subchannel or a queue index >= 1024 (the host's -22; later QEMU also for
 * a queue the device lacks, 7.2 answers 0), or a malformed schid (checked
 * here, nothing executed).
 */
int hyp_kvm_virtio_ccw_notify(uint32_t schid, uint32_t queue, long cookie);

/*
 * KVM_S390_VIRTIO_NOTIFY (s390-virtio, removed): QEMU answers 0 for an
 * address below its RAM size (HYP_EINVAL beyond) and does nothing else.
 * HYP_ENOSYS where the host does not serve it.
 */
int hyp_kvm_virtio_notify(uint64_t addr);
#endif

/* ---- Xen --------------------------------------------------------------- */

/*
 * Map a raw Xen return value into the error model (>= 0 passes through,
 * clamped to INT_MAX; Xen's -errno values map to the same HYP_E* number;
 * unknown ones to HYP_EIO).
 */
int hyp_xen_error(long raw);

#if defined(__x86_64__) || defined(__i386__)
/* How hyp_xen_hypercallN reaches Xen now. */
enum hyp_xen_mode {
	HYP_XEN_MODE_NONE = 0,      /* no Xen, not initialised, or PV without a page yet */
	HYP_XEN_MODE_PAGE,          /* call page + op * 32 */
	HYP_XEN_MODE_VMCALL,        /* direct, Intel HVM/PVH */
	HYP_XEN_MODE_VMMCALL,       /* direct, AMD HVM/PVH */
};
enum hyp_xen_mode hyp_xen_mode(void);

/*
 * Default after hyp_init(): HVM/PVH call Xen directly by CPU vendor (no
 * page to allocate, no page of hypervisor-written code to map executable;
 * as modern Linux does); PV has no mode until it names its page.
 *
 * hyp_xen_set_hypercall_page(page): switch to page mode. `page` is 4 KiB,
 * 4 KiB aligned and executable. HVM/PVH: the library fills it with ud2
 * (a call before Xen writes it traps, never returns a plausible value),
 * writes its guest-physical address (virt_to_phys) to the MSR of CPUID leaf
 * xen base+2, then verifies. PV: `page` is the page the image named in
 * XEN_ELFNOTE_HYPERCALL_PAGE (HYP_XEN_PV_HYPERCALL_PAGE, <hyp/x86/xen_pv.h>),
 * which Xen filled at boot; it is only verified. 0; HYP_EINVAL (NULL, misaligned),
 * HYP_ENOHYP (no Xen), HYP_EIO (Xen did not write a valid page: the mode
 * stays as it was). Not concurrently with itself or hyp_xen_set_direct();
 * other CPUs may keep calling (they see the old mode or the new, both work).
 */
int hyp_xen_set_hypercall_page(void *page);

/* Back to direct calls (HVM/PVH). 0; HYP_EOPNOTSUPP on PV, HYP_ENOHYP without Xen. */
int hyp_xen_set_direct(void);

/* Fill a page with the fail-safe pattern (ud2 in every 32-byte slot). */
void hyp_xen_hypercall_page_fill(void *page);

/* Whether every slot but iret holds a Xen stub loading its own number (mov $op, %eax). */
bool hyp_xen_hypercall_page_valid(const void *page);

/* PHYSDEVOP_set_iopl (PV: lets the kernel use in/out). 0. */
int hyp_xen_set_iopl(uint32_t iopl);
#endif

/* Xen typed hypercalls of x86 and aarch64 (lib/xen_calls.c). */
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
/* XENVER_version: major << 16 | minor (4.17 = 0x40011). */
int hyp_xen_version(void);
/* XENVER_extraversion into out[HYP_XEN_EXTRAVERSION_LEN], NUL-terminated. 0. */
int hyp_xen_extraversion(char *out);
/* XENVER_get_features: word `submap_idx` of the feature bits (HYP_XEN_FEAT_*). 0. */
int hyp_xen_get_features(unsigned int submap_idx, uint32_t *submap);

/*
 * CONSOLEIO_write: all `len` bytes (at most INT_MAX), split into pieces of
 * HYP_XEN_CONSOLE_CHUNK and retried where Xen reports partial progress.
 * Returns len. Without a hypervisor console (a domU) Xen answers HYP_EPERM.
 */
#define HYP_XEN_CONSOLE_CHUNK   1024
int hyp_xen_console_write(const char *buf, size_t len);
/* CONSOLEIO_read: up to `len` bytes; returns the count (0: nothing waiting). */
int hyp_xen_console_read(char *buf, size_t len);

/* SCHEDOP_yield. 0. */
int hyp_xen_sched_yield(void);
/* SCHEDOP_block: enable event delivery and sleep until an event is pending. 0. */
int hyp_xen_sched_block(void);
/* SCHEDOP_shutdown with HYP_XEN_SHUTDOWN_*; a reason above _MAX is HYP_EINVAL, not sent. */
int hyp_xen_sched_shutdown(unsigned int reason);

/* EVTCHNOP_alloc_unbound for DOMID_SELF, accepting `remote_dom`: the new port. */
int hyp_xen_evtchn_alloc_unbound(uint16_t remote_dom);
/* EVTCHNOP_bind_virq: bind HYP_XEN_VIRQ_* on `vcpu`: the new port. */
int hyp_xen_evtchn_bind_virq(uint32_t virq, uint32_t vcpu);
/* EVTCHNOP_bind_ipi: a port whose sends notify `vcpu` of this domain: the new port. */
int hyp_xen_evtchn_bind_ipi(uint32_t vcpu);
/* EVTCHNOP_send. 0. */
int hyp_xen_evtchn_send(uint32_t port);
/* EVTCHNOP_close. 0. */
int hyp_xen_evtchn_close(uint32_t port);
/* EVTCHNOP_status of one of our ports into `out`. 0. */
int hyp_xen_evtchn_status(uint32_t port, struct hyp_xen_evtchn_status *out);

/* HVMOP_get_param / HVMOP_set_param for DOMID_SELF (HVM/PVH). 0. */
int hyp_xen_hvm_get_param(uint32_t index, uint64_t *value);
int hyp_xen_hvm_set_param(uint32_t index, uint64_t value);

/* XENMEM_add_to_physmap for DOMID_SELF: page `idx` of `space` at guest frame `gpfn`. 0. */
int hyp_xen_add_to_physmap(unsigned int space, unsigned long idx, uint64_t gpfn);
/*
 * Map Xen's shared_info page over `page` (XENMEM_add_to_physmap,
 * XENMAPSPACE_shared_info at virt_to_phys(page)): Xen replaces the whole
 * 4 KiB, so the argument is the page-sized, page-aligned type, never a
 * bare struct hyp_xen_shared_info. 0; HYP_EINVAL (NULL, misaligned
 * physical address).
 * HVM/PVH first make Xen latch this build's word size for the layout
 * (xen_abi.h): the library reads HVM_PARAM_CALLBACK_IRQ and sets it to the
 * value read. Setting that parameter is what latches the size (Xen
 * xen/arch/x86/hvm/hvm.c, hvm_set_param -> hvm_latch_shinfo_size, from the
 * calling vCPU's mode, and rewrites the wall clock in the new layout); the
 * same value leaves the event callback as it was. Without it a 32-bit
 * guest in direct mode would read a 64-bit page (Xen's default). Call it
 * from the mode the kernel runs in, not from 32-bit boot code of a 64-bit
 * kernel.
 */
int hyp_xen_map_shared_info(union hyp_xen_shared_info_page *page);
/* XENMEM_current_reservation of DOMID_SELF: pages. */
int hyp_xen_current_reservation(void);

/* VCPUOP_is_up: 1 up, 0 down; HYP_ENOENT for a vCPU that does not exist. */
int hyp_xen_vcpu_is_up(uint32_t vcpu);
/* VCPUOP_get_runstate_info. 0. */
int hyp_xen_vcpu_runstate(uint32_t vcpu, struct hyp_xen_vcpu_runstate_info *out);
#endif

/* ---- PowerPC: ePAPR (KVM and others) and PAPR -------------------------- */

/* Map an ePAPR status (r3: 0 or HYP_EV_*) into the error model. */
int hyp_epapr_error(long raw);

/* Map a PAPR status (r3: H_*) into the error model (> 0 busy codes: HYP_EAGAIN). */
int hyp_papr_error(long raw);

#if defined(__powerpc__) || defined(__powerpc64__)
/*
 * The ePAPR hypercall area holds the instructions it was patched with
 * (true) or the fallback (false).
 */
bool hyp_epapr_patched(void);

/*
 * Patch the area with `count` instruction words (1..4; the rest becomes nop)
 * and make it visible to instruction fetch (dcbst, sync, icbi, isync per
 * word). Any other count: HYP_EINVAL, the area unchanged. hyp_init() does
 * this from /hypervisor; the area's text must be writable then.
 * hyp_epapr_restore_fallback() puts the fallback back.
 */
int hyp_epapr_patch_area(const uint32_t *words, size_t count);
void hyp_epapr_restore_fallback(void);

/* EV_BYTE_CHANNEL_SEND: up to 16 bytes; returns the bytes the channel took. */
int hyp_epapr_byte_channel_send(uint32_t handle, const char *buf, unsigned int count);
/* Sends all `count` bytes, retrying while the channel is busy (EV_EAGAIN)
 * up to `retries` times in a row; returns count or the first error. */
int hyp_epapr_byte_channel_write(uint32_t handle, const char *buf, size_t count,
				 unsigned int retries);
/* EV_BYTE_CHANNEL_RECEIVE: up to `max` (<= 16) bytes into buf; returns the count. */
int hyp_epapr_byte_channel_receive(uint32_t handle, char *buf, unsigned int max);
/* EV_BYTE_CHANNEL_POLL: bytes waiting to be read, space to write. 0. */
int hyp_epapr_byte_channel_poll(uint32_t handle, uint32_t *rx_count, uint32_t *tx_space);
/* EV_IDLE: wait for an interrupt in the hypervisor. 0. HYP_ENOSYS without has-idle. */
int hyp_epapr_idle(void);
/* Interrupt controller (ePAPR 1.1 section 6.5: the virtual MPIC). 0 or a value. */
int hyp_epapr_int_set_config(uint32_t irq, uint32_t config, uint32_t priority, uint32_t destination);
int hyp_epapr_int_get_config(uint32_t irq, uint32_t *config, uint32_t *priority, uint32_t *destination);
int hyp_epapr_int_set_mask(uint32_t irq, uint32_t mask);
int hyp_epapr_int_get_mask(uint32_t irq, uint32_t *mask);
int hyp_epapr_int_iack(uint32_t handle, uint32_t *vector);
int hyp_epapr_int_eoi(uint32_t irq);
int hyp_epapr_int_send_ipi(uint32_t ipi);
int hyp_epapr_int_set_task_priority(uint32_t priority);
int hyp_epapr_int_get_task_priority(uint32_t *priority);
int hyp_epapr_doorbell_send(uint32_t handle);

/* KVM_HC_FEATURES (vendor 42): host feature bits (HYP_KVM_PPC_FEATURE_*). 0. */
int hyp_kvm_ppc_features(unsigned long *features);
/*
 * KVM_HC_PPC_MAP_MAGIC_PAGE: map the magic page at guest-physical `gpa` and
 * effective address `ea` (both HYP_KVM_PPC_MAGIC_PAGE = -4096 as Linux does;
 * `ea` may carry HYP_KVM_PPC_MAGIC_PAGE_NOT_MAPPED_NX). *magic_features gets
 * HYP_KVM_PPC_MAGIC_FEAT_* (which fields are valid). 0.
 * 64-bit: mapped at -4096, the page's msr must read as mfmsr does, else
 * HYP_EIO and the patcher stays refused (book3s KVM-PR stores the page in
 * the byte order of the guest's interrupts when this is called: a
 * little-endian kernel sets LPCR[ILE], e.g. H_SET_MODE, first). Calls must
 * come from supervisor state (KVM-PR takes `sc` as a hypercall only with
 * MSR[PR] = 0).
 */
int hyp_kvm_ppc_map_magic_page(unsigned long gpa, unsigned long ea, uint32_t *magic_features);

/*
 * Patch `words` instructions at `start` for the magic page (hyp/ppc_patch.h),
 * generating MSR-write code into `gen` (HYP_KVM_PPC_PATCH_SITE_WORDS per
 * site; within +-32 MiB of the code), then sync the caches of both. Only
 * after hyp_kvm_ppc_map_magic_page() mapped the page at -4096: HYP_EPERM
 * before. `flags`: HYP_KVM_PPC_PATCH_BOOKE on BookE (64-bit, endianness and
 * ESR follow the build and the host's magic features). The text must be
 * writable.
 */
int hyp_kvm_ppc_patch(uint32_t *start, size_t words, uint32_t *gen, size_t gen_words,
		      unsigned int flags, struct hyp_kvm_ppc_patch_stats *stats);

#if defined(__powerpc64__)  /* lib/powerpc/papr.c: PAPR typed calls are 64-bit only */
/* H_PUT_TERM_CHAR: up to 16 bytes to virtual terminal `vterm`; 0 when taken whole. */
int hyp_papr_put_term_char(unsigned long vterm, const char *buf, unsigned int count);
/* Writes all `count` bytes (16 at a time), retrying H_BUSY up to `retries`
 * times in a row: never drops bytes silently. Returns count or an error. */
int hyp_papr_term_write(unsigned long vterm, const char *buf, size_t count, unsigned int retries);
/* H_GET_TERM_CHAR: up to 16 bytes into buf (16 bytes room); returns the count. */
int hyp_papr_get_term_char(unsigned long vterm, char buf[HYP_PAPR_TERM_CHAR_MAX]);
/* H_RANDOM: 64 random bits. HYP_ENOSYS without a random source. */
int hyp_papr_random(uint64_t *value);
/* H_LOGICAL_CI_LOAD / STORE: cache-inhibited access of 1, 2, 4 or 8 bytes. */
int hyp_papr_logical_ci_load(unsigned int size, unsigned long addr, unsigned long *value);
int hyp_papr_logical_ci_store(unsigned int size, unsigned long addr, unsigned long value);
/* H_SET_MODE. 0. */
int hyp_papr_set_mode(unsigned long mflags, unsigned long resource,
		      unsigned long value1, unsigned long value2);
/* H_CEDE: give up the vCPU until an interrupt. 0. */
int hyp_papr_cede(void);
#endif /* __powerpc64__ */
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_HYP_H */
