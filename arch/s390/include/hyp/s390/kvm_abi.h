/* SPDX-License-Identifier: MIT */
/*
 * s390x KVM DIAGNOSE 0x500 subcodes and their operands.
 *
 * Sources: Linux Documentation/virt/kvm/s390/s390-diag.rst,
 * arch/s390/include/uapi/asm/virtio-ccw.h (KVM_S390_VIRTIO_CCW_NOTIFY);
 * QEMU hw/s390x/s390-hypercall.c (s390-virtio-hcall.c before 9.x) for the
 * answers QEMU gives. tests/host/test_s390_abi.c checks the values Linux's
 * s390 <asm/virtio-ccw.h> has (linux-libc-dev-s390x-cross).
 */
#ifndef HYP_S390_KVM_ABI_H
#define HYP_S390_KVM_ABI_H

/*
 * Subcodes (r1). 0-2 belonged to the removed s390-virtio transport; QEMU
 * still answers 0 (r2 below the RAM size: 0, else -22) so that old early
 * printk code does not fault, and raises a specification exception for 1
 * and 2.
 */
#define HYP_KVM_S390_VIRTIO_NOTIFY      0   /* r2 guest address; QEMU: 0, or -22 beyond RAM */
#define HYP_KVM_S390_VIRTIO_RESET       1   /* removed: specification exception */
#define HYP_KVM_S390_VIRTIO_SET_STATUS  2   /* removed: specification exception */
#define HYP_KVM_S390_VIRTIO_CCW_NOTIFY  3   /* r2 subchannel id, r3 queue, r4 cookie; r2 = cookie >= 0 or -22 */

/*
 * Subchannel identification word (r2 of CCW notify), as in the SCHID of the
 * channel I/O instructions: bits 0-7 css id, 12 M (multiple subchannel
 * sets), 13-14 subchannel-set id, 15 always one, 16-31 subchannel number
 * (bits numbered from the left of the 32-bit word).
 */
#define HYP_S390_SCHID_ONE              0x00010000u
#define HYP_S390_SCHID_M                0x00080000u
#define HYP_S390_SCHID_RESERVED         0x00f00000u
/* Subchannel ssid.sch_no of the default channel subsystem (M = 0, css id 0). */
#define HYP_S390_SCHID(ssid, sch_no)                                         \
	((((unsigned int)(ssid) & 3u) << 17) | HYP_S390_SCHID_ONE |          \
	 ((unsigned int)(sch_no) & 0xffffu))

/* CCW notify r3: queue index in bits 48-63; with VIRTIO_F_NOTIFICATION_DATA
 * the next available index goes in bits 32-47. */
#define HYP_S390_VIRTIO_QUEUE_MAX       1024    /* QEMU's VIRTIO_QUEUE_MAX: a higher index is -22 */

/* Legacy (revision 0) virtio-ccw rings: the used ring starts at this alignment. */
#define HYP_S390_VIRTIO_CCW_RING_ALIGN  4096

#endif /* HYP_S390_KVM_ABI_H */
