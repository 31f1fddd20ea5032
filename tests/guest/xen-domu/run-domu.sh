#!/bin/bash
# Runs test images as domUs that the real toolstack creates: Xen 4.17 with a
# dom0 (Debian's Linux 6.1, xl, xenstored, xenconsoled; fixture xen-domu-ARCH,
# tests/guest/xen-domu/fetch.sh) booted by QEMU under TCG. Called as
# run-domu.sh: x86_64 (PV dom0, PVH domUs: ELF images); as run-domu-arm64.sh
# (a link to this file): arm64 (domUs: arm64 Images, what xl's kernel= takes
# on Arm).
#
# usage: run-domu.sh BUILD_DIR HELPER|- DOMAIN...
#   DOMAIN = NAME|IMAGE|REASON|CMDLINE: `xl create -p` of IMAGE as domU
#   NAME with CMDLINE (hvm_start_info's command line, /chosen/bootargs on
#   Arm; @HOST_TIME@ becomes the host's `date +%s`); HELPER (a static Linux program, or -) runs in dom0 as
#   `HELPER NAME DOMID` while the domain runs (started before `xl unpause`),
#   each of its lines "domu-helper: NAME: PASS: ..." (or FAIL:, SKIP:);
#   REASON (poweroff, reboot, crash) is the shutdown reason `xl list -v` must
#   show after the domain stopped.
# One boot for all domains (the boot costs 30-50 s of TCG), one after the other.
#
# Output: each domain's lines (x86: its port 0xE9 writes, which Xen prints as
# "(dN) text"; Arm, where nothing but the PV console reaches out of a domU:
# its lines in xenconsoled's log) as "[NAME] text", the helper's as "[NAME helper] text", then
# this runner's own checks (the domain's summary, its shutdown reason) as
# PASS/FAIL lines and one closing line "N passed, N failed, N skipped" that
# sums every domain's, the helper's and the runner's checks.
# Exit 0 when that line says 0 failed and N passed > 0; 1 otherwise; 77 (after
# "SKIP: reason") when QEMU or the fixture is missing. QEMU's own status is 0
# on every Xen exit and is never read as a verdict.
set -uo pipefail

skip() {
	echo "SKIP: $*"
	exit 77
}

[ $# -ge 3 ] || { echo "usage: $0 BUILD_DIR HELPER|- NAME|IMAGE|REASON|CMDLINE..." >&2; exit 2; }
build=$1 helper=$2
shift 2
case $(basename "$0") in
	run-domu-arm64.sh) arch=arm64 qemu=qemu-system-aarch64 ;;
	*) arch=x86_64 qemu=qemu-system-x86_64 ;;
esac
command -v $qemu >/dev/null || skip "$qemu not installed"
command -v cpio >/dev/null || skip "cpio not installed"
current=${HYP_CACHE:-/var/cache/libhyp}/xen-domu-$arch/current
fx=$(cat "$current" 2>/dev/null) || fx=""
[ -n "$fx" ] && [ -s "$fx/dom0.cpio.gz" ] && [ -s "$fx/xen" ] ||
	skip "fixture xen-domu-$arch missing (tests/fixtures.sh xen-domu-$arch)"

mkdir -p "$build"
work=$(mktemp -d "$build/domu.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/domu"
names=() whys=()
host_time=$(date +%s)
cat >"$work/root/domu/run.sh" <<'RUN'
#!/bin/sh
# Written by run-domu.sh: creates each domain, plays dom0's part, reports.
run() {
	name=$1
	if ! xl create -p /domu/$name.cfg >/tmp/$name.create 2>&1; then
		sed "s/^/domu-error: $name: xl create: /" /tmp/$name.create
		return
	fi
	id=$(xl domid $name)
	d=/local/domain/$id/data
	echo "domu-start: $name $id"
	# What the domain reads (data/test, a value longer than its buffer)
	# and the watch it must see fire once it writes data/ready.
	xenstore-write $d/test hello-from-dom0
	xenstore-write $d/long "$(head -c 3000 /dev/zero | tr '\0' L)"
	(
		i=0
		while [ $i -lt 600 ]; do
			[ "$(xenstore-read $d/ready 2>/dev/null)" = 1 ] && {
				xenstore-write $d/watched from-dom0
				break
			}
			sleep 0.3; i=$((i + 1))
		done
	) &
	wp=$!
	hp=""
	if [ -x /domu/helper ]; then
		/domu/helper $name $id 2>&1 &
		hp=$!
	fi
	xl unpause $name
	i=0
	while [ $i -lt 1200 ]; do
		st=$(xl list $name 2>/dev/null | awk 'NR == 2 { print $5 }')
		case $st in *s*|*c*) break ;; esac
		sleep 0.5; i=$((i + 1))
	done
	kill $wp 2>/dev/null
	[ -n "$hp" ] && { sleep 1; kill $hp 2>/dev/null; wait $hp 2>/dev/null; }
	echo "domu-state: $name $st"
	xl list -v $name 2>/dev/null | awk -v n=$name 'NR == 2 { print "domu-reason: " n " " $8 }'
	for k in $(xenstore-list $d 2>/dev/null); do
		[ $k = long ] || echo "domu-store: $name data/$k=$(xenstore-read $d/$k)"
	done
	log=/var/log/xen/console/guest-$name.log
	grep -v '^[a-z]\{63\}$' $log 2>/dev/null | sed "s/^/domu-conslog: $name: /"
	echo "domu-conslog: $name: ($(grep -c '^[a-z]\{63\}$' $log 2>/dev/null) lines of filler)"
	xl destroy $name 2>/dev/null
}
RUN
for d in "$@"; do
	IFS='|' read -r name image why cmdline <<<"$d"
	[ -f "$image" ] || { echo "run-domu: no such image: $image" >&2; exit 2; }
	case $why in poweroff|reboot|crash) ;; *) echo "run-domu: reason must be poweroff, reboot or crash: $why" >&2; exit 2 ;; esac
	cmdline=${cmdline//@HOST_TIME@/$host_time}
	cp "$image" "$work/root/domu/$name.img"
	type='type = "pvh"'
	[ $arch = arm64 ] && type=""         # Arm has one domain type
	cat >"$work/root/domu/$name.cfg" <<CFG
name = "$name"
$type
kernel = "/domu/$name.img"
cmdline = "$cmdline"
memory = 32
vcpus = 1
on_poweroff = "preserve"
on_reboot = "preserve"
on_crash = "preserve"
CFG
	echo "run $name" >>"$work/root/domu/run.sh"
	names+=("$name")
	whys+=("$why")
done
chmod +x "$work/root/domu/run.sh"
cp "$(dirname "$0")/dom0-init.sh" "$work/root/init"
[ "$helper" = - ] || cp "$helper" "$work/root/domu/helper"
(cd "$work/root" && find . | cpio -o -H newc --quiet | gzip -1) >"$work/domu.cpio.gz"
cat "$fx/dom0.cpio.gz" "$work/domu.cpio.gz" >"$work/initrd.gz"

log=$build/run-domu-$arch-${names[0]}.log
dom0_args="console=hvc0 quiet loglevel=3 rdinit=/init"
xen_args="loglvl=warning guest_loglvl=all dom0_mem=512M,max:512M dom0_max_vcpus=1 bootscrub=0"
if [ $arch = x86_64 ]; then
	timeout "${HYP_DOMU_TIMEOUT:-600}" qemu-system-x86_64 -accel tcg -cpu max,-smap -m 2048 -smp 1 \
		-display none -no-reboot -serial stdio -monitor none -nodefaults \
		-kernel "$fx/xen" -append "console=com1 com1=115200,8n1 $xen_args" \
		-initrd "$fx/kernel $dom0_args,$work/initrd.gz" \
		</dev/null 2>&1 | sed -u 's/\r$//' >"$log"
else
	# QEMU's guest-loader puts dom0's Image, command line and initrd in Xen's
	# device tree (commas in bootargs doubled).
	timeout "${HYP_DOMU_TIMEOUT:-600}" qemu-system-aarch64 -M virt,virtualization=on,gic-version=3 \
		-accel tcg -cpu cortex-a57 -m 2048 -smp 1 -display none -no-reboot -serial stdio \
		-monitor none -kernel "$fx/xen" -append "console=dtuart $xen_args" \
		-device "guest-loader,addr=0x49000000,kernel=$fx/kernel,bootargs=${dom0_args//,/,,}" \
		-device "guest-loader,addr=0x50000000,initrd=$work/initrd.gz" \
		</dev/null 2>&1 | sed -u 's/\r$//' >"$log"
fi

# The verdict, from the console alone.
python3 - "$log" "$arch" "${names[@]}" -- "${whys[@]}" <<'PY'
import re, sys
arm = sys.argv[2] == 'arm64'
args = sys.argv[3:]
sep = args.index('--')
names, whys = args[:sep], args[sep + 1:]
codes = {'poweroff': 0, 'reboot': 1, 'suspend': 2, 'crash': 3}
lines = open(sys.argv[1], errors='replace').read().splitlines()
domid, seen, reason, state, errors = {}, {}, {}, {}, []
conslog, store, expect_cons, expect_store = {}, {}, {}, {}
def domain_line(n, text):
    print('[%s] %s' % (n, text))
    e = re.match(r'EXPECT-CONSOLE: (.*)$', text)
    if e:
        expect_cons.setdefault(n, []).append(e.group(1))
    e = re.match(r'EXPECT-STORE: ([^=]*)=(.*)$', text)
    if e:
        expect_store.setdefault(n, []).append((e.group(1), e.group(2)))
    s = re.match(r'(\d+) passed, (\d+) failed, (\d+) skipped$', text)
    if s:
        seen[n]['summary'] = tuple(int(x) for x in s.groups())
for l in lines:
    m = re.match(r'domu-start: (\S+) (\d+)$', l)
    if m:
        domid[m.group(2)] = m.group(1)
        seen[m.group(1)] = {'pass': 0, 'fail': 0, 'skip': 0, 'summary': None}
        continue
    m = re.match(r'domu-reason: (\S+) (\S+)$', l)
    if m:
        reason[m.group(1)] = m.group(2)
        continue
    m = re.match(r'domu-conslog: (\S+): (.*)$', l)
    if m:
        if arm and m.group(1) in seen:
            domain_line(m.group(1), m.group(2))
        if not m.group(2).startswith('EXPECT-CONSOLE: '):
            conslog.setdefault(m.group(1), []).append(m.group(2))
        continue
    m = re.match(r'domu-store: (\S+) ([^=]*)=(.*)$', l)
    if m:
        store.setdefault(m.group(1), {})[m.group(2)] = m.group(3)
        continue
    m = re.match(r'domu-state: (\S+) (\S*)$', l)
    if m:
        state[m.group(1)] = m.group(2)
        continue
    if l.startswith('domu-error: '):
        errors.append(l)
        print(l)
        continue
    m = re.match(r'domu-helper: (\S+): (.*)$', l)
    if m and m.group(1) in seen:
        print('[%s helper] %s' % (m.group(1), m.group(2)))
        t = m.group(2)
        s = seen[m.group(1)]
        if t.startswith('PASS: '): s['pass'] += 1
        elif t.startswith('FAIL: '): s['fail'] += 1
        elif t.startswith('SKIP: '): s['skip'] += 1
        continue
    m = re.match(r'\(d(\d+)\) (.*)$', l)
    if m and m.group(1) in domid:
        domain_line(domid[m.group(1)], m.group(2))
        continue
    if l.startswith('dom0: ') or l.startswith('(XEN)') and ('domain_crash' in l or 'crash' in l.lower()):
        print(l)
npass = nfail = nskip = 0
def check(ok, text):
    global npass, nfail
    print('%s: %s' % ('PASS' if ok else 'FAIL', text))
    if ok: npass += 1
    else: nfail += 1
for n, why in zip(names, whys):
    s = seen.get(n)
    if s is None:
        check(False, '%s: never started (xl create)' % n)
        continue
    summ = s['summary']
    check(summ is not None, '%s: the domain printed its summary%s' % (n, '' if summ else ' (none: it hung or died)'))
    if summ:
        npass += summ[0]; nfail += summ[1]; nskip += summ[2]
    npass += s['pass']; nfail += s['fail']; nskip += s['skip']
    for text in expect_cons.get(n, []):
        check(any(text in c for c in conslog.get(n, [])),
              '%s: xenconsoled logged "%s"' % (n, text))
    for path, value in expect_store.get(n, []):
        got = store.get(n, {}).get(path)
        check(got == value, '%s: xenstore %s = "%s" after the domain stopped, want "%s"' %
              (n, path, got, value))
    got = reason.get(n)
    check(got == str(codes[why]), '%s: xl list -v Reason-Code %s, want %d (%s); state %s' %
          (n, got, codes[why], why, state.get(n)))
nfail += len(errors)
print('%d passed, %d failed, %d skipped' % (npass, nfail, nskip))
sys.exit(0 if nfail == 0 and npass > 0 else 1)
PY
rc=$?
if [ "$rc" -ne 0 ]; then
	echo "---- the end of the console ($log) ----"
	tail -n 40 "$log"
fi
exit "$rc"
