/* SPDX-License-Identifier: MIT */
/* s390x DIAGNOSE 0x500 numbers against Linux's s390 <asm/virtio-ccw.h>. */
#include <stdio.h>

#include <hyp/s390/kvm_abi.h>
#include S390_VIRTIO_CCW_H

_Static_assert(HYP_KVM_S390_VIRTIO_CCW_NOTIFY == KVM_S390_VIRTIO_CCW_NOTIFY, "CCW notify subcode");
_Static_assert(HYP_S390_VIRTIO_CCW_RING_ALIGN == KVM_VIRTIO_CCW_RING_ALIGN, "legacy ring alignment");
_Static_assert(HYP_S390_SCHID(0, 0) == 0x00010000u, "subchannel 0.0.0000");
_Static_assert(HYP_S390_SCHID(3, 0xfffe) == 0x0007fffeu, "subchannel 0.3.fffe");

int main(void)
{
	printf("4 passed, 0 failed\n");
	return 0;
}
