/* SPDX-License-Identifier: MIT */
/*
 * PowerPC PAPR typed hypercalls (LoPAPR; QEMU hw/ppc/spapr_hcall.c and
 * spapr_vty.c serve them under TCG). 64-bit only: pseries partitions are
 * 64-bit, and the terminal calls carry 8 bytes per register.
 */
#include "powerpc.h"

unsigned char hyp_papr_gate = HYP_GATE_UNINIT;

#if defined(__powerpc64__)

/* PAPR's negative codes overlap errno values: check the gate first. */
static int papr_gate_error(void)
{
	unsigned int gate = hyp_gate_read(&hyp_papr_gate);

	return gate >= HYP_GATE_OPEN ? HYP_OK : (int)hyp_gate_error(gate);
}

static bool papr_busy(long raw)
{
	return raw == HYP_PAPR_H_BUSY ||
	       (raw >= HYP_PAPR_H_LONG_BUSY_FIRST && raw <= HYP_PAPR_H_LONG_BUSY_LAST);
}

int hyp_papr_put_term_char(unsigned long vterm, const char *buf, unsigned int count)
{
	uint64_t w[2] = { 0, 0 };
	int err = papr_gate_error();

	if (err)
		return err;
	if ((!buf && count) || count > HYP_PAPR_TERM_CHAR_MAX)
		return HYP_EINVAL;
	/* The bytes in order, big-endian in r6 then r7. */
	for (unsigned int i = 0; i < count; i++)
		w[i / 8] |= (uint64_t)(uint8_t)buf[i] << (56 - 8 * (i % 8));
	return hyp_papr_error(hyp_papr_hvsc4(HYP_PAPR_H_PUT_TERM_CHAR, vterm, count,
					     w[0], w[1], NULL));
}

int hyp_papr_term_write(unsigned long vterm, const char *buf, size_t count, unsigned int retries)
{
	size_t done = 0;
	unsigned int tries = 0;
	int err = papr_gate_error();

	if (err)
		return err;
	if ((!buf && count) || count > __INT_MAX__)
		return HYP_EINVAL;
	while (done < count) {
		size_t n = count - done;
		uint64_t w[2] = { 0, 0 };
		long raw;

		if (n > HYP_PAPR_TERM_CHAR_MAX)
			n = HYP_PAPR_TERM_CHAR_MAX;
		for (size_t i = 0; i < n; i++)
			w[i / 8] |= (uint64_t)(uint8_t)buf[done + i] << (56 - 8 * (i % 8));
		raw = hyp_papr_hvsc4(HYP_PAPR_H_PUT_TERM_CHAR, vterm, n, w[0], w[1], NULL);
		if (papr_busy(raw)) {       /* nothing taken: send the same bytes again */
			if (tries++ >= retries)
				return HYP_EAGAIN;
			continue;
		}
		if (raw != HYP_PAPR_H_SUCCESS)
			return hyp_papr_error(raw);
		tries = 0;
		done += n;                  /* H_SUCCESS: the whole chunk was taken */
	}
	return (int)count;
}

int hyp_papr_get_term_char(unsigned long vterm, char buf[HYP_PAPR_TERM_CHAR_MAX])
{
	struct hyp_papr_out out;
	long raw;
	int err = papr_gate_error();

	if (err)
		return err;
	hyp_zero_bytes(&out, sizeof(out));
	if (!buf)
		return HYP_EINVAL;
	raw = hyp_papr_hvsc1(HYP_PAPR_H_GET_TERM_CHAR, vterm, &out);
	if (raw != HYP_PAPR_H_SUCCESS)
		return hyp_papr_error(raw);
	if (out.r[0] > HYP_PAPR_TERM_CHAR_MAX)
		return HYP_EIO;
	for (unsigned long i = 0; i < out.r[0]; i++)
		buf[i] = (char)(uint8_t)(out.r[1 + i / 8] >> (56 - 8 * (i % 8)));
	return (int)out.r[0];
}

int hyp_papr_random(uint64_t *value)
{
	struct hyp_papr_out out;
	long raw;
	int err = papr_gate_error();

	if (err)
		return err;
	hyp_zero_bytes(&out, sizeof(out));
	raw = hyp_papr_hvsc0(HYP_PAPR_H_RANDOM, &out);
	if (raw != HYP_PAPR_H_SUCCESS)
		return hyp_papr_error(raw);
	if (value)
		*value = out.r[0];
	return HYP_OK;
}

static bool ci_size_ok(unsigned int size)
{
	return size == 1 || size == 2 || size == 4 || size == 8;
}

int hyp_papr_logical_ci_load(unsigned int size, unsigned long addr, unsigned long *value)
{
	struct hyp_papr_out out;
	long raw;
	int err = papr_gate_error();

	if (err)
		return err;
	hyp_zero_bytes(&out, sizeof(out));
	if (!ci_size_ok(size))
		return HYP_EINVAL;
	raw = hyp_papr_hvsc2(HYP_PAPR_H_LOGICAL_CI_LOAD, size, addr, &out);
	if (raw != HYP_PAPR_H_SUCCESS)
		return hyp_papr_error(raw);
	if (value)
		*value = out.r[0];
	return HYP_OK;
}

int hyp_papr_logical_ci_store(unsigned int size, unsigned long addr, unsigned long value)
{
	int err = papr_gate_error();

	if (err)
		return err;
	if (!ci_size_ok(size))
		return HYP_EINVAL;
	return hyp_papr_error(hyp_papr_hvsc3(HYP_PAPR_H_LOGICAL_CI_STORE, size, addr, value, NULL));
}

int hyp_papr_set_mode(unsigned long mflags, unsigned long resource,
		      unsigned long value1, unsigned long value2)
{
	int err = papr_gate_error();

	if (err)
		return err;
	return hyp_papr_error(hyp_papr_hvsc4(HYP_PAPR_H_SET_MODE, mflags, resource,
					     value1, value2, NULL));
}

int hyp_papr_cede(void)
{
	int err = papr_gate_error();

	if (err)
		return err;
	return hyp_papr_error(hyp_papr_hvsc0(HYP_PAPR_H_CEDE, NULL));
}

#endif /* __powerpc64__ */
