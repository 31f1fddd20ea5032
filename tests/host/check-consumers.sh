#!/usr/bin/env bash
# The README's ways into a kernel, run for real with the x86_64 toolchain
# file alone (no -DHYP_TARGET, no test switches: what a kernel author types):
# add_subdirectory (which installs nothing of libhyp), FetchContent,
# cmake --install then find_package(libhyp) and find_package(hyp), pkg-config
# libhyp and hyp (Cflags as hyp::hyp's), and the plain compiler commands.
set -uo pipefail
src=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tc=$src/cmake/toolchain/x86_64-gcc.cmake
passed=0 failed=0

step() { # name command...
  local name=$1; shift
  if "$@" >"$tmp/log" 2>&1; then
    echo "PASS: $name"; passed=$((passed + 1))
  else
    echo "FAIL: $name"; tail -n 20 "$tmp/log"; failed=$((failed + 1))
  fi
}

consumer() { # mode build-dir [extra cmake args]
  local mode=$1 dir=$2; shift 2
  cmake -S "$src/tests/consumer" -B "$dir" -G Ninja -DCMAKE_TOOLCHAIN_FILE="$tc" \
        -DHYP_CONSUME="$mode" -DHYP_SOURCE_DIR="$src" "$@" &&
    cmake --build "$dir" && [ -f "$dir/libkernel.a" ]
}

step "add_subdirectory(libhyp) + hyp::hyp" consumer subdirectory "$tmp/sub"
step "add_subdirectory: cmake --install of the kernel installs nothing of libhyp" bash -c "
  cmake --install '$tmp/sub' --prefix '$tmp/subprefix' && [ ! -e '$tmp/subprefix/include/hyp' ]"
if git -C "$src" rev-parse HEAD >/dev/null 2>&1; then
  step "FetchContent_Declare(hyp GIT_REPOSITORY ...) + hyp::hyp" \
    consumer fetchcontent "$tmp/fetch" -DHYP_GIT_TAG="$(git -C "$src" rev-parse HEAD)"
fi
step "cmake --install of libhyp (x86_64)" bash -c "
  cmake -S '$src' -B '$tmp/lib' -G Ninja -DCMAKE_TOOLCHAIN_FILE='$tc' \
        -DCMAKE_INSTALL_PREFIX='$tmp/prefix' &&
  cmake --build '$tmp/lib' && cmake --install '$tmp/lib' &&
  [ -f '$tmp/prefix/lib/libhyp.a' ] && [ -f '$tmp/prefix/include/hyp/hyp.h' ] &&
  [ -f '$tmp/prefix/include/hyp/x86/kvm_hypercall.h' ]"
step "find_package(libhyp CONFIG) + hyp::hyp" consumer package-libhyp "$tmp/pkg-libhyp" \
  -DCMAKE_PREFIX_PATH="$tmp/prefix"
step "find_package(hyp CONFIG) + hyp::hyp" consumer package "$tmp/pkg" -DCMAKE_PREFIX_PATH="$tmp/prefix"
for pc in libhyp hyp; do
  step "pkg-config --cflags --libs $pc (Cflags: -ffreestanding)" bash -c "
  flags=\$(PKG_CONFIG_PATH='$tmp/prefix/lib/pkgconfig' pkg-config --cflags --libs $pc) &&
  echo \"\$flags\" | grep -q -- '-I$tmp/prefix/include' && echo \"\$flags\" | grep -q -- '-lhyp' &&
  echo \"\$flags\" | grep -q -- '-ffreestanding' &&
  x86_64-linux-gnu-gcc -Werror \$flags -c '$src/tests/consumer/kernel.c' -o '$tmp/k.o'"
done
step "without CMake: cc -I... -c lib/*.c lib/x86/*.c && ar" bash -c "
  mkdir -p '$tmp/plain' && cd '$tmp/plain' &&
  x86_64-linux-gnu-gcc -ffreestanding -mno-red-zone -mno-sse -Wall -Wextra -Werror \
    -I'$src/include' -I'$src/arch/x86/include' -c '$src'/lib/*.c '$src'/lib/x86/*.c &&
  ar rcs libhyp.a *.o && nm libhyp.a | grep -q ' T hyp_init' &&
  x86_64-linux-gnu-gcc -ffreestanding -Werror -I'$src/include' -I'$src/arch/x86/include' \
    -c '$src/tests/consumer/kernel.c' -o kernel.o"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
