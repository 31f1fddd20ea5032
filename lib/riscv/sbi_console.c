/* SPDX-License-Identifier: MIT */
/*
 * The SBI console: DBCN (SBI 2.0 chapter 12) where probe_extension lists
 * it, else the legacy putchar (chapter 5), so a kernel's output survives
 * implementations that dropped one or never had the other.
 */
#include "sbi_internal.h"

int hyp_sbi_console_write(const char *buf, size_t len)
{
	size_t done = 0;
	unsigned int stalls = 0;
	int err;

	if ((!buf && len) || len > (size_t)__INT_MAX__)
		return HYP_EINVAL;
	err = hyp_sbi_ready(HYP_SBI_HAS_DBCN);
	if (err == HYP_OK) {
		while (done < len) {
			int n = hyp_sbi_debug_console_write(buf + done, len - done);

			if (n < 0)
				return n;       /* an error is an error, whatever went before */
			if ((size_t)n > len - done)
				return HYP_EIO;
			if (n == 0 && ++stalls >= HYP_SBI_CONSOLE_STALLS)
				return done ? (int)done : HYP_EAGAIN;
			if (n > 0)
				stalls = 0;
			done += (size_t)n;
		}
		return (int)done;
	}
	if (err != HYP_ENOSYS)
		return err;
	err = hyp_sbi_ready(HYP_SBI_HAS_LEGACY(HYP_SBI_EXT_LEGACY_CONSOLE_PUTCHAR));
	if (err)
		return err;
	for (; done < len; done++) {
		err = hyp_sbi_legacy_console_putchar((unsigned char)buf[done]);
		if (err < 0)
			return err;
	}
	return (int)done;
}
