/* SPDX-License-Identifier: MIT */
/*
 * Flattened device tree reader (Devicetree Specification v0.4, chapter 5).
 * Every read is checked against the blob's size first; offsets are kept in
 * 32 bits and sums are formed in 64 bits so that nothing wraps.
 */
#include <hyp/fdt.h>
#include "bytes.h"

/* Header fields (byte offsets, big-endian 32-bit). */
#define HDR_MAGIC               0
#define HDR_TOTALSIZE           4
#define HDR_OFF_DT_STRUCT       8
#define HDR_OFF_DT_STRINGS      12
#define HDR_VERSION             20
#define HDR_LAST_COMP_VERSION   24
#define HDR_SIZE_DT_STRINGS     32
#define HDR_SIZE_DT_STRUCT      36

#define FIRST_VERSION           16u     /* size_dt_struct appears in 17 */
#define LAST_COMP_VERSION       17u

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* [off, off + len) lies within a block of `size` bytes. */
static bool within(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

int hyp_fdt_open(struct hyp_fdt *fdt, const void *blob, size_t size)
{
	const uint8_t *b = blob;
	uint32_t total, version;

	if (!fdt || !blob)
		return HYP_EINVAL;
	hyp_zero_bytes(fdt, sizeof(*fdt));
	if (size < HYP_FDT_HEADER_SIZE || be32(b + HDR_MAGIC) != HYP_FDT_MAGIC)
		return HYP_EBADDT;
	total = be32(b + HDR_TOTALSIZE);
	version = be32(b + HDR_VERSION);
	if (total < HYP_FDT_HEADER_SIZE || total > size || total > INT32_MAX ||
	    version < FIRST_VERSION || be32(b + HDR_LAST_COMP_VERSION) > LAST_COMP_VERSION)
		return HYP_EBADDT;

	fdt->blob = b;
	fdt->size = total;
	fdt->struct_off = be32(b + HDR_OFF_DT_STRUCT);
	fdt->strings_off = be32(b + HDR_OFF_DT_STRINGS);
	fdt->strings_size = be32(b + HDR_SIZE_DT_STRINGS);
	if (version >= 17)
		fdt->struct_size = be32(b + HDR_SIZE_DT_STRUCT);
	else if (fdt->struct_off <= total)
		fdt->struct_size = total - fdt->struct_off;

	if (fdt->struct_off < HYP_FDT_HEADER_SIZE || fdt->struct_off % 4 ||
	    !within(fdt->struct_off, fdt->struct_size, total) ||
	    fdt->strings_off < HYP_FDT_HEADER_SIZE ||
	    !within(fdt->strings_off, fdt->strings_size, total)) {
		hyp_zero_bytes(fdt, sizeof(*fdt));
		return HYP_EBADDT;
	}
	return HYP_OK;
}

/* Length of the NUL-terminated string at [p, p + max), or -1 if unterminated. */
static int64_t bounded_strlen(const uint8_t *p, uint32_t max)
{
	for (uint32_t i = 0; i < max; i++)
		if (p[i] == '\0')
			return i;
	return -1;
}

/*
 * The token at structure-block offset `off`: its kind and the offset of the
 * next token. For HYP_FDT_BEGIN_NODE the name is at off + 4 (terminated);
 * for HYP_FDT_PROP the value lies within the block.
 */
static int token_at(const struct hyp_fdt *f, uint32_t off, uint32_t *tok, uint32_t *next)
{
	const uint8_t *s = f->blob + f->struct_off;
	uint64_t end;

	if (off % 4 || !within(off, 4, f->struct_size))
		return HYP_EBADDT;
	*tok = be32(s + off);
	switch (*tok) {
	case HYP_FDT_BEGIN_NODE: {
		int64_t n = bounded_strlen(s + off + 4, f->struct_size - off - 4);

		if (n < 0)
			return HYP_EBADDT;
		end = (uint64_t)off + 4 + (uint64_t)n + 1;
		break;
	}
	case HYP_FDT_PROP: {
		uint32_t len;

		if (!within(off, 12, f->struct_size))
			return HYP_EBADDT;
		len = be32(s + off + 4);
		if (!within((uint64_t)off + 12, len, f->struct_size))
			return HYP_EBADDT;
		end = (uint64_t)off + 12 + len;
		break;
	}
	case HYP_FDT_END_NODE:
	case HYP_FDT_NOP:
	case HYP_FDT_END:
		end = (uint64_t)off + 4;
		break;
	default:
		return HYP_EBADDT;
	}
	end = (end + 3) & ~(uint64_t)3;
	/* The padding of the last token may run to the block's end, not past it. */
	if (end > ((uint64_t)f->struct_size + 3) / 4 * 4)
		return HYP_EBADDT;
	*next = (uint32_t)end;
	return HYP_OK;
}

/* Node name `p` (terminated) equals path component [c, c + n), libfdt style. */
static bool name_matches(const char *p, const char *c, size_t n)
{
	bool has_at = false;

	for (size_t i = 0; i < n; i++) {
		if (p[i] != c[i])
			return false;   /* also stops at p's NUL, as c[i] != '\0' */
		if (c[i] == '@')
			has_at = true;
	}
	return p[n] == '\0' || (!has_at && p[n] == '@');
}

/* The direct child of `node` named [c, c + n). */
static int find_child(const struct hyp_fdt *f, uint32_t node, const char *c, size_t n)
{
	uint32_t off, tok, next, depth = 0;
	int err = token_at(f, node, &tok, &off);

	if (err)
		return err;
	for (;;) {
		err = token_at(f, off, &tok, &next);
		if (err)
			return err;
		switch (tok) {
		case HYP_FDT_BEGIN_NODE:
			if (depth == 0 &&
			    name_matches((const char *)f->blob + f->struct_off + off + 4, c, n))
				return (int)off;
			depth++;
			break;
		case HYP_FDT_END_NODE:
			if (depth == 0)
				return HYP_ENOENT;
			depth--;
			break;
		case HYP_FDT_END:
			return HYP_EBADDT;  /* a node left open */
		default:
			break;
		}
		off = next;
	}
}

int hyp_fdt_path_offset(const struct hyp_fdt *fdt, const char *path)
{
	uint32_t off = 0, tok, next;
	int err;

	if (!fdt || !fdt->blob || !path || path[0] != '/')
		return HYP_EINVAL;
	for (;;) {                              /* the root: the first node */
		err = token_at(fdt, off, &tok, &next);
		if (err)
			return err;
		if (tok == HYP_FDT_BEGIN_NODE)
			break;
		if (tok != HYP_FDT_NOP)
			return HYP_EBADDT;
		off = next;
	}
	while (*path) {
		size_t n = 0;
		int child;

		while (*path == '/')
			path++;
		if (!*path)
			break;
		while (path[n] && path[n] != '/')
			n++;
		child = find_child(fdt, off, path, n);
		if (child < 0)
			return child;
		off = (uint32_t)child;
		path += n;
	}
	return (int)off;
}

static bool prop_name_is(const struct hyp_fdt *f, uint32_t nameoff, const char *name, int *err)
{
	const char *s;
	int64_t n;

	if (nameoff >= f->strings_size) {
		*err = HYP_EBADDT;
		return false;
	}
	s = (const char *)f->blob + f->strings_off + nameoff;
	n = bounded_strlen((const uint8_t *)s, f->strings_size - nameoff);
	if (n < 0) {
		*err = HYP_EBADDT;
		return false;
	}
	for (int64_t i = 0; i <= n; i++)
		if (s[i] != name[i])
			return false;
	return true;
}

int hyp_fdt_getprop(const struct hyp_fdt *fdt, int node, const char *name,
		    const void **value, uint32_t *len)
{
	uint32_t off, tok, next;
	int err;

	if (!fdt || !fdt->blob || !name || node < 0)
		return HYP_EINVAL;
	err = token_at(fdt, (uint32_t)node, &tok, &off);
	if (err)
		return err == HYP_EBADDT && (uint32_t)node % 4 ? HYP_EINVAL : err;
	if (tok != HYP_FDT_BEGIN_NODE)
		return HYP_EINVAL;
	for (;;) {
		const uint8_t *p;

		err = token_at(fdt, off, &tok, &next);
		if (err)
			return err;
		if (tok == HYP_FDT_END)
			return HYP_EBADDT;
		if (tok != HYP_FDT_PROP && tok != HYP_FDT_NOP)
			return HYP_ENOENT;     /* properties precede subnodes */
		if (tok == HYP_FDT_PROP) {
			p = fdt->blob + fdt->struct_off + off;
			if (prop_name_is(fdt, be32(p + 8), name, &err)) {
				if (value)
					*value = p + 12;
				if (len)
					*len = be32(p + 4);
				return HYP_OK;
			}
			if (err)
				return err;
		}
		off = next;
	}
}

bool hyp_fdt_stringlist_contains(const void *value, uint32_t len, const char *str)
{
	const char *p = value;

	if (!value || !str)
		return false;
	while (len > 0) {
		uint32_t i = 0;
		bool same = true;

		while (i < len && p[i] != '\0') {
			if (same && p[i] != str[i])
				same = false;
			i++;
		}
		if (i == len)
			return false;           /* unterminated tail: not a string */
		if (same && str[i] == '\0')
			return true;
		p += i + 1;
		len -= i + 1;
	}
	return false;
}

int hyp_fdt_read_hypervisor(const void *blob, size_t size, struct hyp_fdt_hypervisor *out)
{
	struct hyp_fdt fdt;
	const void *value;
	uint32_t len;
	int node, err;

	if (!out)
		return HYP_EINVAL;
	hyp_zero_bytes(out, sizeof(*out));
	err = hyp_fdt_open(&fdt, blob, size);
	if (err)
		return err;
	node = hyp_fdt_path_offset(&fdt, "/hypervisor");
	if (node == HYP_ENOENT)
		return HYP_OK;
	if (node < 0)
		return node;
	out->present = true;

	err = hyp_fdt_getprop(&fdt, node, "compatible", &value, &len);
	if (err == HYP_OK) {
		out->compatible_kvm = hyp_fdt_stringlist_contains(value, len, "linux,kvm");
		out->compatible_epapr = hyp_fdt_stringlist_contains(value, len, "epapr,hypervisor-1");
	} else if (err != HYP_ENOENT) {
		goto bad;
	}

	err = hyp_fdt_getprop(&fdt, node, "has-idle", NULL, NULL);
	if (err == HYP_OK)
		out->has_idle = true;
	else if (err != HYP_ENOENT)
		goto bad;

	err = hyp_fdt_getprop(&fdt, node, "hcall-instructions", &value, &len);
	if (err == HYP_OK) {
		out->hcall_present = true;
		out->hcall_len = len;
		/* ePAPR 1.1, 7.5: big-endian instruction words, at most four. */
		if (len && len % 4 == 0 && len <= HYP_FDT_HCALL_MAX_BYTES) {
			out->hcall_valid = true;
			for (uint32_t i = 0; i < len / 4; i++)
				out->hcall[i] = hyp_fdt_cell(value, i);
		}
	} else if (err != HYP_ENOENT) {
		goto bad;
	}
	return HYP_OK;
bad:
	hyp_zero_bytes(out, sizeof(*out));
	return err;
}
