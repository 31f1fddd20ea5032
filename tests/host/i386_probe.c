/* The smallest i386 Linux program: exit(0) by int 0x80 (eax 1 = exit, ebx
 * status; arch/x86/entry/syscalls/syscall_32.tbl). run-i386.sh executes it to
 * learn whether the host kernel runs i386 binaries at all. */
void _start(void)
{
	__asm__ volatile("movl $1, %eax\n\txorl %ebx, %ebx\n\tint $0x80");
}
