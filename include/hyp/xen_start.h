/* SPDX-License-Identifier: MIT */
/*
 * Xen start of day for an HVM/PVH guest (x86) and an Arm guest: the PVH
 * start info, the memory map, and where the toolstack put the console and
 * xenstore rings. Everything read here was written by Xen or the toolstack:
 * counts, addresses and lengths are checked before use.
 *
 * Sources: xen/include/public/arch-x86/hvm/start_info.h (struct layout,
 * magic, versions, memory map types), hvm/params.h (HVM_PARAM_STORE_PFN,
 * _STORE_EVTCHN, _CONSOLE_PFN, _CONSOLE_EVTCHN: a PVH domU gets its rings
 * there, not in hvm_start_info), memory.h (XENMEM_memory_map: struct
 * xen_memory_map, e820 entries). tests/host/xen_abi_checks.c compares every
 * layout and value with libxen-dev.
 */
#ifndef HYP_XEN_START_H
#define HYP_XEN_START_H

#include <stddef.h>
#include <stdint.h>

#include <hyp/static_assert.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- hvm_start_info (arch-x86/hvm/start_info.h), in ebx at PVH entry ---- */
#define HYP_XEN_HVM_START_MAGIC         0x336ec578u
#define HYP_XEN_HVM_MEMMAP_TYPE_RAM     1   /* ... _RESERVED 2, _ACPI 3, _NVS 4, _UNUSABLE 5, _DISABLED 6, _PMEM 7 */
#define HYP_XEN_HVM_MEMMAP_TYPE_PMEM    7

struct hyp_xen_hvm_start_info {
	uint32_t magic;             /* HYP_XEN_HVM_START_MAGIC */
	uint32_t version;           /* 0; 1 adds memmap_* */
	uint32_t flags;             /* SIF_* (xen.h) */
	uint32_t nr_modules;
	uint64_t modlist_paddr;     /* struct hyp_xen_hvm_modlist_entry[nr_modules] */
	uint64_t cmdline_paddr;     /* NUL-terminated, or 0 */
	uint64_t rsdp_paddr;        /* ACPI RSDP, or 0 */
	uint64_t memmap_paddr;      /* version >= 1: struct hyp_xen_hvm_memmap_entry[memmap_entries] */
	uint32_t memmap_entries;    /* version >= 1; 0: ask XENMEM_memory_map */
	uint32_t reserved;
};

struct hyp_xen_hvm_modlist_entry {
	uint64_t paddr;
	uint64_t size;
	uint64_t cmdline_paddr;     /* NUL-terminated, or 0 */
	uint64_t reserved;
};

struct hyp_xen_hvm_memmap_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;              /* HYP_XEN_HVM_MEMMAP_TYPE_* (the e820 numbers) */
	uint32_t reserved;
};

HYP_STATIC_ASSERT(sizeof(struct hyp_xen_hvm_start_info) == 56, "hvm_start_info v1 is 56 bytes");
HYP_STATIC_ASSERT(sizeof(struct hyp_xen_hvm_modlist_entry) == 32, "modlist entry");
HYP_STATIC_ASSERT(sizeof(struct hyp_xen_hvm_memmap_entry) == 24, "memmap entry");

/* What hyp_xen_pvh_start_parse() found, as pointers the kernel can read. */
#define HYP_XEN_PVH_MAX_MODULES     64
#define HYP_XEN_PVH_MAX_MEMMAP      128
#define HYP_XEN_PVH_CMDLINE_MAX     4096    /* longest command line accepted, NUL excluded */

struct hyp_xen_pvh_start {
	uint32_t version;
	uint32_t flags;
	const char *cmdline;        /* NUL-terminated within HYP_XEN_PVH_CMDLINE_MAX, or NULL */
	size_t cmdline_len;
	uint64_t rsdp_paddr;        /* 0: none */
	const struct hyp_xen_hvm_modlist_entry *modules;
	uint32_t nr_modules;        /* <= HYP_XEN_PVH_MAX_MODULES */
	const struct hyp_xen_hvm_memmap_entry *memmap;
	uint32_t nr_memmap;         /* <= HYP_XEN_PVH_MAX_MEMMAP; 0: ask hyp_xen_memory_map() */
};

/*
 * How the kernel reads a guest-physical range: returns a pointer to `len`
 * readable bytes at `paddr`, or NULL where it has none mapped (the library
 * never makes a pointer from an address itself).
 */
typedef const void *(*hyp_xen_phys_reader)(uint64_t paddr, size_t len);

/*
 * Parse the hvm_start_info Xen left at `si` (its physical address was in ebx
 * at the PVH entry) through `read` (required: HYP_EINVAL for NULL).
 * Checks the magic (HYP_EINVAL otherwise), caps the
 * counts (HYP_ERANGE above the HYP_XEN_PVH_MAX_* limits or a table whose
 * end wraps), finds the command line's NUL within HYP_XEN_PVH_CMDLINE_MAX
 * bytes (HYP_ERANGE otherwise) and reads each table through `read`
 * (HYP_EFAULT when it gives NULL). A version 0 structure has no memory map
 * fields (nr_memmap 0). Pure: no hypercall. 0 on success; `out` is written
 * only then.
 */
int hyp_xen_pvh_start_parse(const struct hyp_xen_hvm_start_info *si, hyp_xen_phys_reader read,
			    struct hyp_xen_pvh_start *out);

/* ---- XENMEM_memory_map (memory.h): the domain's e820 as Xen keeps it ---- */
#define HYP_XEN_XENMEM_memory_map       9

struct hyp_xen_memory_map_args {
	unsigned int nr_entries;    /* IN: room in buffer; OUT: entries written */
	void *buffer;               /* XEN_GUEST_HANDLE(void) (x86: a pointer): struct hyp_xen_e820_entry[] */
};

/* One e820 entry as Xen writes it: packed, 20 bytes. */
struct hyp_xen_e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;              /* HYP_XEN_HVM_MEMMAP_TYPE_* numbers */
} __attribute__((packed));

HYP_STATIC_ASSERT(sizeof(struct hyp_xen_e820_entry) == 20, "e820 entry is 20 bytes");

#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
/*
 * XENMEM_memory_map into `map[max]`: the entry count. An answer above `max`
 * is HYP_EIO (Xen never writes past what it was given, but the count is
 * checked as any count a hypervisor returns); HYP_EINVAL for NULL or max 0
 * or above HYP_XEN_PVH_MAX_MEMMAP.
 */
int hyp_xen_memory_map(struct hyp_xen_e820_entry *map, unsigned int max);
#endif

/*
 * ---- Rings the toolstack gave an HVM/PVH or Arm domU (hvm/params.h) ------
 * The frame number and event channel of the console ring
 * (HVM_PARAM_CONSOLE_PFN/_EVTCHN) and of the xenstore ring
 * (HVM_PARAM_STORE_PFN/_EVTCHN). 0; HYP_ENOENT when Xen answered 0 for the
 * frame or the port (no such ring: dom0, dom0less), HYP_ERANGE for a port
 * or frame no guest can have (port >= 2^17: the FIFO ABI's limit; frame >=
 * 2^52), else the hypercall's error. Written only on success.
 */
#define HYP_XEN_EVTCHN_PORT_LIMIT   (1u << 17)
#if defined(__x86_64__) || defined(__i386__) || defined(__aarch64__)
int hyp_xen_console_ring_params(uint64_t *pfn, uint32_t *port);
int hyp_xen_store_ring_params(uint64_t *pfn, uint32_t *port);
#endif

#ifdef __cplusplus
}
#endif

#endif /* HYP_XEN_START_H */
