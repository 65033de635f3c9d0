# Install rules and the Debian packages einlass-server and einlass-kiosk (CPack DEB, one package
# per component): `cpack --preset release` after a release build writes both to
# build/release/packages/. tests/deploy/package_test.sh checks what they hold.
include(GNUInstallDirs)

set(einlass_units_dir lib/systemd/system)
set(einlass_deploy ${PROJECT_SOURCE_DIR}/deploy)

# What every package holds beside its binaries: its units (ARGN), its system users and
# directories (deploy/systemd/PACKAGE.{sysusers,tmpfiles}.conf), its commented sample config and
# the copyright file.
function(einlass_package_files component package sample_config)
  install(FILES ${ARGN} DESTINATION ${einlass_units_dir} COMPONENT ${component})
  foreach(kind sysusers tmpfiles)
    install(FILES ${einlass_deploy}/systemd/${package}.${kind}.conf
      DESTINATION lib/${kind}.d RENAME ${package}.conf COMPONENT ${component})
  endforeach()
  install(FILES ${sample_config}
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package}/examples COMPONENT ${component})
  install(FILES ${einlass_deploy}/debian/copyright
    DESTINATION ${CMAKE_INSTALL_DATAROOTDIR}/doc/${package} COMPONENT ${component})
endfunction()

# The server machine: the daemon and the organisers' tool.
install(TARGETS einlass-server einlass-admin RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  COMPONENT server)
einlass_package_files(server einlass-server ${einlass_deploy}/config/server.toml
  ${einlass_deploy}/systemd/einlass-server.service)

# A kiosk: the daemon (its screen page is compiled in) and the bundle installer.
install(TARGETS einlass-kiosk RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(PROGRAMS ${einlass_deploy}/einlass-kiosk-setup DESTINATION ${CMAKE_INSTALL_SBINDIR}
  COMPONENT kiosk)
einlass_package_files(kiosk einlass-kiosk ${einlass_deploy}/config/kiosk.toml
  ${einlass_deploy}/systemd/einlass-kiosk.service
  ${einlass_deploy}/systemd/einlass-kiosk-browser.service)

# Maintainer scripts from one template per script: each package enables its own units.
function(einlass_maintainer_scripts package main_unit units state_dir)
  set(PACKAGE ${package})
  set(MAIN_UNIT ${main_unit})
  string(JOIN " " UNITS ${units})
  set(STATE_DIR ${state_dir})
  set(out ${PROJECT_BINARY_DIR}/debian/${package})
  foreach(script postinst prerm postrm)
    configure_file(${einlass_deploy}/debian/${script}.in ${out}/${script} @ONLY
      FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ
        WORLD_EXECUTE)
  endforeach()
  set(${package}_scripts ${out}/postinst ${out}/prerm ${out}/postrm PARENT_SCOPE)
endfunction()
einlass_maintainer_scripts(einlass-server einlass-server.service einlass-server.service
  /var/lib/einlass/server)
einlass_maintainer_scripts(einlass-kiosk einlass-kiosk.service
  "einlass-kiosk.service;einlass-kiosk-browser.service" /var/lib/einlass/kiosk)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME einlass)
set(CPACK_PACKAGE_VENDOR "Einlass Developers")
set(CPACK_PACKAGE_CONTACT "Einlass Developers <dev@einlass.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's synopsis is the first line of its component's description: an empty (but
# defined) summary keeps CPack from putting the project's description in front of it.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_DIRECTORY ${PROJECT_BINARY_DIR}/packages)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL server kiosk)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://einlass.invalid/")
# Library dependencies from the binaries (dpkg-shlibdeps), plus what the scripts and units use.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME einlass-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "systemd (>= 252), init-system-helpers (>= 1.54)")
set(CPACK_COMPONENT_SERVER_DESCRIPTION
  "Einlass venue server: kiosk sync and staff dashboard\n\
einlass-server holds the event's attendee database, syncs every entrance kiosk over\n\
mutual TLS and serves the staff dashboard over HTTPS (admissions, kiosk health,\n\
alerts, search, manual admission, badge reprints). einlass-admin sets up the event,\n\
imports registrations, issues signed tickets and provisions kiosks.")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA ${einlass-server_scripts})
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME einlass-kiosk)
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "systemd (>= 252), init-system-helpers (>= 1.54)")
# The full-screen page runs in chromium (einlass-kiosk-browser.service); a kiosk without a
# screen, or with another browser, works without it.
set(CPACK_DEBIAN_KIOSK_PACKAGE_RECOMMENDS "chromium")
set(CPACK_COMPONENT_KIOSK_DESCRIPTION
  "Einlass entrance kiosk: scans QR tickets, admits, prints badges\n\
einlass-kiosk reads QR tickets from a camera or a handheld scanner, verifies their\n\
signature, decides from its own replica of the event, commits the admission durably\n\
and prints a name badge (IPP or Zebra ZPL). It keeps admitting without a network and\n\
syncs with einlass-server when the link returns.")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA ${einlass-kiosk_scripts})
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
