/* SPDX-License-Identifier: MIT */
/*
 * PAPR hypercall ABI (PowerPC pseries partitions: pHyp, KVM-HV, QEMU).
 *
 * `sc 1` with the opcode in r3 and arguments in r4-r12; status in r3 (0
 * H_SUCCESS, > 0 busy/partial, < 0 errors), outputs in r4-r12 (Linux Documentation/virt/kvm/ppc-pv.rst
 * names the family; numbers from LoPAPR and Linux arch/powerpc/include/asm/hvcall.h,
 * QEMU include/hw/ppc/spapr.h, which is kernel-internal: no Debian header to
 * check them against).
 */
#ifndef HYP_PAPR_ABI_H
#define HYP_PAPR_ABI_H

/* Opcodes (r3). */
#define HYP_PAPR_H_SET_DABR             0x28
#define HYP_PAPR_H_LOGICAL_CI_LOAD      0x3c    /* r4 size (1 2 4 8), r5 address; out r4 value */
#define HYP_PAPR_H_LOGICAL_CI_STORE     0x40    /* r4 size, r5 address, r6 value */
#define HYP_PAPR_H_GET_TERM_CHAR        0x54    /* r4 vterm; out r4 count, r5-r6 bytes (big-endian) */
#define HYP_PAPR_H_PUT_TERM_CHAR        0x58    /* r4 vterm, r5 count (<= 16), r6-r7 bytes (big-endian) */
#define HYP_PAPR_H_CEDE                 0xe0
#define HYP_PAPR_H_CONFER               0xe4
#define HYP_PAPR_H_PROD                 0xe8
#define HYP_PAPR_H_RANDOM               0x300   /* out r4 64 random bits; needs a RNG (QEMU spapr-rng) */
#define HYP_PAPR_H_SET_MODE             0x31c   /* r4 mflags, r5 resource, r6 value1, r7 value2 */
#define HYP_PAPR_KVMPPC_H_RTAS          0xf000  /* QEMU/KVM: r4 real address of an RTAS argument block */

/* H_SET_MODE resources. */
#define HYP_PAPR_SET_MODE_RESOURCE_SET_CIABR        1
#define HYP_PAPR_SET_MODE_RESOURCE_SET_DAWR0        2
#define HYP_PAPR_SET_MODE_RESOURCE_ADDR_TRANS_MODE  3
#define HYP_PAPR_SET_MODE_RESOURCE_LE               4

/* Bytes one H_PUT_TERM_CHAR / H_GET_TERM_CHAR carries (two registers). */
#define HYP_PAPR_TERM_CHAR_MAX          16

/* Status (r3). */
#define HYP_PAPR_H_SUCCESS              0
#define HYP_PAPR_H_BUSY                 1       /* try again */
#define HYP_PAPR_H_CLOSED               2       /* virtual terminal closed */
#define HYP_PAPR_H_NOT_AVAILABLE        3
#define HYP_PAPR_H_CONSTRAINED          4
#define HYP_PAPR_H_PARTIAL              5
#define HYP_PAPR_H_IN_PROGRESS          14
#define HYP_PAPR_H_PAGE_REGISTERED      15
#define HYP_PAPR_H_PARTIAL_STORE        16
#define HYP_PAPR_H_PENDING              17
#define HYP_PAPR_H_CONTINUE             18
#define HYP_PAPR_H_LONG_BUSY_FIRST      9900    /* 9900..9905: busy, retry after 1 ms .. 100 s */
#define HYP_PAPR_H_LONG_BUSY_LAST       9905
#define HYP_PAPR_H_HARDWARE             (-1)
#define HYP_PAPR_H_FUNCTION             (-2)    /* opcode not supported */
#define HYP_PAPR_H_PRIVILEGE            (-3)
#define HYP_PAPR_H_PARAMETER            (-4)
#define HYP_PAPR_H_BAD_MODE             (-5)
#define HYP_PAPR_H_PTEG_FULL            (-6)
#define HYP_PAPR_H_NOT_FOUND            (-7)
#define HYP_PAPR_H_RESERVED_DABR        (-8)
#define HYP_PAPR_H_NO_MEM               (-9)
#define HYP_PAPR_H_AUTHORITY            (-10)
#define HYP_PAPR_H_PERMISSION           (-11)
#define HYP_PAPR_H_DROPPED              (-12)
#define HYP_PAPR_H_RESOURCE             (-16)
#define HYP_PAPR_H_UNSUPPORTED          (-67)
#define HYP_PAPR_H_OVERLAP              (-68)
#define HYP_PAPR_H_STATE                (-75)
#define HYP_PAPR_H_IN_USE               (-77)
/* -2 .. -255 beyond these: parameter errors (H_P2 = -55 ... H_P9 = -62). */
#define HYP_PAPR_H_P2                   (-55)
#define HYP_PAPR_H_P9                   (-62)

#endif /* HYP_PAPR_ABI_H */
