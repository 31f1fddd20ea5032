/* SPDX-License-Identifier: MIT */
/*
 * s390x DIAGNOSE 0x500 against QEMU's own handler (TCG), with a
 * virtio-rng-ccw device on subchannel 0.0.0000 (-nodefaults).
 *
 *  - the gate: nothing executes before hyp_init();
 *  - detection by STSI: QEMU TCG, CPI "KVM/Linux", subcodes 0 and 3;
 *  - register pinning of hyp_kvm_hypercall0..6: an unserved subcode raises
 *    a specification exception whose handler plays hypervisor (checks r1-r7,
 *    answers in r2, changes the condition code);
 *  - QEMU's answers to CCW notify (0 / -22) through the error model, and
 *    the library's refusal of unserved subcodes;
 *  - a real virtqueue kick: random bytes arrive only after the diag.
 */
#include <guest/s390.h>
#include <guest/test.h>
#include <guest/virtio_ccw.h>
#include <hyp/hyp.h>

#define RNG_SCHID           HYP_S390_SCHID(0, 0)
#define MISSING_SCHID       HYP_S390_SCHID(0, 0x42)
#define UNSERVED_CODE       0x77u
#define VIRTIO_ID_RNG       4
#define VIRTIO_CCW_CU_TYPE  0x3832
#define POISON              0xa5

/* What the specification-exception handler saw and answers. */
static struct {
	bool armed;             /* play hypervisor: check expect[], answer */
	unsigned int traps;
	uint16_t code, ilen;
	uint64_t gprs[16];
	uint8_t insn[4];
	unsigned int nargs;
	uint64_t expect[8];     /* r1 .. r7 */
	long answer;
} trap;

static bool on_specification(struct guest_frame *f)
{
	const uint8_t *insn = (const uint8_t *)(uintptr_t)(f->psw_addr - f->ilen);

	trap.traps++;
	trap.code = f->pgm_code;
	trap.ilen = f->ilen;
	for (unsigned int i = 0; i < 16; i++)
		trap.gprs[i] = f->gprs[i];
	for (unsigned int i = 0; i < 4; i++)
		trap.insn[i] = f->ilen == 4 ? insn[i] : 0;
	if (trap.armed) {
		f->gprs[2] = (uint64_t)trap.answer;
		f->psw_mask ^= 3ull << 44;      /* a hypervisor may change the cc */
	}
	return true;                        /* suppressing: the old PSW is past the diag */
}

static bool insn_is_diag500(void)
{
	return trap.ilen == 4 && trap.insn[0] == 0x83 &&
	       (((trap.insn[2] & 0x0f) << 8) | trap.insn[3]) == 0x500 &&
	       (trap.insn[2] >> 4) == 0;
}

static bool regs_match(unsigned int nargs)
{
	if (trap.gprs[1] != trap.expect[1])
		return false;
	for (unsigned int i = 1; i <= nargs; i++)
		if (trap.gprs[1 + i] != trap.expect[1 + i])
			return false;
	return true;
}

/* Every raw stub on the real instruction, answered by the handler. */
static void test_pinning(void)
{
	static const uint64_t args[7] = { 0, 0x1111111111111111ull, 0x2222222222222222ull,
					  0x3333333333333333ull, 0x4444444444444444ull,
					  0x5555555555555555ull, 0x6666666666666666ull };

	for (unsigned int n = 0; n <= 6; n++) {
		long got = 0;

		trap.armed = true;
		trap.traps = 0;
		trap.expect[1] = UNSERVED_CODE;
		for (unsigned int i = 1; i <= 6; i++)
			trap.expect[1 + i] = args[i];
		trap.answer = -(long)(0x100 + n);
		switch (n) {
		case 0: got = hyp_kvm_hypercall0(UNSERVED_CODE); break;
		case 1: got = hyp_kvm_hypercall1(UNSERVED_CODE, args[1]); break;
		case 2: got = hyp_kvm_hypercall2(UNSERVED_CODE, args[1], args[2]); break;
		case 3: got = hyp_kvm_hypercall3(UNSERVED_CODE, args[1], args[2], args[3]); break;
		case 4: got = hyp_kvm_hypercall4(UNSERVED_CODE, args[1], args[2], args[3], args[4]); break;
		case 5: got = hyp_kvm_hypercall5(UNSERVED_CODE, args[1], args[2], args[3], args[4],
						 args[5]); break;
		case 6: got = hyp_kvm_hypercall6(UNSERVED_CODE, args[1], args[2], args[3], args[4],
						 args[5], args[6]); break;
		}
		trap.armed = false;
		report(trap.traps == 1 && insn_is_diag500() && regs_match(n) &&
		       got == trap.answer,
		       "hypercall%u: diag 0x500, r1 = 0x%llx, %u argument(s) in r2-r7, result from r2 (%ld)",
		       n, (unsigned long long)trap.gprs[1], n, got);
	}
}

static void test_detection(void)
{
	struct hyp_info info;
	const struct hyp_info *got;

	report(hyp_get_info() == NULL, "no info before hyp_init()");
	report(hyp_kvm_hypercall1(UNSERVED_CODE, 0) == HYP_ENOTINIT && trap.traps == 0,
	       "raw call before hyp_init(): HYP_ENOTINIT, nothing executed");
	report(hyp_kvm_virtio_ccw_notify(RNG_SCHID, 0, 0) == HYP_ENOTINIT,
	       "notify before hyp_init(): HYP_ENOTINIT");
	report(hyp_kvm_virtio_notify(0x10000) == HYP_ENOTINIT &&
	       hyp_kvm_s390_call(HYP_KVM_S390_VIRTIO_CCW_NOTIFY, RNG_SCHID, 0, 0) == HYP_ENOTINIT &&
	       trap.traps == 0, "virtio_notify, s390_call before hyp_init(): HYP_ENOTINIT, nothing executed");

	report(hyp_detect(NULL, &info) == HYP_OK, "hyp_detect");
	report_info("STSI: kind %s, CPI \"%s\", VM name \"%s\", subcodes 0x%x",
		    hyp_kind_name(info.kind), info.signature, info.s390_vm_name,
		    info.s390_diag500_codes);
	report(info.kind == HYP_KIND_TCG, "QEMU TCG detected (STSI 1.1.1 manufacturer QEMU)");
	report(strcmp(info.signature, "KVM/Linux") == 0,
	       "STSI 3.2.2 vm[0] CPI is \"KVM/Linux\" (got \"%s\")", info.signature);
	report(info.families & HYP_FAMILY_KVM, "KVM DIAGNOSE 0x500 family found");
	report(info.s390_diag500_codes == ((1u << 0) | (1u << 3)), "TCG serves subcodes 0 and 3");

	report(hyp_init(NULL) == HYP_OK, "hyp_init");
	got = hyp_get_info();
	report(got && got->kind == HYP_KIND_TCG, "hyp_get_info(): %s",
	       got ? hyp_kind_name(got->kind) : "NULL");
	report(hyp_gate_read(&hyp_kvm_gate) == HYP_GATE_OPEN, "KVM gate open");
}

static void test_answers(void)
{
	long raw;
	int rc;

	rc = hyp_kvm_virtio_ccw_notify(RNG_SCHID, 0, 0);
	report(rc == 0, "CCW notify, subchannel 0.0.0000 queue 0: %d (QEMU: 0)", rc);
	rc = hyp_kvm_virtio_ccw_notify(MISSING_SCHID, 0, 0);
	report(rc == HYP_EINVAL, "CCW notify, missing subchannel 0.0.0042: %s", hyp_strerror(rc));
	raw = hyp_kvm_hypercall3(HYP_KVM_S390_VIRTIO_CCW_NOTIFY, MISSING_SCHID, 0, 0);
	report(raw == -22, "raw CCW notify, missing subchannel: r2 = %ld (QEMU: -22)", raw);
	rc = hyp_kvm_virtio_ccw_notify(RNG_SCHID, HYP_S390_VIRTIO_QUEUE_MAX, 0);
	report(rc == HYP_EINVAL, "CCW notify, queue %d out of range: %s",
	       HYP_S390_VIRTIO_QUEUE_MAX, hyp_strerror(rc));
	rc = hyp_kvm_virtio_ccw_notify(RNG_SCHID, 1, 0);
	report_info("CCW notify, queue 1 (virtio-rng has one queue): %s (QEMU 7.2: 0; later "
		    "QEMU checks the queue exists: -22)", hyp_strerror(rc));
	rc = hyp_kvm_virtio_ccw_notify(0x00000000u, 0, 0);
	report(rc == HYP_EINVAL, "malformed schid (no 'one' bit) refused: %s", hyp_strerror(rc));

	rc = hyp_kvm_virtio_notify(0x10000);
	report(rc == 0, "s390-virtio notify (subcode 0) inside RAM: %d (QEMU: 0)", rc);
	rc = hyp_kvm_virtio_notify(1ull << 50);
	report(rc == HYP_EINVAL, "s390-virtio notify beyond RAM: %s", hyp_strerror(rc));

	report(hyp_kvm_s390_serves(3) && hyp_kvm_s390_serves(0) && !hyp_kvm_s390_serves(1) &&
	       !hyp_kvm_s390_serves(UNSERVED_CODE) && !hyp_kvm_s390_serves(1000),
	       "served subcodes: 0 and 3 only");
	trap.traps = 0;
	rc = hyp_kvm_s390_call(UNSERVED_CODE, 0, 0, 0);
	report(rc == HYP_ENOSYS && trap.traps == 0,
	       "checked call refuses subcode 0x%x: %s, nothing executed", UNSERVED_CODE,
	       hyp_strerror(rc));
	rc = hyp_kvm_s390_call(HYP_KVM_S390_VIRTIO_RESET, 0, 0, 0);
	report(rc == HYP_ENOSYS && trap.traps == 0, "checked call refuses subcode 1: %s",
	       hyp_strerror(rc));

	/* The raw call is not checked: QEMU raises a specification exception. */
	trap.armed = false;
	trap.traps = 0;
	raw = hyp_kvm_hypercall1(UNSERVED_CODE, 0x5a5a);
	report(trap.traps == 1 && trap.code == GUEST_PGM_SPECIFICATION && insn_is_diag500() &&
	       trap.gprs[1] == UNSERVED_CODE && raw == 0x5a5a,
	       "raw subcode 0x%x: program interruption code %u (specification) caught, r2 unchanged",
	       UNSERVED_CODE, trap.code);
}

static bool all_poison(const uint8_t *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (buf[i] != POISON)
			return false;
	return true;
}

static void test_virtio_rng(void)
{
	static struct vccw_dev dev;
	static uint8_t buf[64];
	long len;
	int rc;

	if (!report(vccw_init(&dev, RNG_SCHID) == 0, "virtio-ccw device on 0.0.0000 reset"))
		return;
	report(dev.cu_type == VIRTIO_CCW_CU_TYPE && dev.device_type == VIRTIO_ID_RNG,
	       "SENSE ID: control unit 0x%04x, virtio device %u (rng), devno 0x%04x",
	       dev.cu_type, dev.device_type, dev.devno);
	if (!report(vccw_setup_queue(&dev, 0) == 0, "queue 0 set up (%u entries)", dev.q[0].num) ||
	    !report(vccw_set_status(&dev, VIRTIO_STATUS_ACK | VIRTIO_STATUS_DRIVER |
				    VIRTIO_STATUS_DRIVER_OK) == 0, "DRIVER_OK"))
		return;

	/*
	 * QEMU kicks every queue once itself when DRIVER_OK starts its
	 * ioeventfds (hw/virtio/virtio-bus.c), asynchronously. A first
	 * transfer consumes that kick (both set the same eventfd), so the
	 * rounds below see only their own.
	 */
	len = vccw_transfer(&dev, 0, buf, sizeof(buf), true, 2000000);
	report(len > 0, "first transfer: %ld bytes", len);

	for (unsigned int round = 0; round < 2; round++) {
		memset(buf, POISON, sizeof(buf));
		vccw_post(&dev, 0, buf, sizeof(buf), true);
		len = vccw_wait_used(&dev, 0, 100000);
		report(len == HYP_ETIMEDOUT && all_poison(buf, sizeof(buf)),
		       "round %u: buffer posted, no kick: nothing arrives in 100 ms (%ld, %02x)",
		       round, len, buf[0]);
		rc = vccw_kick(&dev, 0);
		report(rc >= 0, "round %u: kick through diag 0x500: %d", round, rc);
		len = vccw_wait_used(&dev, 0, 2000000);
		report(len > 0 && len <= (long)sizeof(buf) && !all_poison(buf, (size_t)len),
		       "round %u: %ld random bytes arrived (%02x %02x %02x %02x ...)", round, len,
		       buf[0], buf[1], buf[2], buf[3]);
	}
}

void test_main(void)
{
	guest_set_trap_handler(GUEST_PGM_SPECIFICATION, on_specification);
	test_detection();
	test_pinning();
	test_answers();
	test_virtio_rng();
}
