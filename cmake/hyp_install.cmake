# cmake --install: headers, libhyp.a, the CMake package under both names
# (find_package(libhyp) and find_package(hyp), target hyp::hyp) and the
# pkg-config file under both names (libhyp.pc, hyp.pc). Cflags carry what
# hyp::hyp's INTERFACE options carry (HYP_INTERFACE_CFLAGS, lib/CMakeLists.txt).
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ ${PROJECT_SOURCE_DIR}/arch/${HYP_ARCH}/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS hyp EXPORT hypTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT hypTargets NAMESPACE hyp:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hyp)
foreach(_name hyp libhyp)
  configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/hypConfig.cmake.in
    ${PROJECT_BINARY_DIR}/${_name}Config.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/${_name})
  write_basic_package_version_file(${PROJECT_BINARY_DIR}/${_name}ConfigVersion.cmake
    COMPATIBILITY SameMinorVersion)
  install(FILES ${PROJECT_BINARY_DIR}/${_name}Config.cmake ${PROJECT_BINARY_DIR}/${_name}ConfigVersion.cmake
          DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/${_name})
endforeach()
string(JOIN " " HYP_PC_CFLAGS ${HYP_INTERFACE_CFLAGS})
foreach(HYP_PC_NAME hyp libhyp)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/hyp.pc.in ${PROJECT_BINARY_DIR}/${HYP_PC_NAME}.pc @ONLY)
  install(FILES ${PROJECT_BINARY_DIR}/${HYP_PC_NAME}.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
endforeach()
