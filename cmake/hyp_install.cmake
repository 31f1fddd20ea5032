# cmake --install: headers, libhyp.a, hypConfig.cmake (hyp::hyp) and hyp.pc.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/ ${PROJECT_SOURCE_DIR}/arch/${HYP_ARCH}/include/
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS hyp EXPORT hypTargets ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT hypTargets NAMESPACE hyp:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hyp)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/hypConfig.cmake.in
  ${PROJECT_BINARY_DIR}/hypConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hyp)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/hypConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/hypConfig.cmake ${PROJECT_BINARY_DIR}/hypConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/hyp)
configure_file(${PROJECT_SOURCE_DIR}/cmake/hyp.pc.in ${PROJECT_BINARY_DIR}/hyp.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/hyp.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
