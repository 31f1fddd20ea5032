/* SPDX-License-Identifier: MIT */
/* The trap hooks of <guest/trap.h>, for the runtimes whose vectors call them. */
#include <guest/trap.h>

static guest_trap_fn handlers[GUEST_TRAP_CAUSES];

void guest_set_trap_handler(unsigned int cause, guest_trap_fn fn)
{
	if (cause < GUEST_TRAP_CAUSES)
		handlers[cause] = fn;
}

bool guest_trap_handled(unsigned int cause, struct guest_frame *frame)
{
	return cause < GUEST_TRAP_CAUSES && handlers[cause] && handlers[cause](frame);
}
