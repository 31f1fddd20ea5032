/* SPDX-License-Identifier: MIT */
/* hyp_init(): nothing before it, one detection however many CPUs race into it. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <hyp/hyp.h>

#include "cpuid_script.h"

#define RACERS 8
#define ONE_DETECTION_CALLS (2 + 256 + 1)  /* leaves 0 and 1, 256 bases, KVM base+1 */

static struct cpuid_script script;
static struct hyp_platform plat = { .ctx = &script, .cpuid = cpuid_script_fn };
static pthread_barrier_t start;

static void before_init(void **state)
{
	(void)state;
	assert_null(hyp_get_info());
	assert_int_equal(hyp_kvm_gate, HYP_GATE_UNINIT);
	assert_int_equal(hyp_kvm_hypercall0(HYP_KVM_HC_VAPIC_POLL_IRQ), HYP_ENOTINIT);
	assert_int_equal(hyp_kvm_vapic_poll_irq(), HYP_ENOTINIT);
	assert_int_equal(hyp_kvm_send_ipi(1, 0, 0, 0xf0), HYP_ENOTINIT);
	assert_false(hyp_kvm_has_feature(HYP_KVM_FEATURE_PV_UNHALT));
}

static void *racer(void *arg)
{
	pthread_barrier_wait(&start);
	*(int *)arg = hyp_init(&plat);
	return NULL;
}

static void racing_init_detects_once(void **state)
{
	pthread_t threads[RACERS];
	int results[RACERS];

	(void)state;
	cpuid_script_cpu(&script, "AuthenticAMD", 1);
	cpuid_script_hv(&script, 0x40000000, 0x40000001, "KVMKVMKVM\0\0\0");
	cpuid_script_set(&script, 0x40000001, 1u << HYP_KVM_FEATURE_PV_UNHALT, 0, 0, 0);
	pthread_barrier_init(&start, NULL, RACERS);
	for (int i = 0; i < RACERS; i++)
		assert_int_equal(pthread_create(&threads[i], NULL, racer, &results[i]), 0);
	for (int i = 0; i < RACERS; i++) {
		pthread_join(threads[i], NULL);
		assert_int_equal(results[i], HYP_OK);
	}
	assert_int_equal(script.calls, ONE_DETECTION_CALLS);
	assert_non_null(hyp_get_info());
	assert_int_equal(hyp_get_info()->kind, HYP_KIND_KVM);
	assert_int_equal(hyp_kvm_gate, HYP_GATE_X86_VMMCALL);
	assert_true(hyp_kvm_has_feature(HYP_KVM_FEATURE_PV_UNHALT));
	assert_false(hyp_kvm_has_feature(HYP_KVM_FEATURE_PV_SEND_IPI));
	assert_false(hyp_kvm_has_feature(99));
}

static void init_again_is_a_no_op(void **state)
{
	(void)state;
	assert_int_equal(hyp_init(NULL), HYP_OK);
	assert_int_equal(script.calls, ONE_DETECTION_CALLS);
	assert_int_equal(hyp_get_info()->kind, HYP_KIND_KVM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(before_init),
		cmocka_unit_test(racing_init_detects_once),
		cmocka_unit_test(init_again_is_a_no_op),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
