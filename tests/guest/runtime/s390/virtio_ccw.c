/* SPDX-License-Identifier: MIT */
/* Minimal legacy virtio-ccw driver for test images (see guest/virtio_ccw.h). */
#include <guest/s390.h>
#include <guest/test.h>
#include <guest/virtio_ccw.h>
#include <hyp/hyp.h>

/* virtio-ccw channel commands (virtio spec 4.3.2). */
#define CCW_CMD_SENSE_ID        0xe4
#define CCW_CMD_WRITE_STATUS    0x31
#define CCW_CMD_VDEV_RESET      0x33
#define CCW_CMD_READ_VQ_CONF    0x32
#define CCW_CMD_SET_VQ          0x13

#define CCW_FLAG_SLI            0x20    /* suppress incorrect-length indication */

#define PMCW_ENABLED            0x00800000u     /* word 1 bit 8 */
#define PMCW_DNV                0x00010000u     /* word 1 bit 15: device number valid */

#define ORB_FMT1                0x00800000u     /* word 1: format-1 CCWs */
#define ORB_LPM_ALL             0x0000ff00u     /* word 1: all paths */

#define DSTAT_CHANNEL_END       0x08
#define DSTAT_DEVICE_END        0x04

#define VRING_DESC_F_WRITE      2
#define VRING_ALIGN             HYP_S390_VIRTIO_CCW_RING_ALIGN

struct ccw1 {
	uint8_t cmd;
	uint8_t flags;
	uint16_t count;
	uint32_t cda;
} __attribute__((packed, aligned(8)));

struct orb {
	uint32_t intparm;
	uint32_t ctrl;
	uint32_t cpa;
	uint32_t reserved[5];
} __attribute__((aligned(4)));

struct schib {
	uint32_t pmcw[7];
	uint32_t scsw[3];
	uint32_t model[3];
} __attribute__((aligned(4)));

struct irb {
	uint32_t scsw[3];
	uint32_t esw[5];
	uint32_t ecw[8];
	uint32_t emw[8];
} __attribute__((aligned(4)));

struct vq_info_legacy {
	uint64_t queue;
	uint32_t align;
	uint16_t index;
	uint16_t num;
} __attribute__((packed));

struct vq_config {
	uint16_t index;
	uint16_t num_max;
} __attribute__((packed));

struct vring_desc {
	uint64_t addr;
	uint32_t len;
	uint16_t flags;
	uint16_t next;
};

struct vring_used_elem {
	uint32_t id;
	uint32_t len;
};

/* Channel programs and their data must lie below 2 GiB: static storage does. */
static struct ccw1 ccw;
static struct orb orb;
static struct irb irb;
static struct schib schib;
static uint8_t ccw_data[64] __attribute__((aligned(8)));
static uint8_t rings[VCCW_MAX_QUEUES][3 * 4096] __attribute__((aligned(4096)));

static unsigned int stsch(uint32_t schid, struct schib *s)
{
	register unsigned long r1 __asm__("r1") = schid;
	unsigned int cc;

	__asm__ __volatile__("stsch %[s]\n\tipm %[cc]\n\tsrl %[cc],28"
			     : [cc] "=d"(cc), [s] "=Q"(*s) : "d"(r1) : "cc", "memory");
	return cc;
}

static unsigned int msch(uint32_t schid, struct schib *s)
{
	register unsigned long r1 __asm__("r1") = schid;
	unsigned int cc;

	__asm__ __volatile__("msch %[s]\n\tipm %[cc]\n\tsrl %[cc],28"
			     : [cc] "=d"(cc) : "d"(r1), [s] "Q"(*s) : "cc", "memory");
	return cc;
}

static unsigned int ssch(uint32_t schid, struct orb *o)
{
	register unsigned long r1 __asm__("r1") = schid;
	unsigned int cc;

	__asm__ __volatile__("ssch %[o]\n\tipm %[cc]\n\tsrl %[cc],28"
			     : [cc] "=d"(cc) : "d"(r1), [o] "Q"(*o) : "cc", "memory");
	return cc;
}

static unsigned int tsch(uint32_t schid, struct irb *i)
{
	register unsigned long r1 __asm__("r1") = schid;
	unsigned int cc;

	__asm__ __volatile__("tsch %[i]\n\tipm %[cc]\n\tsrl %[cc],28"
			     : [cc] "=d"(cc), [i] "=Q"(*i) : "d"(r1) : "cc", "memory");
	return cc;
}

/* Run one CCW and wait for its status; 0 on channel end + device end, else -1. */
static int run_ccw(struct vccw_dev *dev, uint8_t cmd, void *data, uint16_t count)
{
	uint64_t deadline = guest_s390_time_us() + 1000000;
	uint8_t dstat, cstat;

	ccw.cmd = cmd;
	ccw.flags = CCW_FLAG_SLI;
	ccw.count = count;
	ccw.cda = (uint32_t)(uintptr_t)data;
	orb = (struct orb){ .intparm = cmd, .ctrl = ORB_FMT1 | ORB_LPM_ALL,
			    .cpa = (uint32_t)(uintptr_t)&ccw };
	if (ssch(dev->schid, &orb) != 0)
		return -1;
	while (tsch(dev->schid, &irb) != 0)
		if (guest_s390_time_us() > deadline)
			return -1;
	dstat = (uint8_t)(irb.scsw[2] >> 24);
	cstat = (uint8_t)(irb.scsw[2] >> 16);
	if (cstat || (dstat & (DSTAT_CHANNEL_END | DSTAT_DEVICE_END)) !=
		     (DSTAT_CHANNEL_END | DSTAT_DEVICE_END) || (dstat & ~0x0cu))
		return -1;
	return 0;
}

int vccw_init(struct vccw_dev *dev, uint32_t schid)
{
	memset(dev, 0, sizeof(*dev));
	dev->schid = schid;
	if (stsch(schid, &schib) != 0 || !(schib.pmcw[1] & PMCW_DNV))
		return -1;
	dev->devno = (uint16_t)schib.pmcw[1];
	schib.pmcw[1] |= PMCW_ENABLED;
	if (msch(schid, &schib) != 0)
		return -1;
	memset(ccw_data, 0, sizeof(ccw_data));
	if (run_ccw(dev, CCW_CMD_SENSE_ID, ccw_data, 8) != 0)
		return -1;
	/* SENSE ID: 0xff, control unit type (2), model (1), device type (2), model (1). */
	dev->cu_type = (uint16_t)(ccw_data[1] << 8 | ccw_data[2]);
	dev->device_type = ccw_data[3];
	if (run_ccw(dev, CCW_CMD_VDEV_RESET, NULL, 0) != 0)
		return -1;
	return vccw_set_status(dev, VIRTIO_STATUS_ACK | VIRTIO_STATUS_DRIVER);
}

int vccw_set_status(struct vccw_dev *dev, uint8_t status)
{
	ccw_data[0] = status;
	return run_ccw(dev, CCW_CMD_WRITE_STATUS, ccw_data, 1);
}

int vccw_setup_queue(struct vccw_dev *dev, unsigned int index)
{
	struct vq_config *conf = (struct vq_config *)ccw_data;
	struct vq_info_legacy *info = (struct vq_info_legacy *)ccw_data;
	struct vccw_queue *q;
	uint16_t num;

	if (index >= VCCW_MAX_QUEUES)
		return -1;
	q = &dev->q[index];
	*conf = (struct vq_config){ .index = (uint16_t)index };
	if (run_ccw(dev, CCW_CMD_READ_VQ_CONF, conf, sizeof(*conf)) != 0)
		return -1;
	num = conf->num_max;
	if (num == 0 || num > VCCW_MAX_RING)
		return -1;
	memset(rings[index], 0, sizeof(rings[index]));
	*info = (struct vq_info_legacy){ .queue = (uint64_t)(uintptr_t)rings[index],
					 .align = VRING_ALIGN,
					 .index = (uint16_t)index, .num = num };
	if (run_ccw(dev, CCW_CMD_SET_VQ, info, sizeof(*info)) != 0)
		return -1;
	*q = (struct vccw_queue){ .num = num, .ring = rings[index] };
	return 0;
}

/* Legacy split ring: descriptors, then the available ring, then the used
 * ring at the next 4 KiB boundary. */
static volatile struct vring_desc *ring_desc(struct vccw_queue *q)
{
	return (volatile struct vring_desc *)q->ring;
}

static volatile uint16_t *ring_avail(struct vccw_queue *q)
{
	return (volatile uint16_t *)(q->ring + 16u * q->num);
}

static volatile uint8_t *ring_used(struct vccw_queue *q)
{
	uintptr_t avail_end = 16u * q->num + 2u * (3u + q->num);

	return q->ring + ((avail_end + VRING_ALIGN - 1) & ~(uintptr_t)(VRING_ALIGN - 1));
}

void vccw_post(struct vccw_dev *dev, unsigned int index, void *buf, uint32_t len,
	       bool device_writes)
{
	struct vccw_queue *q = &dev->q[index];
	volatile uint16_t *avail = ring_avail(q);
	uint16_t slot = q->avail_idx % q->num;

	ring_desc(q)[slot].addr = (uint64_t)(uintptr_t)buf;
	ring_desc(q)[slot].len = len;
	ring_desc(q)[slot].flags = device_writes ? VRING_DESC_F_WRITE : 0;
	ring_desc(q)[slot].next = 0;
	avail[2 + slot] = slot;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	avail[1] = ++q->avail_idx;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
}

int vccw_kick(struct vccw_dev *dev, unsigned int index)
{
	struct vccw_queue *q = &dev->q[index];
	int rc = hyp_kvm_virtio_ccw_notify(dev->schid, index, q->cookie);

	if (rc >= 0)
		q->cookie = rc;
	return rc;
}

long vccw_wait_used(struct vccw_dev *dev, unsigned int index, uint64_t timeout_us)
{
	struct vccw_queue *q = &dev->q[index];
	volatile uint8_t *used = ring_used(q);
	volatile uint16_t *used_idx = (volatile uint16_t *)(used + 2);
	volatile struct vring_used_elem *elems = (volatile struct vring_used_elem *)(used + 4);
	uint64_t deadline = guest_s390_time_us() + timeout_us;
	long len;

	while (*used_idx == q->used_seen)
		if (guest_s390_time_us() > deadline)
			return HYP_ETIMEDOUT;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	len = elems[q->used_seen % q->num].len;
	q->used_seen++;
	return len;
}

long vccw_transfer(struct vccw_dev *dev, unsigned int index, void *buf, uint32_t len,
		   bool device_writes, uint64_t timeout_us)
{
	int rc;

	vccw_post(dev, index, buf, len, device_writes);
	rc = vccw_kick(dev, index);
	if (rc < 0)
		return rc;
	return vccw_wait_used(dev, index, timeout_us);
}

int vccw_find(struct vccw_dev *dev, uint8_t device_type)
{
	for (unsigned int sch = 0; sch < 16; sch++)
		if (vccw_init(dev, HYP_S390_SCHID(0, sch)) == 0 && dev->device_type == device_type)
			return 0;
	return -1;
}

int vccw_driver_ready(struct vccw_dev *dev, unsigned int index)
{
	if (vccw_setup_queue(dev, index) != 0)
		return -1;
	return vccw_set_status(dev, VIRTIO_STATUS_ACK | VIRTIO_STATUS_DRIVER |
				    VIRTIO_STATUS_DRIVER_OK);
}
