# How a guest image becomes a CTest test (tests/guest and examples/): booted
# through tests/guest/run-guest.sh, labelled with the environment that answers
# it, and started only once the fixture its runner needs exists.

set(HYP_GUEST_RUN ${PROJECT_SOURCE_DIR}/tests/guest/run-guest.sh CACHE INTERNAL "")
# with-date.sh COMMAND...: "@DATE@" in the arguments becomes the host's `date +%s`.
set(HYP_GUEST_WITH_DATE ${PROJECT_SOURCE_DIR}/tests/guest/with-date.sh CACHE INTERNAL "")

# The runners of real hypervisors: "<runner path suffix>|<environment>|<fixture or ->".
# A fixture is prepared by tests/fixtures.sh (a kernel built from source, .debs
# fetched) outside every test's timeout; the test requires it.
set(HYP_GUEST_RUNNERS
  "kvm-host/run-under-kvm.sh|kvm-x86|-"
  "xen-host/run-under-xen.sh|xen-x86|-"
  "xen-domu/run-domu.sh|Xen domU x86|xen-domu-x86_64"
  "xen-domu/run-domu-arm64.sh|Xen domU arm64|xen-domu-arm64"
  "kvm-host-arm64/run-under-kvm-arm64.sh|kvm-arm64|debs-kvm-arm64"
  "xen-host-arm64/run-under-xen-arm64.sh|xen-arm64|debs-xen-arm64"
  "kvm-host-riscv64/run-under-kvm.sh|kvm-riscv64|kernel-riscv64"
  "kvm-host-ppc64/run-under-kvm-pr.sh|kvm-pr-ppc64|kernel-ppc64le")

# hyp_guest_fixture(<fixture>): the setup test that prepares <fixture> in this
# build (once), with its own budget; tests naming it in FIXTURES_REQUIRED wait for it.
function(hyp_guest_fixture fixture)
  set(t fixture-${fixture}-${HYP_TARGET})
  get_property(done GLOBAL PROPERTY HYP_GUEST_FIXTURES)
  if(fixture IN_LIST done)
    return()
  endif()
  set_property(GLOBAL APPEND PROPERTY HYP_GUEST_FIXTURES ${fixture})
  add_test(NAME ${t} COMMAND ${PROJECT_SOURCE_DIR}/tests/fixtures.sh ${fixture})
  set_tests_properties(${t} PROPERTIES TIMEOUT 3600 SKIP_RETURN_CODE 77
    FIXTURES_SETUP ${fixture} RESOURCE_LOCK fixture-${fixture} LABELS "fixture;env:fixture")
endfunction()

# hyp_guest_test_env(<test> <env> <command...>): the environment label
# env:<name>: the runner's named in the command, whose fixture the test then
# requires (and is labelled fixture:<name>); else <env> if not empty; else the
# directory's HYP_GUEST_ENV (a test directory whose image plays its own
# hypervisor sets it to "harness"); else tcg.
function(hyp_guest_test_env name default_env)
  set(env "")
  foreach(r IN LISTS HYP_GUEST_RUNNERS)
    string(REPLACE "|" ";" r "${r}")
    list(GET r 0 runner)
    list(GET r 1 renv)
    list(GET r 2 fixture)
    string(FIND "${ARGN}" "/${runner}" pos)
    if(pos GREATER -1)
      set(env ${renv})
      if(NOT fixture STREQUAL "-")
        hyp_guest_fixture(${fixture})
        set_property(TEST ${name} APPEND PROPERTY FIXTURES_REQUIRED ${fixture})
        set_property(TEST ${name} APPEND PROPERTY LABELS fixture:${fixture})
      endif()
      break()
    endif()
  endforeach()
  if(NOT env)
    set(env ${default_env})
  endif()
  if(NOT env)
    set(env ${HYP_GUEST_ENV})
  endif()
  if(NOT env)
    set(env tcg)
  endif()
  set_property(TEST ${name} APPEND PROPERTY LABELS env:${env})
endfunction()

# hyp_guest_test(<name> [TIMEOUT s] [PASS_RC rc] [NO_SUMMARY] [ENV env] [EXPECT text...]
#                COMMAND <qemu...>)
# Registers a CTest that boots the image through run-guest.sh; ENV: its
# environment label where neither the runner nor HYP_GUEST_ENV says it.
function(hyp_guest_test name)
  cmake_parse_arguments(T "NO_SUMMARY" "TIMEOUT;PASS_RC;ENV" "EXPECT;COMMAND" ${ARGN})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 30)
  endif()
  if(NOT DEFINED T_PASS_RC)
    set(T_PASS_RC 0)
  endif()
  set(expect_args "")
  foreach(e IN LISTS T_EXPECT)
    list(APPEND expect_args --expect "${e}")
  endforeach()
  if(T_NO_SUMMARY)                # an example: its exit status is the verdict
    list(APPEND expect_args --no-summary)
  endif()
  add_test(NAME ${name}
    COMMAND ${HYP_GUEST_RUN} --name ${name} --timeout ${T_TIMEOUT} --pass-rc ${T_PASS_RC}
            ${expect_args} -- ${T_COMMAND})
  set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 77 LABELS "guest;${HYP_TARGET}")
  hyp_guest_test_env(${name} "${T_ENV}" ${T_COMMAND})
endfunction()
