/* SPDX-License-Identifier: MIT */
/*
 * PowerPC ABI numbers and the magic page layout against Debian's
 * linux-libc-dev-powerpc-cross (asm/epapr_hcalls.h, asm/kvm_para.h), and the
 * ePAPR / PAPR error mappings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include HYP_PPC_EPAPR_HCALLS_H
#include HYP_PPC_KVM_PARA_H
#include <linux/kvm_para.h>   /* KVM_HC_* (the same on every architecture) */

#include <hyp/hyp.h>

#define SAME(a, b) _Static_assert((long long)(a) == (long long)(b), #a " != " #b)

SAME(HYP_EPAPR_BYTE_CHANNEL_SEND, EV_BYTE_CHANNEL_SEND);
SAME(HYP_EPAPR_BYTE_CHANNEL_RECEIVE, EV_BYTE_CHANNEL_RECEIVE);
SAME(HYP_EPAPR_BYTE_CHANNEL_POLL, EV_BYTE_CHANNEL_POLL);
SAME(HYP_EPAPR_INT_SET_CONFIG, EV_INT_SET_CONFIG);
SAME(HYP_EPAPR_INT_GET_CONFIG, EV_INT_GET_CONFIG);
SAME(HYP_EPAPR_INT_SET_MASK, EV_INT_SET_MASK);
SAME(HYP_EPAPR_INT_GET_MASK, EV_INT_GET_MASK);
SAME(HYP_EPAPR_INT_IACK, EV_INT_IACK);
SAME(HYP_EPAPR_INT_EOI, EV_INT_EOI);
SAME(HYP_EPAPR_INT_SEND_IPI, EV_INT_SEND_IPI);
SAME(HYP_EPAPR_INT_SET_TASK_PRIORITY, EV_INT_SET_TASK_PRIORITY);
SAME(HYP_EPAPR_INT_GET_TASK_PRIORITY, EV_INT_GET_TASK_PRIORITY);
SAME(HYP_EPAPR_DOORBELL_SEND, EV_DOORBELL_SEND);
SAME(HYP_EPAPR_MSGSND, EV_MSGSND);
SAME(HYP_EPAPR_IDLE, EV_IDLE);
SAME(HYP_EPAPR_VENDOR_EPAPR, EV_EPAPR_VENDOR_ID);
SAME(HYP_EPAPR_VENDOR_FSL, EV_FSL_VENDOR_ID);
SAME(HYP_EPAPR_VENDOR_KVM, EV_KVM_VENDOR_ID);
SAME(HYP_EPAPR_BYTE_CHANNEL_MAX, EV_BYTE_CHANNEL_MAX_BYTES);
SAME(HYP_EPAPR_TOKEN(HYP_EPAPR_VENDOR_EPAPR, HYP_EPAPR_IDLE), EV_HCALL_TOKEN(EV_IDLE));
SAME(HYP_EPAPR_KVM_TOKEN(HYP_KVM_HC_PPC_MAP_MAGIC_PAGE), KVM_HCALL_TOKEN(KVM_HC_PPC_MAP_MAGIC_PAGE));
SAME(HYP_EV_EPERM, EV_EPERM);
SAME(HYP_EV_ENOENT, EV_ENOENT);
SAME(HYP_EV_EIO, EV_EIO);
SAME(HYP_EV_EAGAIN, EV_EAGAIN);
SAME(HYP_EV_ENOMEM, EV_ENOMEM);
SAME(HYP_EV_EFAULT, EV_EFAULT);
SAME(HYP_EV_ENODEV, EV_ENODEV);
SAME(HYP_EV_EINVAL, EV_EINVAL);
SAME(HYP_EV_INTERNAL, EV_INTERNAL);
SAME(HYP_EV_CONFIG, EV_CONFIG);
SAME(HYP_EV_INVALID_STATE, EV_INVALID_STATE);
SAME(HYP_EV_UNIMPLEMENTED, EV_UNIMPLEMENTED);
SAME(HYP_EV_BUFFER_OVERFLOW, EV_BUFFER_OVERFLOW);
SAME(HYP_KVM_PPC_FEATURE_MAGIC_PAGE, KVM_FEATURE_MAGIC_PAGE);
SAME(HYP_KVM_PPC_MAGIC_FEAT_SR, KVM_MAGIC_FEAT_SR);
SAME(HYP_KVM_PPC_MAGIC_FEAT_MAS0_TO_SPRG7, KVM_MAGIC_FEAT_MAS0_TO_SPRG7);
SAME(HYP_KVM_PPC_MAGIC_PAGE_NOT_MAPPED_NX, MAGIC_PAGE_FLAG_NOT_MAPPED_NX);
SAME(HYP_KVM_PPC_SC_MAGIC_R0, KVM_SC_MAGIC_R0);
SAME(HYP_KVM_HC_FEATURES, KVM_HC_FEATURES);
SAME(HYP_KVM_HC_PPC_MAP_MAGIC_PAGE, KVM_HC_PPC_MAP_MAGIC_PAGE);

/* The magic page: every field at Linux's offset, same size. */
#define FIELD(f) \
	SAME(offsetof(struct hyp_kvm_ppc_magic_page, f), offsetof(struct kvm_vcpu_arch_shared, f)); \
	SAME(sizeof(((struct hyp_kvm_ppc_magic_page *)0)->f), sizeof(((struct kvm_vcpu_arch_shared *)0)->f))
FIELD(scratch1); FIELD(scratch2); FIELD(scratch3); FIELD(critical);
FIELD(sprg0); FIELD(sprg1); FIELD(sprg2); FIELD(sprg3);
FIELD(srr0); FIELD(srr1); FIELD(dar); FIELD(msr); FIELD(dsisr); FIELD(int_pending);
FIELD(sr); FIELD(mas0); FIELD(mas1); FIELD(mas7_3); FIELD(mas2); FIELD(mas4); FIELD(mas6);
FIELD(esr); FIELD(pir); FIELD(sprg4); FIELD(sprg5); FIELD(sprg6); FIELD(sprg7);
SAME(sizeof(struct hyp_kvm_ppc_magic_page), sizeof(struct kvm_vcpu_arch_shared));

static void test_epapr_error(void **state)
{
	(void)state;
	assert_int_equal(hyp_epapr_error(EV_SUCCESS), HYP_OK);
	assert_int_equal(hyp_epapr_error(EV_UNIMPLEMENTED), HYP_ENOSYS);
	assert_int_equal(hyp_epapr_error(EV_EINVAL), HYP_EINVAL);
	assert_int_equal(hyp_epapr_error(EV_EAGAIN), HYP_EAGAIN);
	assert_int_equal(hyp_epapr_error(EV_EPERM), HYP_EPERM);
	assert_int_equal(hyp_epapr_error(EV_ENODEV), HYP_ENODEV);
	assert_int_equal(hyp_epapr_error(EV_BUFFER_OVERFLOW), HYP_ENOSPC);
	assert_int_equal(hyp_epapr_error(EV_INVALID_STATE), HYP_EBUSY);
	assert_int_equal(hyp_epapr_error(99), HYP_EIO);
	assert_int_equal(hyp_epapr_error(HYP_ENOHYP), HYP_EIO);        /* the hypervisor's answer, not a gate */
	assert_int_equal(hyp_epapr_error(HYP_ENOTINIT), HYP_EIO);        /* the hypervisor's answer, not a gate */
	assert_int_equal(hyp_epapr_error(-1), HYP_EIO);
}

static void test_papr_error(void **state)
{
	(void)state;
	assert_int_equal(hyp_papr_error(HYP_PAPR_H_SUCCESS), HYP_OK);
	assert_int_equal(hyp_papr_error(HYP_PAPR_H_BUSY), HYP_EAGAIN);
	assert_int_equal(hyp_papr_error(9902), HYP_EAGAIN);
	assert_int_equal(hyp_papr_error(HYP_PAPR_H_FUNCTION), HYP_ENOSYS);
	assert_int_equal(hyp_papr_error(HYP_PAPR_H_PARAMETER), HYP_EINVAL);
	assert_int_equal(hyp_papr_error(HYP_PAPR_H_P2), HYP_EINVAL);
	assert_int_equal(hyp_papr_error(-19), HYP_EINVAL);     /* H_RH_PARM, not a gate code */
	assert_int_equal(hyp_papr_error(HYP_PAPR_H_PRIVILEGE), HYP_EPERM);
	assert_int_equal(hyp_papr_error(HYP_PAPR_H_NOT_FOUND), HYP_ENOENT);
	assert_int_equal(hyp_papr_error(HYP_PAPR_H_HARDWARE), HYP_EIO);
	assert_int_equal(hyp_papr_error(-4001), HYP_EIO);
	assert_int_equal(hyp_papr_error(12345), HYP_EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_epapr_error),
		cmocka_unit_test(test_papr_error),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
