/* SPDX-License-Identifier: MIT */
/* Xen grant tables v1, granting side (<hyp/xen_grant.h>). */
#include "internal.h"

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)

#define PAGE 4096u

static struct {
	volatile struct hyp_xen_grant_entry_v1 *table;
	uint32_t entries;
} gnt;

static int gnttab_op(unsigned int cmd, void *arg)
{
	return hyp_xen_answer(hyp_xen_hypercall3(HYP_XEN_HYPERCALL_grant_table_op, cmd,
						 (unsigned long)(uintptr_t)arg, 1));
}

int hyp_xen_grant_query_size(uint32_t *nr_frames, uint32_t *max_nr_frames)
{
	struct hyp_xen_gnttab_query_size q = { .dom = HYP_XEN_DOMID_SELF };
	int rc;

	if (!nr_frames || !max_nr_frames)
		return HYP_EINVAL;
	rc = gnttab_op(HYP_XEN_GNTTABOP_query_size, &q);
	if (rc < 0)
		return rc;
	if (q.status != 0 || q.max_nr_frames == 0 || q.nr_frames > q.max_nr_frames)
		return HYP_EIO;
	*nr_frames = q.nr_frames;
	*max_nr_frames = q.max_nr_frames;
	return HYP_OK;
}

int hyp_xen_grant_get_version(void)
{
	struct hyp_xen_gnttab_get_version v = { .dom = HYP_XEN_DOMID_SELF };
	int rc = gnttab_op(HYP_XEN_GNTTABOP_get_version, &v);

	if (rc < 0)
		return rc;
	if (v.version != 1 && v.version != 2)
		return HYP_EIO;
	return (int)v.version;
}

int hyp_xen_grant_setup(void *frames, unsigned int nr)
{
	uint32_t cur, max;
	uint64_t pa;
	int rc;

	if (!frames || !nr || ((uintptr_t)frames & (PAGE - 1)))
		return HYP_EINVAL;
	rc = hyp_xen_grant_query_size(&cur, &max);
	if (rc < 0)
		return rc;
	if (nr > max || nr > UINT32_MAX / HYP_XEN_GRANT_PER_FRAME)
		return HYP_ERANGE;
	gnt.table = NULL;
	for (unsigned int i = 0; i < nr; i++) {
		pa = hyp_virt_to_phys((const char *)frames + (size_t)i * PAGE);
		if (pa & (PAGE - 1))
			return HYP_EINVAL;
		rc = hyp_xen_add_to_physmap(HYP_XEN_XENMAPSPACE_grant_table, i, pa >> 12);
		if (rc < 0)
			return rc;
	}
	gnt.entries = nr * HYP_XEN_GRANT_PER_FRAME;
	gnt.table = frames;
	return HYP_OK;
}

const volatile struct hyp_xen_grant_entry_v1 *hyp_xen_grant_entry(uint32_t ref)
{
	if (!gnt.table || ref >= gnt.entries)
		return NULL;
	return &gnt.table[ref];
}

int hyp_xen_grant_access(uint16_t domid, uint64_t gfn, bool readonly)
{
	if (!gnt.table)
		return HYP_ENOTINIT;
	if (gfn > UINT32_MAX)
		return HYP_EINVAL;
	for (uint32_t ref = HYP_XEN_GNTTAB_NR_RESERVED; ref < gnt.entries; ref++) {
		volatile struct hyp_xen_grant_entry_v1 *e = &gnt.table[ref];

		if (e->flags)
			continue;
		e->domid = domid;
		e->frame = (uint32_t)gfn;
		hyp_virt_wmb();     /* domid and frame before the flags (grant_table.h) */
		e->flags = (uint16_t)(HYP_XEN_GTF_permit_access | (readonly ? HYP_XEN_GTF_readonly : 0));
		return ref > (uint32_t)__INT_MAX__ ? HYP_ENOSPC : (int)ref;
	}
	return HYP_ENOSPC;
}

int hyp_xen_grant_end_access(uint32_t ref)
{
	uint16_t flags;
	unsigned int tries = 0;

	if (!gnt.table)
		return HYP_ENOTINIT;
	if (ref < HYP_XEN_GNTTAB_NR_RESERVED || ref >= gnt.entries)
		return HYP_EINVAL;
	/* Clear the entry only if Xen has not marked it mapped meanwhile (grant_table.h). */
	flags = __atomic_load_n(&gnt.table[ref].flags, __ATOMIC_ACQUIRE);
	do {
		if (!(flags & HYP_XEN_GTF_permit_access))
			return HYP_EINVAL;
		if ((flags & (HYP_XEN_GTF_reading | HYP_XEN_GTF_writing)) || ++tries > 64)
			return HYP_EBUSY;
	} while (!__atomic_compare_exchange_n((uint16_t *)&gnt.table[ref].flags, &flags, 0, false,
					      __ATOMIC_SEQ_CST, __ATOMIC_ACQUIRE));
	return HYP_OK;
}

#endif
