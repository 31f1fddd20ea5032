/* SPDX-License-Identifier: MIT */
/*
 * A small, bounds-checked reader of flattened device tree blobs (the DTB
 * format of the Devicetree Specification v0.4, chapter 5: big-endian header,
 * structure block of tokens, strings block). It reads only what libhyp needs
 * (a node by path, a property by name, a string list) and never reads outside
 * [blob, blob + size): a malformed, truncated or hostile blob gives
 * HYP_EBADDT. No allocation, no recursion.
 *
 * Node handles are offsets into the structure block, as libfdt's are, so a
 * kernel that already uses libfdt can compare them.
 */
#ifndef HYP_FDT_H
#define HYP_FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <hyp/error.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HYP_FDT_MAGIC           0xd00dfeedu
#define HYP_FDT_BEGIN_NODE      1u
#define HYP_FDT_END_NODE        2u
#define HYP_FDT_PROP            3u
#define HYP_FDT_NOP             4u
#define HYP_FDT_END             9u
#define HYP_FDT_HEADER_SIZE     40u     /* version 17 header */

/* A checked blob (filled by hyp_fdt_open). */
struct hyp_fdt {
	const uint8_t *blob;
	uint32_t size;                      /* min(totalsize, caller's size) = totalsize */
	uint32_t struct_off, struct_size;   /* structure block */
	uint32_t strings_off, strings_size; /* strings block */
};

/*
 * Check the header of `blob` (`size` bytes readable) and fill `fdt`.
 * HYP_EBADDT: bad magic, version < 16 or last compatible version > 17,
 * totalsize larger than `size` or than INT32_MAX, blocks outside the blob.
 * HYP_EINVAL: NULL arguments.
 */
int hyp_fdt_open(struct hyp_fdt *fdt, const void *blob, size_t size);

/*
 * Offset of the node at absolute `path` ("/", "/hypervisor", "/soc/serial@4500"):
 * >= 0 found, HYP_ENOENT not there, HYP_EBADDT malformed structure block.
 * A component without '@' also matches a node named "<component>@<unit>",
 * as in libfdt.
 */
int hyp_fdt_path_offset(const struct hyp_fdt *fdt, const char *path);

/*
 * Property `name` of the node at `node`: 0 and (*value, *len) pointing into
 * the blob, HYP_ENOENT if the node lacks it, HYP_EBADDT if malformed,
 * HYP_EINVAL if `node` is not the offset of a node.
 */
int hyp_fdt_getprop(const struct hyp_fdt *fdt, int node, const char *name,
		    const void **value, uint32_t *len);

/* Whether the string list (NUL-separated, as "compatible") holds `str`. */
bool hyp_fdt_stringlist_contains(const void *value, uint32_t len, const char *str);

/* Big-endian 32-bit cell `index` of a property value (caller checked len). */
static inline uint32_t hyp_fdt_cell(const void *value, uint32_t index)
{
	const uint8_t *p = (const uint8_t *)value + 4u * index;

	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* What the /hypervisor node says (ePAPR 1.1 section 7.5; Linux
 * Documentation/devicetree/bindings/... "epapr,hypervisor-1", QEMU ppce500 and
 * pseries under KVM add "linux,kvm"). */
#define HYP_FDT_HCALL_MAX_BYTES 16u

struct hyp_fdt_hypervisor {
	bool present;               /* the node exists */
	bool compatible_kvm;        /* "linux,kvm" */
	bool compatible_epapr;      /* "epapr,hypervisor-1" */
	bool has_idle;              /* "has-idle": the EV_IDLE hypercall is served */
	bool hcall_present;         /* "hcall-instructions" exists */
	bool hcall_valid;           /* ... and its length is a multiple of 4, 4..16 */
	uint32_t hcall_len;         /* its length in bytes, as found */
	uint32_t hcall[HYP_FDT_HCALL_MAX_BYTES / 4]; /* instruction words (valid only) */
};

/*
 * Read /hypervisor from a blob. 0 with out->present false if there is no such
 * node; HYP_EBADDT if the blob is malformed (out is then zeroed).
 */
int hyp_fdt_read_hypervisor(const void *blob, size_t size, struct hyp_fdt_hypervisor *out);

#ifdef __cplusplus
}
#endif

#endif /* HYP_FDT_H */
