/* SPDX-License-Identifier: MIT */
/*
 * KVM PowerPC instruction patcher (include/hyp/ppc_patch.h). Portable C on
 * instruction words: no inline assembly here (the host tests compile it).
 * Encodings: Power ISA v2.07 / Book E 2.06 (opcode 31 extended opcodes).
 */
#include <stdbool.h>

#include <hyp/epapr_abi.h>
#include <hyp/error.h>
#include <hyp/ppc_patch.h>

#define MAGIC_BASE      (-4096)

/* Offsets in struct hyp_kvm_ppc_magic_page. */
#define OFF(f)          ((int)__builtin_offsetof(struct hyp_kvm_ppc_magic_page, f))

#define RT(insn)        (((insn) >> 21) & 31u)
#define SPR(insn)       ((((insn) >> 16) & 31u) | ((((insn) >> 11) & 31u) << 5))

#define X_MASK          0xfc0007feu     /* primary + extended opcode */
#define OP_MFMSR        0x7c0000a6u
#define OP_MTMSR        0x7c000124u     /* L in bit 0x10000 */
#define OP_MTMSRD       0x7c000164u
#define OP_MFSPR        0x7c0002a6u
#define OP_MTSPR        0x7c0003a6u
#define OP_WRTEEI       0x7c000146u     /* E in bit 0x8000 */
#define INSN_TLBSYNC    0x7c00046cu
#define INSN_NOP        0x60000000u

#define MSR_EE          0x8000u
#define MSR_RI          0x0002u

/* SPR numbers. */
#define SPR_DSISR       18
#define SPR_DAR         19
#define SPR_SRR0        26
#define SPR_SRR1        27
#define SPR_DEAR        61
#define SPR_ESR         62
#define SPR_SPRG0       272

struct field {
	int off;
	bool wide;      /* 64-bit field */
};

/* The magic page field an SPR shadows, or false. */
static bool spr_field(unsigned int spr, unsigned int flags, struct field *f)
{
	bool booke = flags & HYP_KVM_PPC_PATCH_BOOKE;

	f->wide = true;
	switch (spr) {
	case SPR_SPRG0:     f->off = OFF(sprg0); return true;
	case SPR_SPRG0 + 1: f->off = OFF(sprg1); return true;
	case SPR_SPRG0 + 2: f->off = OFF(sprg2); return true;
	case SPR_SPRG0 + 3: f->off = OFF(sprg3); return true;
	case SPR_SRR0:      f->off = OFF(srr0); return true;
	case SPR_SRR1:      f->off = OFF(srr1); return true;
	case SPR_DAR:       f->off = OFF(dar); return !booke;
	case SPR_DEAR:      f->off = OFF(dar); return booke;
	case SPR_DSISR:     f->off = OFF(dsisr); f->wide = false; return !booke;
	case SPR_ESR:       f->off = OFF(esr); f->wide = false;
			    return booke && (flags & HYP_KVM_PPC_PATCH_ESR);
	default:            return false;
	}
}

/* D/DS-form load or store of register r at the field, RA = 0. */
static uint32_t field_access(bool store, unsigned int r, struct field f, unsigned int flags)
{
	int d = MAGIC_BASE + f.off;

	if (f.wide && (flags & HYP_KVM_PPC_PATCH_64))
		return (store ? 0xf8000000u : 0xe8000000u) | r << 21 | ((uint32_t)d & 0xfffcu);
	if (f.wide && !(flags & HYP_KVM_PPC_PATCH_LE))
		d += 4;                 /* the low word of a big-endian doubleword */
	return (store ? 0x90000000u : 0x80000000u) | r << 21 | ((uint32_t)d & 0xffffu);
}

static uint32_t lwz_abs(unsigned int r, int off)   /* 32-bit word at magic + off */
{
	return 0x80000000u | r << 21 | ((uint32_t)(MAGIC_BASE + off) & 0xffffu);
}

static uint32_t stw_abs(unsigned int r, int off)
{
	return 0x90000000u | r << 21 | ((uint32_t)(MAGIC_BASE + off) & 0xffffu);
}

static uint32_t andi_dot(unsigned int ra, unsigned int rs, uint16_t imm)
{
	return 0x70000000u | rs << 21 | ra << 16 | imm;
}

static uint32_t ori(unsigned int ra, unsigned int rs, uint16_t imm)
{
	return 0x60000000u | rs << 21 | ra << 16 | imm;
}

static uint32_t xori(unsigned int ra, unsigned int rs, uint16_t imm)
{
	return 0x68000000u | rs << 21 | ra << 16 | imm;
}

static uint32_t xor_(unsigned int ra, unsigned int rs, unsigned int rb)
{
	return 0x7c000278u | rs << 21 | ra << 16 | rb << 11;
}

static uint32_t or_(unsigned int ra, unsigned int rs, unsigned int rb)
{
	return 0x7c000378u | rs << 21 | ra << 16 | rb << 11;
}

static uint32_t cmpi0(unsigned int ra, bool wide)  /* cmpdi / cmpwi cr0, ra, 0 */
{
	return 0x2c000000u | (wide ? 1u << 21 : 0) | ra << 16;
}

static uint32_t li(unsigned int rt, uint16_t imm)
{
	return 0x38000000u | rt << 21 | imm;
}

/* Relative branch from `from` to `to`; false if out of the +-32 MiB range. */
static bool branch(uint64_t from, uint64_t to, uint32_t *insn)
{
	int64_t d = (int64_t)(to - from);

	if (d < -0x2000000 || d > 0x1fffffc || (d & 3))
		return false;
	*insn = 0x48000000u | ((uint32_t)d & 0x03fffffcu);
	return true;
}

/* bc BO, BI(cr0 eq), to a later word of the same generated block. */
static uint32_t bc_fwd(bool if_equal, size_t from, size_t to)
{
	return (if_equal ? 0x41820000u : 0x40820000u) | ((uint32_t)((to - from) * 4) & 0xfffcu);
}

enum msr_write { MTMSR_WHOLE, MTMSR_EE_RI, WRTEE_0, WRTEE_1 };

/*
 * Emit the replacement of an MSR write at `site` into g[0..]; returns the
 * word count (<= HYP_KVM_PPC_PATCH_SITE_WORDS), 0 if a branch is out of range.
 */
static size_t emit_msr_write(uint32_t *g, uint64_t g_addr, uint32_t orig, uint64_t site,
			     enum msr_write kind, unsigned int rs, unsigned int flags)
{
	const bool wide = flags & HYP_KVM_PPC_PATCH_64;
	const struct field msr = { OFF(msr), true }, scratch1 = { OFF(scratch1), true },
			   scratch2 = { OFF(scratch2), true }, critical = { OFF(critical), true };
	const int cr_off = OFF(scratch3) + ((flags & HYP_KVM_PPC_PATCH_LE) ? 0 : 4);
	unsigned int ra = 31, rb = 30;
	size_t n = 0, bne_critical, beq_done, bne_pending, real;

	if (rs == ra)
		ra = 29;
	else if (rs == rb)
		rb = 29;

	/* Save two scratch registers and CR; no interrupt while r1 == critical. */
	g[n++] = field_access(true, ra, scratch1, flags);
	g[n++] = field_access(true, rb, scratch2, flags);
	g[n++] = 0x7c000026u | ra << 21;                        /* mfcr ra */
	g[n++] = stw_abs(ra, cr_off);
	g[n++] = field_access(true, 1, critical, flags);

	/* ra = the new MSR. */
	if (kind == MTMSR_WHOLE) {
		g[n++] = or_(ra, rs, rs);
	} else {
		uint16_t mask = kind == MTMSR_EE_RI ? MSR_EE | MSR_RI : MSR_EE;

		g[n++] = field_access(false, ra, msr, flags);
		g[n++] = andi_dot(rb, ra, mask);
		g[n++] = xor_(ra, ra, rb);                      /* clear the bits written */
		if (kind == MTMSR_EE_RI) {
			g[n++] = andi_dot(rb, rs, mask);
			g[n++] = or_(ra, ra, rb);
		} else if (kind == WRTEE_1) {
			g[n++] = ori(ra, ra, MSR_EE);
		}
	}

	/* Bits other than EE/RI change: the hypervisor must see the instruction. */
	g[n++] = field_access(false, rb, msr, flags);
	g[n++] = xor_(rb, ra, rb);
	g[n++] = ori(rb, rb, MSR_EE | MSR_RI);
	g[n++] = xori(rb, rb, MSR_EE | MSR_RI);
	g[n++] = cmpi0(rb, wide);
	bne_critical = n++;

	g[n++] = field_access(true, ra, msr, flags);
	/* EE set with an interrupt pending: let the hypervisor deliver it. */
	g[n++] = andi_dot(rb, ra, MSR_EE);
	beq_done = n++;
	g[n++] = lwz_abs(rb, OFF(int_pending));
	g[n++] = cmpi0(rb, false);
	bne_pending = n++;

	/* Done: restore CR, leave the critical section, restore, return. */
	g[beq_done] = bc_fwd(true, beq_done, n);
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1) {
			real = n;
			g[bne_critical] = bc_fwd(false, bne_critical, real);
			g[bne_pending] = bc_fwd(false, bne_pending, real);
		}
		g[n++] = lwz_abs(rb, cr_off);
		g[n++] = 0x7c0ff120u | rb << 21;                /* mtcrf 0xff, rb */
		g[n++] = li(rb, 0);
		g[n++] = field_access(true, rb, critical, flags);
		g[n++] = field_access(false, ra, scratch1, flags);
		g[n++] = field_access(false, rb, scratch2, flags);
		if (pass == 1)
			g[n++] = orig;
		if (!branch(g_addr + 4 * n, site + 4, &g[n]))
			return 0;
		n++;
	}
	return n;
}

static bool overlap(uint64_t a, size_t an, uint64_t b, size_t bn)
{
	return a < b + 4 * (uint64_t)bn && b < a + 4 * (uint64_t)an;
}

int hyp_kvm_ppc_patch_words(uint32_t *code, size_t n, uint64_t code_addr,
			    uint32_t *gen, size_t gen_words, uint64_t gen_addr,
			    unsigned int flags, struct hyp_kvm_ppc_patch_stats *stats)
{
	struct hyp_kvm_ppc_patch_stats st = { 0 };
	size_t used = 0;

	if ((!code && n) || (gen_words && !gen) || (code_addr & 3) || (gen_addr & 3) ||
	    (n && gen_words && overlap(code_addr, n, gen_addr, gen_words)))
		return HYP_EINVAL;

	for (size_t i = 0; i < n; i++) {
		uint32_t insn = code[i];
		unsigned int r = RT(insn);
		struct field f;

		if (insn == INSN_TLBSYNC) {
			code[i] = INSN_NOP;
			st.loads_stores++;
			continue;
		}
		switch (insn & X_MASK) {
		case OP_MFMSR:
			if (insn & 0x001ff801u)     /* reserved fields set: not mfmsr */
				break;
			code[i] = field_access(false, r, (struct field){ OFF(msr), true }, flags);
			st.loads_stores++;
			break;
		case OP_MFSPR:
		case OP_MTSPR:
			if ((insn & 1) || !spr_field(SPR(insn), flags, &f))
				break;
			code[i] = field_access((insn & X_MASK) == OP_MTSPR, r, f, flags);
			st.loads_stores++;
			break;
		case OP_MTMSR:
		case OP_MTMSRD:
		case OP_WRTEEI: {
			enum msr_write kind;
			uint64_t site = code_addr + 4 * i, g_addr = gen_addr + 4 * used;
			uint32_t b;
			size_t len;

			if ((insn & X_MASK) == OP_WRTEEI) {
				if (insn & 0x03ff7801u)
					break;
				kind = (insn & 0x8000u) ? WRTEE_1 : WRTEE_0;
			} else {
				bool l = insn & 0x10000u;

				if (insn & 0x001ef801u)
					break;
				/* mtmsr L=0 in 64-bit mode keeps MSR's upper half: leave it. */
				if ((insn & X_MASK) == OP_MTMSR && !l && (flags & HYP_KVM_PPC_PATCH_64))
					break;
				kind = l ? MTMSR_EE_RI : MTMSR_WHOLE;
			}
			if (gen_words - used < HYP_KVM_PPC_PATCH_SITE_WORDS ||
			    !branch(site, g_addr, &b)) {
				st.skipped++;
				break;
			}
			len = emit_msr_write(gen + used, g_addr, insn, site, kind, r, flags);
			if (!len) {
				st.skipped++;
				break;
			}
			used += len;
			code[i] = b;
			st.branches++;
			break;
		}
		default:
			break;
		}
	}
	st.gen_used = used;
	if (stats)
		*stats = st;
	return HYP_OK;
}
