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
  qemu-system-x86 qemu-system-ppc qemu-system-misc qemu-system-mips
  xen-hypervisor-4.17-amd64 linux-image-amd64 busybox-static xz-utils
  libfuzzer-14-dev libclang-rt-14-dev cppcheck clang-tidy
  linux-libc-dev-s390x-cross
  linux-libc-dev-powerpc-cross
  linux-source-6.1
  g++
)

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
