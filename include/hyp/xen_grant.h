/* SPDX-License-Identifier: MIT */
/*
 * Xen grant tables, version 1, from the granting side: the table's frames
 * mapped into the guest, pages granted to another domain, access ended.
 *
 * Source: xen/include/public/grant_table.h (GNTTABOP_* numbers, struct
 * grant_entry_v1, GTF_* flags, struct gnttab_query_size / _get_version,
 * GNTTAB_NR_RESERVED_ENTRIES: the toolstack's entries 0 console, 1
 * xenstore) and memory.h (XENMAPSPACE_grant_table: frame i of the table
 * added at a guest frame). tests/host/xen_abi_checks.c compares them with
 * libxen-dev.
 *
 * What Xen answers (frame counts, status) is checked: a table of 0 frames
 * or more than asked is HYP_EIO. Not safe against concurrent calls; the
 * kernel serialises hyp_xen_grant_access/_end_access.
 */
#ifndef HYP_XEN_GRANT_H
#define HYP_XEN_GRANT_H

#include <stdbool.h>
#include <stdint.h>

#include <hyp/static_assert.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HYP_XEN_GNTTABOP_query_size     6
#define HYP_XEN_GNTTABOP_get_version    10

struct hyp_xen_gnttab_query_size {
	uint16_t dom;               /* IN: DOMID_SELF */
	uint32_t nr_frames;         /* OUT: frames in use */
	uint32_t max_nr_frames;     /* OUT: the most the table can grow to */
	int16_t status;             /* OUT: GNTST_*, 0 okay */
};

struct hyp_xen_gnttab_get_version {
	uint16_t dom;               /* IN */
	uint16_t pad;
	uint32_t version;           /* OUT: 1 or 2 */
};

struct hyp_xen_grant_entry_v1 {
	uint16_t flags;             /* HYP_XEN_GTF_*: written last by the granter, Xen sets reading/writing */
	uint16_t domid;             /* who may map */
	uint32_t frame;             /* the guest frame granted */
};

HYP_STATIC_ASSERT(sizeof(struct hyp_xen_grant_entry_v1) == 8, "grant_entry_v1");

#define HYP_XEN_GTF_permit_access       (1u << 0)
#define HYP_XEN_GTF_readonly            (1u << 2)
#define HYP_XEN_GTF_reading             (1u << 3)   /* Xen: mapped for reading now */
#define HYP_XEN_GTF_writing             (1u << 4)   /* Xen: mapped for writing now */
#define HYP_XEN_GNTTAB_NR_RESERVED      8           /* entries the toolstack owns */
#define HYP_XEN_GRANT_PER_FRAME         (4096 / 8)

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
/* GNTTABOP_query_size for DOMID_SELF. 0; HYP_EIO for a nonzero status or max 0. */
int hyp_xen_grant_query_size(uint32_t *nr_frames, uint32_t *max_nr_frames);
/* GNTTABOP_get_version for DOMID_SELF: 1 or 2 (HYP_EIO for anything else). */
int hyp_xen_grant_get_version(void);

/*
 * Map `nr` frames of the v1 table at `frames` (nr pages, page-aligned, the
 * kernel's; each added with XENMEM_add_to_physmap(XENMAPSPACE_grant_table,
 * i, gfn)) and use them for the calls below. Asks query_size first:
 * HYP_EIO when Xen answers a maximum of 0 frames, HYP_ERANGE when `nr`
 * exceeds its maximum; HYP_EINVAL for NULL, nr 0, misalignment. 0.
 */
int hyp_xen_grant_setup(void *frames, unsigned int nr);

/*
 * Grant `domid` access to guest frame `gfn`, read-only or read-write: the
 * grant reference (>= HYP_XEN_GNTTAB_NR_RESERVED). HYP_ENOTINIT before
 * setup, HYP_ENOSPC when every entry is in use, HYP_EINVAL for a frame that
 * does not fit 32 bits.
 */
int hyp_xen_grant_access(uint16_t domid, uint64_t gfn, bool readonly);

/*
 * End access through `ref`: HYP_EBUSY while the other domain still maps it
 * (Xen's reading/writing bits; the entry stays granted: try again later),
 * else 0 and the entry is free. HYP_EINVAL for a reserved, unused or
 * out-of-range ref.
 */
int hyp_xen_grant_end_access(uint32_t ref);

/* The entry of `ref` (NULL before setup or out of range): for tests and debugging. */
const volatile struct hyp_xen_grant_entry_v1 *hyp_xen_grant_entry(uint32_t ref);
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_XEN_GRANT_H */
