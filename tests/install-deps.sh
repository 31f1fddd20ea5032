#!/usr/bin/env bash
# Install what building and testing libhyp needs, from Debian 12's archive.
# Does nothing when everything is present; run as root (or with sudo).
set -euo pipefail

packages=(
  cmake ninja-build gcc clang lld llvm binutils cpio git pkg-config python3
  libcmocka-dev libfdt-dev device-tree-compiler libxen-dev linux-libc-dev
  gcc-i686-linux-gnu libc6-dev-i386-cross
  gcc-s390x-linux-gnu gcc-powerpc64-linux-gnu gcc-powerpc64le-linux-gnu
  gcc-powerpc-linux-gnu gcc-mips-linux-gnu gcc-mipsel-linux-gnu
  gcc-mips64-linux-gnuabi64
  qemu-system-x86 qemu-system-ppc qemu-system-misc qemu-system-mips qemu-user
  xen-hypervisor-4.17-amd64 linux-image-amd64 busybox-static xz-utils
  libfuzzer-14-dev libclang-rt-14-dev cppcheck clang-tidy
  linux-libc-dev-s390x-cross
  linux-libc-dev-powerpc-cross
  gcc-riscv64-linux-gnu opensbi libc6-dev-riscv64-cross linux-libc-dev-riscv64-cross
  linux-source-6.1 flex bison bc
  gcc-aarch64-linux-gnu libc6-dev-arm64-cross linux-libc-dev-arm64-cross qemu-system-arm
  g++ libssl-dev meson
  libc6-dev-ppc64el-cross linux-libc-dev-ppc64el-cross
)

# arm64 packages for the aarch64 KVM and Xen runs (apt-get download + dpkg -x
# by tests/guest/kvm-host-arm64 and xen-host-arm64): the foreign architecture.
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
	arch_sudo=""
	[ "$(id -u)" -eq 0 ] || arch_sudo=sudo
	$arch_sudo dpkg --add-architecture arm64
	$arch_sudo apt-get update -qq
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
