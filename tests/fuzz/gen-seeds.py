#!/usr/bin/env python3
"""Write the seed corpora of the fuzz targets (committed; rerun after a format change)."""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))


def regs(a, b=0, c=0, d=0):
    return struct.pack("<4I", a, b, c, d)


def sig(text, eax):
    b, c, d = struct.unpack("<3I", text.encode().ljust(12, b"\0"))
    return regs(eax, b, c, d)


def vendor(text, max_leaf=0xd):
    b, d, c = struct.unpack("<3I", text.encode())   # ebx edx ecx
    return regs(max_leaf, b, c, d)


def rec(sel, r):
    return struct.pack("<H", sel) + r


def base_sel(k, off=0):
    return 2 + 3 * k + off


HV = regs(0, 0, 1 << 31, 0)
NATIVE, PV, PV_BAD_MAGIC = b"\0", b"\1", b"\3"
x86 = {
    "tcg-amd": regs(0) + rec(0, vendor("AuthenticAMD")) + rec(1, HV)
    + rec(base_sel(0), sig("TCGTCGTCGTCG", 0x40000001)),
    "kvm-intel": regs(0) + rec(0, vendor("GenuineIntel")) + rec(1, HV)
    + rec(base_sel(0), sig("KVMKVMKVM", 0x40000001))
    + rec(base_sel(0, 1), regs(0x01007afb, 0, 0, 1)),
    "kvm-old-eax0": regs(0) + rec(0, vendor("AuthenticAMD")) + rec(1, HV)
    + rec(base_sel(0), sig("KVMKVMKVM", 0)) + rec(base_sel(0, 1), regs(0xff)),
    "hyperv-kvm-0x100": regs(0) + rec(0, vendor("GenuineIntel")) + rec(1, HV)
    + rec(base_sel(0), sig("Microsoft Hv", 0x4000000b))
    + rec(base_sel(1), sig("KVMKVMKVM", 0x40000101))
    + rec(base_sel(1, 1), regs(0x7ff)),
    "hyperv-tlfs-kvm": regs(0x2ff, 0x30, 0, 0x1b0) + rec(0, vendor("AuthenticAMD")) + rec(1, HV)
    + rec(base_sel(0), sig("Microsoft Hv", 0x40000082)) + rec(base_sel(0, 1), regs(0x31237648))
    + rec(base_sel(1), sig("KVMKVMKVM", 0x40000101)) + rec(base_sel(1, 1), regs(0x7ff)),
    "vmware": regs(2000000, 66000, 1, 0) + rec(0, vendor("GenuineIntel")) + rec(1, HV)
    + rec(base_sel(0), sig("VMwareVMware", 0x40000010)),
    "xen-viridian": regs(0) + rec(0, vendor("AuthenticAMD")) + rec(1, HV)
    + rec(base_sel(0), sig("Microsoft Hv", 0x40000005))
    + rec(base_sel(1), sig("XenVMMXenVMM", 0x40000105))
    + rec(base_sel(1, 1), regs(0x40011)) + rec(base_sel(1, 2), regs(1, 0x40000000)),
    "xen-pvh": regs(0) + rec(0, vendor("AuthenticAMD")) + rec(1, HV)
    + rec(base_sel(0), sig("XenVMMXenVMM", 0x40000005))
    + rec(base_sel(0, 1), regs(0x40011)) + rec(base_sel(0, 2), regs(1, 0x40000000)),
    "no-hv-bit-junk": sig("KVMKVMKVM", 0x40000001) + rec(0, vendor("GenuineIntel"))
    + rec(1, regs(0)),
    "junk-everywhere": sig("XenVMMXenVMM", 0x400000ff) + rec(1, HV),
    "max-out-of-range": regs(0) + rec(0, vendor("HygonGenuine")) + rec(1, HV)
    + rec(base_sel(0), sig("KVMKVMKVM", 0x40000100))
    + rec(base_sel(255), sig("KVMKVMKVM", 0x400fffff)),
}
errors = {
    "zero": struct.pack("<q", 0),
    "enosys": struct.pack("<q", -1000),
    "eopnotsupp": struct.pack("<q", -95),
    "big": struct.pack("<q", 1 << 40),
    "min": struct.pack("<q", -(1 << 63)),
    "enotinit": struct.pack("<q", -4000),
}



def sysib322(name, cpi, count=1):
    """SYSIB 3.2.2 with vm[0] (name at +12, CPI at +24, EBCDIC, blank-padded)."""
    b = bytearray(4096)
    b[31] = count
    b[32 + 12:32 + 20] = name.ljust(8).encode("cp500")
    b[32 + 24:32 + 40] = cpi.ljust(16).encode("cp500")
    return bytes(b[:128])


def sysib111(manuf):
    b = bytearray(64)
    b[32:48] = manuf.ljust(16).encode("cp500")
    return bytes(4096 - 128) + bytes(b)    # pads 3.2.2 to 4096, then 1.1.1


s390 = {
    "tcg": sysib322("TCGguest", "KVM/Linux") + sysib111("QEMU"),
    "kvm": sysib322("KVMguest", "KVM/Linux") + sysib111("IBM"),
    "zvm": sysib322("LINUX1", "z/VM    7.3.0") + sysib111("IBM"),
    "no-111": sysib322("guest1", "KVM/Linux"),
    "no-vm": sysib322("x", "KVM/Linux", count=0),
}

x86 = {name: NATIVE + data for name, data in x86.items()}
x86["xen-pv"] = PV + regs(0) + rec(0, vendor("GenuineIntel")) + rec(1, regs(0)) \
    + rec(base_sel(0), sig("XenVMMXenVMM", 0x40000005)) + rec(base_sel(0, 1), regs(0x40011))
x86["xen-pv-bad-magic"] = PV_BAD_MAGIC + regs(0) + rec(0, vendor("GenuineIntel"))

# fuzz_xen_page: mode byte (odd: raw page; even: Xen-written page, bit 1 PV
# stubs) then (offset low, offset high, byte) changes.
xen_page = {
    "hvm-intact": b"\0",
    "pv-intact": b"\2",
    "raw-empty": b"\1",
    "hvm-slot1-imm": b"\0" + bytes([33, 0, 2]),          # slot 1 loads 2
    "hvm-iret-slot": b"\0" + struct.pack("<HB", 23 * 32 + 1, 0x99),  # iret slot: anything
}

# fuzz_vmware_rpc: op (bit 0 send), length, then (eax, ebx, ecx) per call.
def vmw(ax, bx, st):
    return struct.pack("<3I", ax, bx, st << 16)


vmware_rpc = {
    "send-lb": b"\1\6" + vmw(0, 0, 1) + vmw(0, 0, 1) + vmw(0, 0, 1),
    "send-unserved": b"\1\0" + vmw(0xffffffff, 0, 1),
    "recv-3": b"\0\x10" + vmw(0, 3, 3) + vmw(0, 0x636261, 1) + vmw(0, 0, 1),
    "recv-huge": b"\0\x10" + vmw(0, 0xffffffff, 3),
    "recv-hb": b"\0\x10" + vmw(0, 8, 0x83) + vmw(0, 1 << 16, 0) + vmw(0, 0, 1),
}
# fuzz_hyperv_rep: u16 reps, u16 input offset, u64 input size, then u64 results.
hyperv_rep = {
    "rep-restart": struct.pack("<HHQ", 5, 0, 64) + struct.pack("<QQ", 2 << 32, 5 << 32),
    "rep-stingy": struct.pack("<HHQ", 4095, 8, 8) + struct.pack("<Q", 0) * 8,
    "size-max": struct.pack("<HHQ", 0, 8, 2**64 - 1),
    "at-limit": struct.pack("<HHQ", 0, 8, 4088),
    "negative": struct.pack("<HHQ", 3, 0, 8) + struct.pack("<q", -4001),
}
# fuzz_sbi_dbcn: call, u16 offset, u16 length, then (error selector, u32 value) per ecall.
sbi_dbcn = {
    "read-cross": b"\0" + struct.pack("<HH", 4094, 8),
    "write-claim64": b"\1" + struct.pack("<HH", 0, 4) + struct.pack("<BI", 0, 64),
    "console-fail": b"\2" + struct.pack("<HH", 4095, 4) + struct.pack("<BI", 0, 1)
    + struct.pack("<BI", 1, 0),
    "console-slow": b"\2" + struct.pack("<HH", 10, 3) + struct.pack("<BI", 0, 0) * 15
    + struct.pack("<BI", 0, 1),
}

# fuzz_clock: source (0 kvmclock, 1 xen, 2 hyperv page, 3 hyperv ref count), xen
# cpu, the records, then (action, u64 tsc) per TSC read.
def pvrec(version, tsc, system_time, mul, shift, flags):
    return struct.pack("<IQQIbB", version, tsc, system_time, mul, shift, flags)


def tsc_step(action, tsc):
    return struct.pack("<BQ", action, tsc)


def xen_wc(version, sec, nsec, sec_hi):
    return struct.pack("<4I", version, sec, nsec, sec_hi)


clock = {
    "kvm-stable": b"\0\0" + pvrec(2, 1000, 5 << 30, 1 << 31, 1, 1) + struct.pack("<3I", 2, 1700000000, 5),
    "kvm-odd-forever": b"\0\0" + pvrec(7, 0, 0, 1 << 31, 0, 1) + struct.pack("<3I", 2, 1, 1),
    "kvm-changing": b"\0\0" + pvrec(2, 0, 0, 1 << 31, -32, 0) + struct.pack("<3I", 3, 1, 1)
    + tsc_step(2, 100) * 5 + tsc_step(1, 200) + tsc_step(1, 300),
    "kvm-shift-128": b"\0\0" + pvrec(2, 0, 2**64 - 1, 0xffffffff, -128, 0) + struct.pack("<3I", 2, 0xffffffff, 999999999)
    + tsc_step(0, 2**64 - 1),
    "kvm-shift-31": b"\0\0" + pvrec(4, 2**63, 2**63, 0xffffffff, 31, 1) + struct.pack("<3I", 2, 0, 10**9),
    "xen-wall-max": b"\1\0" + pvrec(2, 0, 2**64 - 10**9, 1 << 31, 0, 1)
    + xen_wc(2, 0xffffffff, 999999999, 0x7fffffff) + tsc_step(0, 2**40),
    "xen-wall-hi": b"\1\3" + pvrec(2, 0, 0, 1 << 31, 0, 0) + xen_wc(4, 0, 0, 0x80000000),
    "xen-wc-odd": b"\1\5" + pvrec(2, 0, 0, 1 << 31, 0, 0) + xen_wc(5, 1, 1, 0),
    "xen-cpu-33": b"\1\41" + pvrec(2, 0, 0, 1 << 31, 0, 0) + xen_wc(2, 1, 1, 0),
    "xen-changing": b"\1\1" + pvrec(1, 0, 0, 1, 5, 0) + xen_wc(2, 1, 1, 0)
    + tsc_step(1, 1) + tsc_step(2, 2) + tsc_step(3, 3),
    "hv-page": b"\2\0" + struct.pack("<IQqQ", 1, 1 << 63, -5, 77) + tsc_step(0, 10),
    "hv-page-invalid": b"\2\0" + struct.pack("<IQqQ", 0, 1 << 63, 0, 2**64 - 1),
    "hv-seq-changing": b"\2\0" + struct.pack("<IQqQ", 1, 2**64 - 1, -(2**63), 1)
    + tsc_step(1, 2**64 - 1) * 20,
    "hv-seq-ffffffff": b"\2\0" + struct.pack("<IQqQ", 0xffffffff, 3, 2**63 - 1, 1)
    + tsc_step(8, 5) + tsc_step(4, 6),
    "hv-ref-count": b"\3\0" + struct.pack("<IQqQ", 0, 0, 0, 2**63),
}

for name, seeds in (("x86_detect", x86), ("errors", errors), ("s390_sysib", s390),
                    ("xen_page", xen_page), ("vmware_rpc", vmware_rpc),
                    ("hyperv_rep", hyperv_rep), ("sbi_dbcn", sbi_dbcn),
                    ("clock", clock)):
    d = os.path.join(HERE, "seeds", name)
    os.makedirs(d, exist_ok=1)
    for seed, data in seeds.items():
        with open(os.path.join(d, seed), "wb") as f:
            f.write(data)
