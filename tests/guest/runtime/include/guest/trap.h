/* SPDX-License-Identifier: MIT */
/*
 * Trap hooks, one shape on every architecture (runtime/common/trap.c, in
 * the runtimes built with TRAPS; pseries and x86 Xen PV have no hooks, and
 * an image that sets one there does not link).
 *
 * Each runtime's header defines struct guest_frame: the state its vector
 * code saved (registers, the pc to resume at, the cause), which a handler may
 * change; the runtime restores it on return. The cause a hook is set for is
 * the architecture's own number: x86 vector, arm64 ESR.EC, MIPS
 * Cause.ExcCode, RISC-V scause code, BookE IVOR, s390 program interruption
 * code.
 */
#ifndef GUEST_TRAP_H
#define GUEST_TRAP_H

#include <stdbool.h>

struct guest_frame;

/*
 * true: handled, resume at the frame's pc (moved past the instruction when
 * it must not run again). false, or no handler for the cause: the run ends
 * as a failure with the cause and the pc printed.
 */
typedef bool (*guest_trap_fn)(struct guest_frame *frame);

#define GUEST_TRAP_CAUSES 128

/* Hook `fn` for `cause` (below GUEST_TRAP_CAUSES); NULL unhooks. */
void guest_set_trap_handler(unsigned int cause, guest_trap_fn fn);

/* For the vector code: whether a hook for `cause` took the trap. */
bool guest_trap_handled(unsigned int cause, struct guest_frame *frame);

/* For the vector code, on a trap no hook took: ends the run as a failure,
 * "ABORT: unexpected trap: cause 0x<cause> at pc 0x<pc>: <details>". */
void guest_trap_unhandled(unsigned long cause, unsigned long pc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), noreturn));

#endif /* GUEST_TRAP_H */
