/* SPDX-License-Identifier: MIT */
/* Xen start of day of an HVM/PVH or Arm domU (<hyp/xen_start.h>). */
#include "internal.h"

/* Read a table of n entries of `size` bytes at paddr: NULL if it wraps or `read` refuses. */
static const void *table(hyp_xen_phys_reader read, uint64_t paddr, uint32_t n, size_t size)
{
	uint64_t bytes = (uint64_t)n * size;

	if (!n)
		return NULL;
	if (!paddr || paddr + bytes < paddr)
		return NULL;
	return read(paddr, (size_t)bytes);
}

int hyp_xen_pvh_start_parse(const struct hyp_xen_hvm_start_info *si, hyp_xen_phys_reader read,
			    struct hyp_xen_pvh_start *out)
{
	struct hyp_xen_pvh_start r;
	struct hyp_xen_hvm_start_info s;

	if (!si || !read || !out)
		return HYP_EINVAL;
	hyp_zero_bytes(&r, sizeof(r));
	hyp_copy_bytes(&s, si, sizeof(s));        /* one read of each field: Xen wrote it, nothing changes it after */
	if (s.magic != HYP_XEN_HVM_START_MAGIC)
		return HYP_EINVAL;
	r.version = s.version;
	r.flags = s.flags;
	r.rsdp_paddr = s.rsdp_paddr;
	if (s.nr_modules > HYP_XEN_PVH_MAX_MODULES)
		return HYP_ERANGE;
	if (s.nr_modules) {
		r.modules = table(read, s.modlist_paddr, s.nr_modules,
				  sizeof(struct hyp_xen_hvm_modlist_entry));
		if (!r.modules)
			return HYP_EFAULT;
		r.nr_modules = s.nr_modules;
	}
	if (s.version >= 1 && s.memmap_entries) {
		if (s.memmap_entries > HYP_XEN_PVH_MAX_MEMMAP)
			return HYP_ERANGE;
		r.memmap = table(read, s.memmap_paddr, s.memmap_entries,
				 sizeof(struct hyp_xen_hvm_memmap_entry));
		if (!r.memmap)
			return HYP_EFAULT;
		r.nr_memmap = s.memmap_entries;
	}
	if (s.cmdline_paddr) {
		/* Page by page: `read` is never asked for a page past the one with the NUL. */
		size_t n = 0;

		r.cmdline = read(s.cmdline_paddr, 1);
		if (!r.cmdline)
			return HYP_EFAULT;
		for (;;) {
			size_t chunk = 4096 - (size_t)((s.cmdline_paddr + n) & 4095);
			const char *c = read(s.cmdline_paddr + n, chunk);

			if (!c || c != r.cmdline + n)
				return HYP_EFAULT;
			for (size_t i = 0; i < chunk; i++, n++) {
				if (!c[i])
					goto found;
				if (n >= HYP_XEN_PVH_CMDLINE_MAX)
					return HYP_ERANGE;
			}
		}
found:
		r.cmdline_len = n;
	}
	hyp_copy_bytes(out, &r, sizeof(r));
	return HYP_OK;
}

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
int hyp_xen_memory_map(struct hyp_xen_e820_entry *map, unsigned int max)
{
	struct hyp_xen_memory_map_args a = { .nr_entries = max, .buffer = map };
	int rc;

	if (!map || !max || max > HYP_XEN_PVH_MAX_MEMMAP)
		return HYP_EINVAL;
	rc = hyp_xen_answer(hyp_xen_hypercall2(HYP_XEN_HYPERCALL_memory_op, HYP_XEN_XENMEM_memory_map,
					      (unsigned long)(uintptr_t)&a));
	if (rc < 0)
		return rc;
	if (a.nr_entries > max)
		return HYP_EIO;
	return (int)a.nr_entries;
}

static int ring_params(uint32_t pfn_param, uint32_t port_param, uint64_t *pfn, uint32_t *port)
{
	uint64_t f, p;
	int rc;

	if (!pfn || !port)
		return HYP_EINVAL;
	rc = hyp_xen_hvm_get_param(pfn_param, &f);
	if (rc < 0)
		return rc;
	rc = hyp_xen_hvm_get_param(port_param, &p);
	if (rc < 0)
		return rc;
	if (!f || !p)
		return HYP_ENOENT;
	if (p >= HYP_XEN_EVTCHN_PORT_LIMIT || f >= (1ull << 52))
		return HYP_ERANGE;
	*pfn = f;
	*port = (uint32_t)p;
	return HYP_OK;
}

int hyp_xen_console_ring_params(uint64_t *pfn, uint32_t *port)
{
	return ring_params(HYP_XEN_HVM_PARAM_CONSOLE_PFN, HYP_XEN_HVM_PARAM_CONSOLE_EVTCHN, pfn, port);
}

int hyp_xen_store_ring_params(uint64_t *pfn, uint32_t *port)
{
	return ring_params(HYP_XEN_HVM_PARAM_STORE_PFN, HYP_XEN_HVM_PARAM_STORE_EVTCHN, pfn, port);
}
#endif
