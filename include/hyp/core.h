/* SPDX-License-Identifier: MIT */
/*
 * libhyp's core: detection, what it found, the kernel's word, one-time
 * init. Every family header builds on it; <hyp/hyp.h> includes them all.
 *
 *   hyp_init(&platform)      once, from any CPU (racing CPUs wait for the first)
 *   hyp_get_info()           what detection found
 *
 * No call executes a hypercall instruction unless detection found a
 * hypervisor that accepts it; before hyp_init() calls return HYP_ENOTINIT,
 * without the hypervisor HYP_ENOHYP.
 */
#ifndef HYP_CORE_H
#define HYP_CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/config.h>
#include <hyp/error.h>
#include <hyp/gate.h>

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
	uint32_t families;          /* HYP_FAMILY_* the library will call (after hyp_init(): a
				       declared VMware backdoor only if GETVERSION answered) */
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
	/*
	 * riscv: the kernel knows nothing answers ecall from S-mode (it boots with
	 * no firmware, e.g. QEMU `-bios none`, and runs its own M-mode code, as
	 * xv6 does): the SBI family stays closed (HYP_ENOHYP) and hyp_init() makes
	 * no ecall. Without it the probe is still trap-safe (<hyp/sbi.h>).
	 */
	bool riscv_no_sbi;
	/*
	 * PowerPC ePAPR: the byte channel the kernel's console is on (its
	 * /chosen stdout-path node "epapr,hv-byte-channel", "hv-handle"):
	 * opens the epapr-byte-channel console path (<hyp/services.h>).
	 */
	bool ppc_epapr_console;
	uint32_t ppc_epapr_console_handle;
	/*
	 * PowerPC PAPR: the partition has H_RANDOM (its /rtas
	 * "ibm,hypertas-functions" lists "hcall-random"; QEMU: spapr-rng),
	 * as the kernel read it; a `fdt` with that list says so too. Opens
	 * the papr-h-random entropy path (<hyp/services.h>).
	 */
	bool ppc_papr_random;
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
 * lib/s390/s390_detect.c).
 * aarch64: the conduit from plat->arm_conduit or the tree's /psci "method"
 * (arm_conduit, HYP_FAMILY_SMCCC); Xen from /hypervisor "xen,xen" or
 * declared_kind. The versions, UIDs, KVM and TRNG need calls: hyp_init()
 * asks them (on that conduit only) into the info hyp_get_info() returns.
 * riscv64: the SBI family from the platform; hyp_init() asks BASE.
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

#ifdef __cplusplus
}
#endif

#endif /* HYP_CORE_H */
