/* SPDX-License-Identifier: MIT */
/*
 * Hyper-V hypercalls (TLFS 3.7 input value, 3.8 result, appendix A codes,
 * appendix B status): slow calls take input/output by guest-physical
 * address, 8-byte aligned and within one page (TLFS 3.4); rep calls report
 * the reps completed and are re-issued from there (rep start index) while
 * the hypervisor returns success early.
 */
#include "../page_span.h"
#include "x86_msr.h"

/*
 * Answers without progress allowed over one rep call, never reset by
 * progress: a call ends after at most reps + REP_STALLS_MAX hypercalls.
 */
#define REP_STALLS_MAX  64u

int hyp_hyperv_error(int64_t raw)
{
	if (raw < 0)
		return HYP_EIO;         /* bit 63 is reserved: no status; a library code too */
	switch ((unsigned int)(raw & HYP_HYPERV_RESULT_STATUS_MASK)) {
	case HYP_HV_STATUS_SUCCESS:                 return HYP_OK;
	case HYP_HV_STATUS_INVALID_HYPERCALL_CODE:  return HYP_ENOSYS;
	case HYP_HV_STATUS_INVALID_HYPERCALL_INPUT:
	case HYP_HV_STATUS_INVALID_ALIGNMENT:
	case HYP_HV_STATUS_INVALID_PARAMETER:       return HYP_EINVAL;
	case HYP_HV_STATUS_ACCESS_DENIED:
	case HYP_HV_STATUS_OPERATION_DENIED:        return HYP_EPERM;
	case HYP_HV_STATUS_INSUFFICIENT_MEMORY:     return HYP_ENOMEM;
	case HYP_HV_STATUS_INVALID_PORT_ID:
	case HYP_HV_STATUS_INVALID_CONNECTION_ID:   return HYP_ENOENT;
	case HYP_HV_STATUS_INSUFFICIENT_BUFFERS:    return HYP_EAGAIN;
	default:                                    return HYP_EIO;
	}
}

/*
 * The gate is read once, before the call: hyp_hyperv_disable() on another
 * CPU may close it while the call runs, so a closed gate afterwards does not
 * mean nothing was executed, and the answer is always mapped.
 */
static int gate_error(void)
{
	unsigned int gate = hyp_gate_read(&hyp_hyperv_gate);

	return gate < HYP_GATE_OPEN ? (int)hyp_gate_error(gate) : HYP_OK;
}

static int fast_call(uint16_t code, uint64_t in1)
{
	int err = gate_error();

	if (err)
		return err;
	return hyp_hyperv_error((int64_t)hyp_hyperv_page_call(hyp_hyperv_call_page,
							      code | HYP_HYPERV_CALL_FAST, in1, 0));
}

/* NULL with size 0, or 8-byte aligned and within one page (virtually and physically). */
static bool buffer_gpa(const void *buf, size_t size, uint64_t *gpa)
{
	*gpa = 0;
	if (!buf)
		return size == 0;
	if (size == 0 || ((uintptr_t)buf & 7u) ||
	    !hyp_in_one_page((uintptr_t)buf, size, HYP_HYPERV_PAGE_SIZE))
		return false;
	*gpa = hyp_virt_to_phys(buf);
	return (*gpa & 7u) == 0 && hyp_in_one_page(*gpa, size, HYP_HYPERV_PAGE_SIZE);
}

int hyp_hyperv_call(uint16_t code, unsigned int reps, unsigned int varhead,
		    const void *input, size_t in_size, void *output, size_t out_size,
		    unsigned int *done)
{
	uint64_t in_gpa, out_gpa, control;
	unsigned int completed = 0, stalls = 0;

	if (done)
		*done = 0;
	if (reps > HYP_HYPERV_CALL_REP_MAX || varhead > 0x3ffu ||
	    !buffer_gpa(input, in_size, &in_gpa) || !buffer_gpa(output, out_size, &out_gpa))
		return HYP_EINVAL;
	{       /* the gate first: a negative answer is then the hypervisor's, never a library code */
		int err = gate_error();

		if (err)
			return err;
	}
	control = code | (uint64_t)varhead << HYP_HYPERV_CALL_VARHEAD_SHIFT |
		  (uint64_t)reps << HYP_HYPERV_CALL_REP_COUNT_SHIFT;
	for (;;) {
		int64_t raw = (int64_t)hyp_hyperv_page_call(hyp_hyperv_call_page,
			control | (uint64_t)completed << HYP_HYPERV_CALL_REP_START_SHIFT,
			in_gpa, out_gpa);
		unsigned int got;

		if (raw < 0 || !reps)
			return hyp_hyperv_error(raw);
		got = (unsigned int)((uint64_t)raw >> HYP_HYPERV_RESULT_REP_SHIFT) &
		      HYP_HYPERV_RESULT_REP_MASK;
		if (got < completed || got > reps)
			return HYP_EIO;         /* the hypervisor lost count */
		if (got == completed)
			stalls++;
		completed = got;
		if (done)
			*done = completed;
		if ((raw & HYP_HYPERV_RESULT_STATUS_MASK) != HYP_HV_STATUS_SUCCESS)
			return hyp_hyperv_error(raw);
		if (got == reps)
			return HYP_OK;
		if (stalls >= REP_STALLS_MAX)
			return HYP_EAGAIN;
	}
}

int hyp_hyperv_notify_long_spin_wait(uint32_t spin_count)
{
	return fast_call(HYP_HYPERV_CALL_NOTIFY_LONG_SPIN_WAIT, spin_count);
}

int hyp_hyperv_flush_virtual_address_space(const struct hyp_hyperv_flush *in)
{
	if (!in)
		return HYP_EINVAL;
	return hyp_hyperv_call(HYP_HYPERV_CALL_FLUSH_VIRTUAL_ADDRESS_SPACE, 0, 0, in, sizeof(*in),
			       NULL, 0, NULL);
}

int hyp_hyperv_flush_virtual_address_list(const struct hyp_hyperv_flush_list *in,
					  unsigned int count, unsigned int *done)
{
	if (done)
		*done = 0;
	if (!in || count == 0 || count > HYP_HYPERV_FLUSH_LIST_MAX)
		return HYP_EINVAL;
	return hyp_hyperv_call(HYP_HYPERV_CALL_FLUSH_VIRTUAL_ADDRESS_LIST, count, 0, in,
			       sizeof(struct hyp_hyperv_flush) + (size_t)count * sizeof(in->gva[0]),
			       NULL, 0, done);
}

int hyp_hyperv_post_message(const struct hyp_hyperv_post_message_args *in)
{
	if (!in || in->payload_size > HYP_HYPERV_MESSAGE_PAYLOAD_BYTES)
		return HYP_EINVAL;
	return hyp_hyperv_call(HYP_HYPERV_CALL_POST_MESSAGE, 0, 0, in, sizeof(*in), NULL, 0, NULL);
}

int hyp_hyperv_signal_event(uint32_t connection_id, uint16_t flag_number)
{
	if (connection_id > 0xffffffu)
		return HYP_EINVAL;
	return fast_call(HYP_HYPERV_CALL_SIGNAL_EVENT, connection_id | (uint64_t)flag_number << 32);
}
