/* SPDX-License-Identifier: MIT */
/*
 * ePAPR hypercall ABI (PowerPC): tokens, status codes, KVM's vendor calls and
 * the magic page.
 *
 * Sources: Linux Documentation/virt/kvm/ppc-pv.rst (token in r11, arguments r3-r10, status r3, outputs
 * r4-r11; the instructions come from /hypervisor "hcall-instructions"; the
 * magic page), ePAPR 1.1 chapter 6, Linux arch/powerpc/include/uapi/asm/
 * epapr_hcalls.h and kvm_para.h. tests/host/test_epapr_abi.c checks every value
 * and the magic page layout against Debian's linux-libc-dev-powerpc-cross.
 */
#ifndef HYP_EPAPR_ABI_H
#define HYP_EPAPR_ABI_H

#include <stdint.h>

#include <hyp/static_assert.h>

/* Token (r11) = vendor << 16 | number. */
#define HYP_EPAPR_TOKEN(vendor, nr)     ((uint32_t)(vendor) << 16 | (uint32_t)(nr))
#define HYP_EPAPR_VENDOR_EPAPR          1   /* the standard calls below */
#define HYP_EPAPR_VENDOR_FSL            2
#define HYP_EPAPR_VENDOR_KVM            42  /* HYP_KVM_HC_* numbers */
#define HYP_EPAPR_KVM_TOKEN(nr)         HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_KVM, nr)

/* ePAPR standard hypercall numbers (vendor 1). */
#define HYP_EPAPR_BYTE_CHANNEL_SEND     1   /* r3 handle, r4 count, r5-r8 bytes; out r4 count sent */
#define HYP_EPAPR_BYTE_CHANNEL_RECEIVE  2   /* r3 handle, r4 max; out r4 count, r5-r8 bytes */
#define HYP_EPAPR_BYTE_CHANNEL_POLL     3   /* r3 handle; out r4 rx bytes pending, r5 tx space */
#define HYP_EPAPR_INT_SET_CONFIG        4   /* r3 irq, r4 config, r5 priority, r6 destination */
#define HYP_EPAPR_INT_GET_CONFIG        5   /* r3 irq; out r4 config, r5 priority, r6 destination */
#define HYP_EPAPR_INT_SET_MASK          6   /* r3 irq, r4 mask */
#define HYP_EPAPR_INT_GET_MASK          7   /* r3 irq; out r4 mask */
#define HYP_EPAPR_INT_IACK              9   /* r3 handle; out r4 vector */
#define HYP_EPAPR_INT_EOI               10  /* r3 irq */
#define HYP_EPAPR_INT_SEND_IPI          11  /* r3 ipi */
#define HYP_EPAPR_INT_SET_TASK_PRIORITY 12  /* r3 priority */
#define HYP_EPAPR_INT_GET_TASK_PRIORITY 13  /* out r4 priority */
#define HYP_EPAPR_DOORBELL_SEND         14  /* r3 handle */
#define HYP_EPAPR_MSGSND                15
#define HYP_EPAPR_IDLE                  16  /* only if /hypervisor has "has-idle" */

/* Bytes one byte-channel call carries: r5-r8 as big-endian words. */
#define HYP_EPAPR_BYTE_CHANNEL_MAX      16

/* Status codes (r3); 0 is success. */
#define HYP_EV_SUCCESS          0
#define HYP_EV_EPERM            1
#define HYP_EV_ENOENT           2
#define HYP_EV_EIO              3
#define HYP_EV_EAGAIN           4
#define HYP_EV_ENOMEM           5
#define HYP_EV_EFAULT           6
#define HYP_EV_ENODEV           7
#define HYP_EV_EINVAL           8
#define HYP_EV_INTERNAL         9
#define HYP_EV_CONFIG           10
#define HYP_EV_INVALID_STATE    11
#define HYP_EV_UNIMPLEMENTED    12
#define HYP_EV_BUFFER_OVERFLOW  13

/* KVM on PowerPC (vendor 42; numbers HYP_KVM_HC_* in kvm_abi.h). */
#define HYP_KVM_PPC_FEATURE_MAGIC_PAGE      1           /* KVM_HC_FEATURES r4 bit */
#define HYP_KVM_PPC_MAGIC_FEAT_SR           (1u << 0)   /* map_magic_page r4: sr[] valid */
#define HYP_KVM_PPC_MAGIC_FEAT_MAS0_TO_SPRG7 (1u << 1)  /* mas0..pir, sprg4-7 valid */
#define HYP_KVM_PPC_MAGIC_PAGE_NOT_MAPPED_NX (1u << 0)  /* flag in the EA argument */
#define HYP_KVM_PPC_SC_MAGIC_R0             0x4b564d21u /* "KVM!": PR KVM's sc marker */
/* The magic page's address: -4096 in effective and physical space (ppc-pv.rst). */
#define HYP_KVM_PPC_MAGIC_PAGE              (-4096L)

/*
 * The magic page (ppc-pv.rst; Linux struct kvm_vcpu_arch_shared): supervisor
 * register state the host shares with the guest. Big-endian 64-bit fields as
 * the guest runs; fields are only ever added at the end, each behind a
 * feature bit (HYP_KVM_PPC_MAGIC_FEAT_*).
 */
struct hyp_kvm_ppc_magic_page {
	uint64_t scratch1;
	uint64_t scratch2;
	uint64_t scratch3;
	uint64_t critical;      /* == r1: the guest is in a critical section, no interrupt */
	uint64_t sprg0;
	uint64_t sprg1;
	uint64_t sprg2;
	uint64_t sprg3;
	uint64_t srr0;
	uint64_t srr1;
	uint64_t dar;           /* DEAR on BookE */
	uint64_t msr;
	uint32_t dsisr;
	uint32_t int_pending;   /* the host has an interrupt for the guest */
	uint32_t sr[16];        /* HYP_KVM_PPC_MAGIC_FEAT_SR */
	uint32_t mas0;          /* HYP_KVM_PPC_MAGIC_FEAT_MAS0_TO_SPRG7 from here */
	uint32_t mas1;
	uint64_t mas7_3;
	uint64_t mas2;
	uint32_t mas4;
	uint32_t mas6;
	uint32_t esr;
	uint32_t pir;
	uint64_t sprg4;
	uint64_t sprg5;
	uint64_t sprg6;
	uint64_t sprg7;
};

/* Offsets the instruction patcher encodes (checked by HYP_STATIC_ASSERT). */
#define HYP_KVM_PPC_MAGIC_OFF_CRITICAL  0x18
#define HYP_KVM_PPC_MAGIC_OFF_SPRG0     0x20
#define HYP_KVM_PPC_MAGIC_OFF_SPRG1     0x28
#define HYP_KVM_PPC_MAGIC_OFF_SPRG2     0x30
#define HYP_KVM_PPC_MAGIC_OFF_SPRG3     0x38
#define HYP_KVM_PPC_MAGIC_OFF_SRR0      0x40
#define HYP_KVM_PPC_MAGIC_OFF_SRR1      0x48
#define HYP_KVM_PPC_MAGIC_OFF_DAR       0x50
#define HYP_KVM_PPC_MAGIC_OFF_MSR       0x58
#define HYP_KVM_PPC_MAGIC_OFF_DSISR     0x60
#define HYP_KVM_PPC_MAGIC_OFF_INT_PENDING 0x64
#define HYP_KVM_PPC_MAGIC_SIZE          0xf0

HYP_STATIC_ASSERT(__builtin_offsetof(struct hyp_kvm_ppc_magic_page, critical) == HYP_KVM_PPC_MAGIC_OFF_CRITICAL, "critical");
HYP_STATIC_ASSERT(__builtin_offsetof(struct hyp_kvm_ppc_magic_page, sprg0) == HYP_KVM_PPC_MAGIC_OFF_SPRG0, "sprg0");
HYP_STATIC_ASSERT(__builtin_offsetof(struct hyp_kvm_ppc_magic_page, srr0) == HYP_KVM_PPC_MAGIC_OFF_SRR0, "srr0");
HYP_STATIC_ASSERT(__builtin_offsetof(struct hyp_kvm_ppc_magic_page, dar) == HYP_KVM_PPC_MAGIC_OFF_DAR, "dar");
HYP_STATIC_ASSERT(__builtin_offsetof(struct hyp_kvm_ppc_magic_page, msr) == HYP_KVM_PPC_MAGIC_OFF_MSR, "msr");
HYP_STATIC_ASSERT(__builtin_offsetof(struct hyp_kvm_ppc_magic_page, dsisr) == HYP_KVM_PPC_MAGIC_OFF_DSISR, "dsisr");
HYP_STATIC_ASSERT(__builtin_offsetof(struct hyp_kvm_ppc_magic_page, int_pending) == HYP_KVM_PPC_MAGIC_OFF_INT_PENDING, "int_pending");
HYP_STATIC_ASSERT(sizeof(struct hyp_kvm_ppc_magic_page) == HYP_KVM_PPC_MAGIC_SIZE, "size");

#endif /* HYP_EPAPR_ABI_H */
