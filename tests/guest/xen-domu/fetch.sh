#!/bin/bash
# Fixtures xen-domu-x86_64 and xen-domu-arm64 (tests/fixtures.sh): a real Xen
# toolstack to create domUs with. usage: fetch.sh x86_64|arm64
# Debian 12's Xen 4.17 hypervisor, its dom0 Linux and a dom0 initramfs
# (busybox, xl, xenstored, xenconsoled, the xenstore tools, the Xen modules and
# every library they need), all from `apt-get download` + `dpkg -x` of that
# architecture's packages, assembled once into
# ${HYP_CACHE:-/var/cache/libhyp}/xen-domu-ARCH/<key>/{xen,kernel,dom0.cpio.gz}
# where <key> hashes the package versions and this script. xen: the multiboot
# ELF (x86_64) or Xen's arm64 Image; kernel: dom0 Linux as Xen loads it fastest,
# the unpacked vmlinux on x86_64 (Xen unpacking the xz bzImage costs ~11 s of
# TCG per boot), the arm64 Image. Prints that directory, also written to
# <cache>/xen-domu-ARCH/current (what the runner reads). Exit 77 (after
# "SKIP: reason") when the archive cannot be reached.
#
# The runner (run-domu.sh) appends a second cpio: dom0's /init (dom0-init.sh),
# the test images and the script that creates them.
set -eu   # no pipefail: "| head -n 1" pipelines end their writer early

skip() {
	echo "SKIP: $*"
	exit 77
}

arch=${1:-}
case $arch in
	x86_64) deb=amd64 triple=x86_64-linux-gnu objdump=objdump ;;
	arm64) deb=arm64 triple=aarch64-linux-gnu objdump=aarch64-linux-gnu-objdump
		command -v $objdump >/dev/null || objdump=objdump ;;
	*) echo "usage: $0 x86_64|arm64" >&2; exit 2 ;;
esac
# Foreign packages carry their architecture (apt-get download NAME:arm64).
q=""
[ "$(dpkg --print-architecture)" = "$deb" ] || q=":$deb"

for t in apt-get apt-cache dpkg cpio gzip xz $objdump; do
	command -v $t >/dev/null || skip "$t not installed"
done

kver=$(apt-cache depends "linux-image-$deb$q" 2>/dev/null |
	sed -n "s/^ *Depends: linux-image-\([0-9][^ ]*-$deb\)\(:$deb\)\?\$/\1/p" | head -n 1)
[ -n "$kver" ] || skip "apt-cache knows no linux-image-$deb$q (dpkg --add-architecture $deb; apt-get update)"
pkgs=("xen-hypervisor-4.17-$deb" xen-utils-4.17 xen-utils-common xenstore-utils
	busybox-static "linux-image-$kver"
	libxencall1 libxenevtchn1 libxenforeignmemory1 libxengnttab1 libxenmisc4.17
	libxenstore4 libxentoollog1 libxendevicemodel1 libxenhypfs1 libxentoolcore1
	libyajl2 libc6 libgcc-s1 zlib1g liblzma5 libzstd1 libuuid1 libext2fs2
	libcom-err2 libncurses6 libtinfo6)
[ "$arch" = arm64 ] && pkgs+=(libfdt1)
pkgs=("${pkgs[@]/%/$q}")
versions=$(apt-cache policy "${pkgs[@]}" 2>/dev/null |
	awk '/^[^ ]/ { p = $1; sub(":$", "", p) } /^ *Candidate:/ { print p "=" $2 }')
for p in "${pkgs[@]}"; do
	echo "$versions" | grep -q "^$p=[^(]" || skip "apt-cache has no candidate for $p (apt-get update)"
done
key=$( (echo "$versions"; cat "$0") | sha256sum | cut -c1-16)
base=${HYP_CACHE:-/var/cache/libhyp}/xen-domu-$arch
out=$base/$key
mkdir -p "$base"
exec 9>"$base/lock"
flock 9
if [ -s "$out/dom0.cpio.gz" ] && [ -s "$out/kernel" ] && [ -s "$out/xen" ]; then
	echo "$out" >"$base/current"
	echo "$out"
	exit 0
fi

tmp=$(mktemp -d "$base/build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "downloading ${#pkgs[@]} packages (linux $kver)"
mkdir -p "$tmp/debs" "$tmp/x"
(cd "$tmp/debs" && apt-get download "${pkgs[@]}" >"$tmp/download.log" 2>&1) ||
	{ tail -n 5 "$tmp/download.log"; skip "apt-get download failed (network, apt-get update)"; }
for d in "$tmp"/debs/*.deb; do
	echo "unpacking $(basename "$d")"
	dpkg -x "$d" "$tmp/x"
done
x=$tmp/x

vmlinuz=$x/boot/vmlinuz-$kver
if [ "$arch" = x86_64 ]; then
	# Xen: multiboot ELF for QEMU's -kernel. dom0: the ELF inside the xz bzImage.
	zcat "$x"/boot/xen-4.17-amd64.gz >"$tmp/xen"
	off=$(LC_ALL=C grep -abo $'\xfd7zXZ' "$vmlinuz" | head -n 1 | cut -d: -f1)
	[ -n "$off" ] || { echo "no xz stream in $vmlinuz" >&2; exit 1; }
	tail -c +$((off + 1)) "$vmlinuz" | xz -dc >"$tmp/kernel" 2>/dev/null || true
	[ "$(head -c 4 "$tmp/kernel" | od -An -c | tr -d ' ')" = '177ELF' ] ||
		{ echo "unpacking $vmlinuz gave no ELF" >&2; exit 1; }
else
	# Xen's and Linux's arm64 Images ("ARM\x64" at 0x38), gzip or not.
	cp "$x"/boot/xen-4.17-arm64 "$tmp/xen"
	if [ "$(head -c 2 "$vmlinuz" | od -An -tx1 | tr -d ' ')" = 1f8b ]; then
		zcat "$vmlinuz" >"$tmp/kernel"
	else
		cp "$vmlinuz" "$tmp/kernel"
	fi
	[ "$(dd if="$tmp/kernel" bs=1 skip=56 count=4 2>/dev/null)" = $'ARM\x64' ] ||
		{ echo "$vmlinuz is no arm64 Image" >&2; exit 1; }
fi

# The initramfs.
r=$tmp/root
mkdir -p "$r"/{bin,sbin,dev,proc,sys,run,tmp,etc,lib/modules,lib64,domu,var/lib/xen,var/log/xen/console,usr/lib/xen-4.17/bin,usr/bin,usr/sbin}
ln -s ../run "$r/var/run"
cp "$x/bin/busybox" "$r/bin/busybox"
for a in sh mount mkdir insmod sleep cat echo ls grep sed ps kill poweroff reboot \
	awk tr head tail cut wc date seq dd od xxd hexdump; do
	ln -s busybox "$r/bin/$a"
done
cp -a "$x/usr/lib/xen-4.17/bin/." "$r/usr/lib/xen-4.17/bin/"
for f in "$x"/usr/bin/xenstore*; do
	[ -e "$f" ] && cp -a "$f" "$r/usr/bin/"
done
ln -sf ../lib/xen-4.17/bin/xl "$r/usr/sbin/xl"
[ -d "$x/etc/xen" ] && cp -a "$x/etc/xen" "$r/etc/"
mkdir -p "$r/var/lib/xenstored" "$r/etc/xen"
# xenstored and friends, wherever the packages put them.
for b in xenstored oxenstored xenconsoled xen-init-dom0; do
	f=$(find "$x" -name "$b" -type f | head -n 1)
	[ -n "$f" ] && cp "$f" "$r/usr/sbin/$b"
done
[ -x "$r/usr/sbin/xenstored" ] || { echo "no xenstored in the packages" >&2; exit 1; }
[ -x "$r/usr/sbin/xenconsoled" ] || { echo "no xenconsoled in the packages" >&2; exit 1; }
for m in xen-evtchn xen-privcmd xenfs xen-gntdev xen-gntalloc; do
	f=$(find "$x/lib/modules/$kver" -name "$m.ko*" | head -n 1)
	if [ -z "$f" ]; then       # built in?
		grep -q "/$m.ko\$" "$x/lib/modules/$kver/modules.builtin" 2>/dev/null && continue
		echo "no module $m" >&2; exit 1
	fi
	case $f in
		*.xz) xz -dc "$f" >"$r/lib/modules/$m.ko" ;;
		*) cp "$f" "$r/lib/modules/$m.ko" ;;
	esac
done

# Libraries: what every ELF in the root needs, found among the packages
# (libgcc_s.so.1 too: glibc dlopens it for xl's pthread_cancel, no NEEDED names it).
libdirs=("$x/lib/$triple" "$x/usr/lib/$triple" "$x/usr/lib/xen-4.17/lib")
mkdir -p "$r/lib/$triple"
want=(libgcc_s.so.1)
while read -r f; do
	want+=($($objdump -p "$f" 2>/dev/null | sed -n 's/^ *NEEDED *//p'))
done < <(find "$r" -type f)
done_libs=" "
while [ ${#want[@]} -gt 0 ]; do
	l=${want[0]}
	want=("${want[@]:1}")
	case $done_libs in *" $l "*) continue ;; esac
	done_libs+="$l "
	src=""
	for d in "${libdirs[@]}"; do
		[ -e "$d/$l" ] && { src=$d/$l; break; }
	done
	[ -n "$src" ] || { echo "library $l: in none of the packages" >&2; exit 1; }
	cp -L "$src" "$r/lib/$triple/$l"
	want+=($($objdump -p "$src" 2>/dev/null | sed -n 's/^ *NEEDED *//p'))
done
if [ "$arch" = x86_64 ]; then
	cp -L "$x/lib64/ld-linux-x86-64.so.2" "$r/lib64/" 2>/dev/null ||
		cp -L "$x/lib/$triple/ld-linux-x86-64.so.2" "$r/lib64/"
else
	cp -L "$x/lib/ld-linux-aarch64.so.1" "$r/lib/" 2>/dev/null ||
		cp -L "$x/lib/$triple/ld-linux-aarch64.so.1" "$r/lib/"
fi
mkdir -p "$r/usr/lib"
ln -s ../lib/$triple "$r/usr/lib/$triple"
ln -s xen-4.17 "$r/usr/lib/xen"

(cd "$r" && find . | cpio -o -H newc --quiet | gzip -6) >"$tmp/dom0.cpio.gz"

mkdir -p "$out"
mv "$tmp/xen" "$tmp/kernel" "$tmp/dom0.cpio.gz" "$out/"
echo "$versions" >"$out/versions"
echo "$out" >"$base/current"
echo "$out"
