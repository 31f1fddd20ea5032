/* SPDX-License-Identifier: MIT */
/*
 * s390x's service table: KVM's DIAGNOSE 0x500 serves virtio notifications
 * only (Linux Documentation/virt/kvm/s390/s390-diag.rst); the console
 * (SCLP), power (SIGP, DIAGNOSE 0x308) and CPU start (SIGP) are the
 * machine's, not hypercalls: every service answers HYP_ENOSERVICE.
 */
#include "../services_internal.h"

const struct hyp_service_path *const *hyp_service_table[HYP_SERVICES] = { HYP_SERVICE_NO_PATH };
