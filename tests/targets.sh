# Sourced by bash scripts: reads cmake/targets.txt (the target table, fields
# described there) into associative arrays keyed by target, and the list
# hyp_targets in table order. Needs $HYP_SRC or the caller's cwd at the top.
# shellcheck shell=bash disable=SC2034  # the arrays are for the caller
declare -a hyp_targets=()
declare -A hyp_arch=() hyp_gcc=() hyp_gcc_flags=() hyp_clang=() hyp_clang_flags=() \
	hyp_cppcheck=() hyp_cxx=()
_hyp_trim() { local s=$1; s=${s#"${s%%[![:space:]]*}"}; printf '%s' "${s%"${s##*[![:space:]]}"}"; }
while IFS=';' read -r t arch _procs gcc gflags clang cflags cppc cxx; do
	t=$(_hyp_trim "$t")
	case $t in '' | '#'*) continue ;; esac
	hyp_targets+=("$t")
	hyp_arch[$t]=$(_hyp_trim "$arch")
	hyp_gcc[$t]=$(_hyp_trim "$gcc")
	hyp_gcc_flags[$t]=$(_hyp_trim "$gflags")
	hyp_clang[$t]=$(_hyp_trim "$clang")
	hyp_clang_flags[$t]=$(_hyp_trim "$cflags")
	hyp_cppcheck[$t]=$(_hyp_trim "$cppc")
	hyp_cxx[$t]=$(_hyp_trim "$cxx")
done <"${HYP_SRC:-.}/cmake/targets.txt"
unset -f _hyp_trim
