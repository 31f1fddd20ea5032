/* SPDX-License-Identifier: MIT */
/*
 * A minimal legacy (revision 0) virtio-ccw driver for test images: channel
 * I/O by polling (TEST SUBCHANNEL), split rings in native big-endian layout,
 * one buffer in flight per queue, queue kicks through libhyp's
 * hyp_kvm_virtio_ccw_notify() (DIAGNOSE 0x500 subcode 3).
 * Sources: virtio 1.x specification, section 4.3 (Virtio over channel I/O);
 * z/Architecture Principles of Operation, chapters 13-16 (channel I/O).
 */
#ifndef GUEST_VIRTIO_CCW_H
#define GUEST_VIRTIO_CCW_H

#include <stdbool.h>
#include <stdint.h>

#define VCCW_MAX_QUEUES     2
#define VCCW_MAX_RING       256     /* larger device queues are not supported */

/* Virtio device status bits. */
#define VIRTIO_STATUS_ACK           1
#define VIRTIO_STATUS_DRIVER        2
#define VIRTIO_STATUS_DRIVER_OK     4

struct vccw_queue {
	uint16_t num;                   /* ring size (the device's maximum) */
	uint16_t avail_idx;             /* next free avail index */
	uint16_t used_seen;             /* used entries consumed */
	long cookie;                    /* last notify answer */
	volatile uint8_t *ring;         /* 4 KiB aligned, 3 pages */
};

struct vccw_dev {
	uint32_t schid;                 /* subchannel id word (HYP_S390_SCHID) */
	uint16_t devno;                 /* device number from the SCHIB */
	uint16_t cu_type;               /* control unit type (0x3832 for virtio) */
	uint8_t device_type;            /* virtio device id, from SENSE ID */
	struct vccw_queue q[VCCW_MAX_QUEUES];
};

/* Enable the subchannel, read its identity, reset the device, ACK|DRIVER. 0 or -1. */
int vccw_init(struct vccw_dev *dev, uint32_t schid);
/* vccw_init() the first device of `device_type` among subchannels 0.0.0000-0.0.000f. 0 or -1. */
int vccw_find(struct vccw_dev *dev, uint8_t device_type);
/* Set up queue `index` and set DRIVER_OK: a one-queue driver ready to kick. 0 or -1. */
int vccw_driver_ready(struct vccw_dev *dev, unsigned int index);
/* Set up queue `index` at its maximum size. 0 or -1. */
int vccw_setup_queue(struct vccw_dev *dev, unsigned int index);
/* Write the status byte. 0 or -1. */
int vccw_set_status(struct vccw_dev *dev, uint8_t status);
/* Put one buffer (device-writable if `device_writes`) on queue `index`; no kick. */
void vccw_post(struct vccw_dev *dev, unsigned int index, void *buf, uint32_t len,
	       bool device_writes);
/* Kick queue `index` through hyp_kvm_virtio_ccw_notify(): its answer (cookie or HYP_E*). */
int vccw_kick(struct vccw_dev *dev, unsigned int index);
/* Wait up to `timeout_us` for the next used entry: its length, or HYP_ETIMEDOUT. */
long vccw_wait_used(struct vccw_dev *dev, unsigned int index, uint64_t timeout_us);
/* post + kick + wait: the used length, HYP_ETIMEDOUT, or the kick's HYP_E* code. */
long vccw_transfer(struct vccw_dev *dev, unsigned int index, void *buf, uint32_t len,
		   bool device_writes, uint64_t timeout_us);

#endif /* GUEST_VIRTIO_CCW_H */
