#!/bin/sh
# dom0 /init of run-domu.sh (the fixture xen-domu-ARCH has the programs):
# the toolstack, then /domu/run.sh, then a reboot that ends Xen and QEMU.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/xen-4.17/bin
export LD_LIBRARY_PATH=/lib/x86_64-linux-gnu:/lib/aarch64-linux-gnu:/usr/lib/xen-4.17/lib
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /dev/pts
mount -t devpts devpts /dev/pts
mount -t tmpfs tmp /run
mount -t tmpfs tmp /tmp
mkdir -p /run/xen /run/xenstored /var/log/xen/console /var/lib/xen
for m in xen-evtchn xen-privcmd xenfs xen-gntdev xen-gntalloc; do
	insmod /lib/modules/$m.ko 2>/dev/null
done
mount -t xenfs xenfs /proc/xen
echo "dom0: toolstack starting"
xenstored --pid-file /run/xenstored.pid
xen-init-dom0 >/dev/null 2>&1
xenconsoled --log=guest --log-dir=/var/log/xen/console
echo "dom0: toolstack up"
/domu/run.sh
echo "dom0: done"
reboot -f
