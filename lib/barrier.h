/* SPDX-License-Identifier: MIT */
/*
 * Ordering against another domain or the hypervisor writing the same memory
 * (Xen's rings and grant entries, steal-time records), as Linux's
 * virt_mb()/virt_rmb()/virt_wmb() (asm/barrier.h): x86 keeps loads in order
 * and stores in order (TSO), so only the full barrier is an instruction;
 * arm64 uses dmb ish / ishld / ishst. Inline asm, not
 * __atomic_thread_fence(): gcc refuses thread fences under ThreadSanitizer
 * (-Werror=tsan), and the host's TSan build compiles these files.
 */
#ifndef HYP_LIB_BARRIER_H
#define HYP_LIB_BARRIER_H

#if defined(__x86_64__)
#define hyp_virt_mb()   __asm__ __volatile__("lock; orl $0, (%%rsp)" ::: "memory", "cc")
#elif defined(__i386__)
#define hyp_virt_mb()   __asm__ __volatile__("lock; orl $0, (%%esp)" ::: "memory", "cc")
#endif
#if defined(__x86_64__) || defined(__i386__)
#define hyp_virt_rmb()  __asm__ __volatile__("" ::: "memory")
#define hyp_virt_wmb()  __asm__ __volatile__("" ::: "memory")
#elif defined(__aarch64__)
#define hyp_virt_mb()   __asm__ __volatile__("dmb ish" ::: "memory")
#define hyp_virt_rmb()  __asm__ __volatile__("dmb ishld" ::: "memory")
#define hyp_virt_wmb()  __asm__ __volatile__("dmb ishst" ::: "memory")
#else
#define hyp_virt_mb()   __atomic_thread_fence(__ATOMIC_SEQ_CST)
#define hyp_virt_rmb()  __atomic_thread_fence(__ATOMIC_ACQUIRE)
#define hyp_virt_wmb()  __atomic_thread_fence(__ATOMIC_RELEASE)
#endif

#endif /* HYP_LIB_BARRIER_H */
