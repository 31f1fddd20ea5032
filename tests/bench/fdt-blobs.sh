#!/usr/bin/env bash
# Device trees for the lookup benchmark (part 3), in directory $1:
#   pseries.dtb   qemu-system-ppc64 -M pseries,x-vof=on,dumpdtb=...
#   ppce500.dtb   qemu-system-ppc -M ppce500,dumpdtb=... (a kernel file is required: a 1-insn ELF)
#   synthetic.dtb a large generated tree (dtc): 64 buses x 64 devices, 6 properties each
# Each gets the /hypervisor node QEMU adds under KVM (compatible "linux,kvm",
# "epapr,hypervisor-1"; hcall-instructions sc 1 + 3 nops), as the root's last child.
set -euo pipefail
out=$1
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

qemu-system-ppc64 -M pseries,x-vof=on,dumpdtb="$out/pseries.dtb" -display none
printf '.globl _start\n_start: b _start\n' >"$tmp/k.S"
powerpc-linux-gnu-gcc -nostdlib -static -Wl,-Ttext=0x100000 -o "$tmp/k.elf" "$tmp/k.S"
qemu-system-ppc -M ppce500,dumpdtb="$out/ppce500.dtb" -cpu e500mc -display none -kernel "$tmp/k.elf"

python3 - "$tmp/synthetic.dts" <<'PY'
import sys
lines = ["/dts-v1/;", "/ {", '\t#address-cells = <2>;', '\t#size-cells = <2>;',
         '\tcompatible = "libhyp,bench";', '\tmodel = "libhyp synthetic tree";']
for b in range(64):
    lines.append(f"\tbus@{b:x}0000000 {{")
    lines += ['\t\tcompatible = "simple-bus";', '\t\t#address-cells = <1>;',
              '\t\t#size-cells = <1>;', f'\t\tranges = <0x0 0x{b:x} 0x0 0x10000000>;']
    for d in range(64):
        lines += [f"\t\tdevice@{d:x}000 {{", f'\t\t\tcompatible = "vendor,dev{d % 7}", "generic";',
                  f'\t\t\treg = <0x{d:x}000 0x1000>;', f'\t\t\tinterrupts = <{d} 4>;',
                  '\t\t\tclock-frequency = <100000000>;', '\t\t\tstatus = "okay";',
                  f'\t\t\tlabel = "bus{b}-dev{d}";', "\t\t};"]
    lines.append("\t};")
lines.append("};")
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
dtc -q -I dts -O dtb -o "$out/synthetic.dtb" "$tmp/synthetic.dts"

# /hypervisor as the root's last child: a path lookup walks past every other subtree.
for f in "$out"/pseries.dtb "$out"/ppce500.dtb "$out"/synthetic.dtb; do
  dtc -q -I dtb -O dts -o "$tmp/t.dts" "$f"
  python3 - "$tmp/t.dts" <<'PY'
import sys
text = open(sys.argv[1]).read().rstrip()
assert text.endswith("};")
node = ('\thypervisor {\n\t\tcompatible = "linux,kvm", "epapr,hypervisor-1";\n'
        '\t\thcall-instructions = <0x44000022 0x60000000 0x60000000 0x60000000>;\n\t};\n')
open(sys.argv[1], "w").write(text[:-2] + node + "};\n")
PY
  dtc -q -I dts -O dtb -o "$f" "$tmp/t.dts"
  fdtget -t x "$f" /hypervisor hcall-instructions >/dev/null
done
ls -l "$out"
