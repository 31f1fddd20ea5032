/* SPDX-License-Identifier: MIT */
/*
 * Concurrent first use on s390x (-smp 4, QEMU TCG multi-threaded): every
 * CPU races into hyp_init() (STSI detection) and straight into DIAGNOSE
 * 0x500 calls that QEMU answers, with arguments of its own; then every CPU
 * runs hyp_detect() at once (STSI pages shared under the library's lock).
 * Checked: all hyp_init() results and every concurrent detection equal the
 * one hyp_get_info() holds, the gate is open, and every call got the answer
 * for its own arguments. (No hook counts STSI executions: the x86 test
 * smp-x86 proves the one-time detection through its CPUID hook.)
 */
#include <guest/s390.h>
#include <guest/smp.h>
#include <guest/test.h>
#include <hyp/hyp.h>

#define NR_CPUS         4
#define ROUNDS          64
#define PRESENT_SCH     0x0000          /* virtio-rng-ccw devno fe.0.0000 (command line) */
#define MISSING_SCH     0x0100          /* + cpu: no such subchannel */
#define RAM_BYTES       (128ull << 20)  /* -m 128 */

struct cpu_result {
	int init;
	bool detect_same;
	unsigned int calls, bad;
	char first_bad[80];
};

static struct cpu_result results[GUEST_SMP_MAX_CPUS];

static bool info_equal(const struct hyp_info *a, const struct hyp_info *b)
{
	return a->kind == b->kind && a->families == b->families &&
	       a->s390_diag500_codes == b->s390_diag500_codes &&
	       !strcmp(a->signature, b->signature) && !strcmp(a->s390_vm_name, b->s390_vm_name);
}

static void check(struct cpu_result *r, bool ok, const char *what, long got)
{
	r->calls++;
	if (!ok && !r->bad++)
		snprintf(r->first_bad, sizeof(r->first_bad), "%s answered %ld", what, got);
}

static void racer(unsigned int cpu)
{
	struct cpu_result *r = &results[cpu];
	struct hyp_info info;
	int ret;

	r->init = hyp_init(NULL);
	for (unsigned int round = 0; round < ROUNDS; round++) {
		ret = hyp_kvm_virtio_ccw_notify(HYP_S390_SCHID(0, PRESENT_SCH), 0, 0);
		check(r, ret >= 0, "notify(present, queue 0)", ret);
		ret = hyp_kvm_virtio_ccw_notify(HYP_S390_SCHID(0, MISSING_SCH + cpu), 0, 0);
		check(r, ret == HYP_EINVAL, "notify(missing subchannel)", ret);
		ret = hyp_kvm_virtio_ccw_notify(HYP_S390_SCHID(0, PRESENT_SCH), 1024 + cpu + round, 0);
		check(r, ret == HYP_EINVAL, "notify(queue >= 1024)", ret);
		ret = hyp_kvm_virtio_notify(((uint64_t)cpu << 20) + round * 4096u);
		check(r, ret == 0, "virtio_notify(in RAM)", ret);
		ret = hyp_kvm_virtio_notify(RAM_BYTES + ((uint64_t)cpu << 20));
		check(r, ret == HYP_EINVAL, "virtio_notify(beyond RAM)", ret);
	}
	r->detect_same = hyp_detect(NULL, &info) == HYP_OK && hyp_get_info() &&
			 info_equal(&info, hyp_get_info());
}

void test_main(void)
{
	unsigned int online, calls = 0, bad = 0;
	bool init_ok = true, detect_ok = true;
	const struct hyp_info *info;

	online = guest_smp_start(NR_CPUS, racer);
	report(online == NR_CPUS, "%u of %u CPUs started (SIGP) and ran the race", online, NR_CPUS);
	for (unsigned int cpu = 0; cpu < online; cpu++) {
		init_ok &= results[cpu].init == HYP_OK;
		detect_ok &= results[cpu].detect_same;
		calls += results[cpu].calls;
		bad += results[cpu].bad;
		if (results[cpu].bad)
			report_info("CPU %u: %u wrong answers, first: %s", cpu, results[cpu].bad,
				    results[cpu].first_bad);
	}
	info = hyp_get_info();
	report(init_ok, "hyp_init() returned HYP_OK on every CPU");
	report(info && info->kind == HYP_KIND_TCG && (info->families & HYP_FAMILY_KVM) &&
	       hyp_gate_read(&hyp_kvm_gate) >= HYP_GATE_OPEN,
	       "one result: %s, KVM family, gate open", info ? hyp_kind_name(info->kind) : "none");
	report(detect_ok, "%u concurrent hyp_detect() runs found the same as hyp_init()", online);
	report(bad == 0 && calls == online * ROUNDS * 5,
	       "%u DIAGNOSE 0x500 calls from %u CPUs, every one answered correctly (%u wrong)",
	       calls, online, bad);
}
