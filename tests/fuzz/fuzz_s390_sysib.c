/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target for the s390x STSI block reader (lib/s390/sysib.c), built
 * for the host. Input: SYSIB 3.2.2 (first 4096 bytes, zero-padded) and, if
 * the input is longer, SYSIB 1.1.1 (the rest, zero-padded; absent otherwise).
 * Checked: the names come out NUL-terminated and printable, the kind is one
 * the reader may give, and the KVM family and served subcodes follow the kind.
 */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "s390/sysib.h"

static void check(bool ok)
{
	if (!ok)
		abort();
}

static void check_text(const char *s, size_t size)
{
	size_t n = strnlen(s, size);

	check(n < size);
	for (size_t i = 0; i < n; i++)
		check(s[i] >= ' ' && s[i] <= '~');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t sysib322[HYP_S390_SYSIB_SIZE], sysib111[HYP_S390_SYSIB_SIZE];
	struct hyp_info info = { .kind = HYP_KIND_NONE };
	size_t first = size < HYP_S390_SYSIB_SIZE ? size : HYP_S390_SYSIB_SIZE;
	size_t rest = size - first < HYP_S390_SYSIB_SIZE ? size - first : HYP_S390_SYSIB_SIZE;

	memset(sysib322, 0, sizeof(sysib322));
	memset(sysib111, 0, sizeof(sysib111));
	memcpy(sysib322, data, first);
	memcpy(sysib111, data + first, rest);
	hyp_s390_read_sysib(sysib322, size > first ? sysib111 : NULL, &info);

	check_text(info.signature, sizeof(info.signature));
	check_text(info.s390_vm_name, sizeof(info.s390_vm_name));
	switch (info.kind) {
	case HYP_KIND_NONE:
	case HYP_KIND_UNKNOWN:
		check(info.families == 0 && info.s390_diag500_codes == 0);
		break;
	case HYP_KIND_TCG:
	case HYP_KIND_KVM:
		check(info.families == HYP_FAMILY_KVM && info.s390_diag500_codes != 0);
		check(strncmp(info.signature, "KVM/", 4) == 0);
		break;
	default:
		check(false);
	}
	if ((sysib322[31] & 0xf) == 0)          /* no vm[] entry: nothing read */
		check(info.kind == HYP_KIND_NONE && !info.signature[0] && !info.s390_vm_name[0]);
	return 0;
}
