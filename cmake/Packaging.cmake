# Install rules and CPack: two Debian packages (scripts/package, docs/operations.md "Install").
#   medora         the desktop client: /usr/bin/medora, a desktop entry, the icon, the .qm catalogues
#                  (also compiled into the binary; installed for translators and tools).
#   medora-server  the server: /usr/bin/medora-server, systemd units (server, daily backup timer),
#                  /etc/medora/medora.env (0640, root:medora, a conffile), /var/lib/medora (0700,
#                  medora), a postinst that creates the `medora` system user and points at preflight.
include(GNUInstallDirs)
# Debian packages only; Windows and macOS builds (CMakePresets.json) install nothing here.
if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
  return()
endif()

set(MEDORA_PACKAGING_DIR ${CMAKE_SOURCE_DIR}/packaging)

install(TARGETS medora RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT client)
install(FILES ${MEDORA_PACKAGING_DIR}/client/medora.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications
        COMPONENT client)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/medora.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps COMPONENT client)
install(FILES ${CMAKE_BINARY_DIR}/ui/medora_uz.qm ${CMAKE_BINARY_DIR}/ui/medora_ru.qm
        DESTINATION ${CMAKE_INSTALL_DATADIR}/medora/translations COMPONENT client)

if(NOT TARGET medora-server)
  set(CPACK_COMPONENTS_ALL client)
else()
  install(TARGETS medora-server RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT server)
  install(FILES ${MEDORA_PACKAGING_DIR}/server/medora-server.service
                ${MEDORA_PACKAGING_DIR}/server/medora-server-backup.service
                ${MEDORA_PACKAGING_DIR}/server/medora-server-backup.timer
          DESTINATION lib/systemd/system COMPONENT server)
  install(FILES ${CMAKE_SOURCE_DIR}/server/.env.example DESTINATION /etc/medora RENAME medora.env
          PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ COMPONENT server)
  install(DIRECTORY DESTINATION /var/lib/medora
          DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE COMPONENT server)
  install(FILES ${CMAKE_SOURCE_DIR}/docs/operations.md ${CMAKE_SOURCE_DIR}/docs/api.md
          DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/medora-server COMPONENT server)
  install(DIRECTORY ${CMAKE_SOURCE_DIR}/deploy/ DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/medora-server/examples
          COMPONENT server)
  set(CPACK_COMPONENTS_ALL client server)
endif()

set(CPACK_PACKAGE_NAME medora)
set(CPACK_PACKAGE_VENDOR "Medora")
set(CPACK_PACKAGE_CONTACT "Medora operators <ops@medora.uz>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Medora clinic client and server")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_COMPRESSION_TYPE gzip)

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME medora)
set(CPACK_DEBIAN_CLIENT_DESCRIPTION
    "Medora clinic client\n Registration, queue, charting and payments for clinics in Uzbekistan, in Uzbek\n and Russian; works offline against a local cache and syncs with medora-server.")
# Plugins Qt loads at run time are invisible to dpkg-shlibdeps.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins, libsecret-1-0")
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION science)

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME medora-server)
set(CPACK_DEBIAN_SERVER_DESCRIPTION
    "Medora clinic server\n The companion server of the Medora clinic client: accounts, sync, audit trail,\n AI consilium through Gemini, backups and a launch preflight.")
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "libqt6sql6-sqlite, adduser")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${MEDORA_PACKAGING_DIR}/server/postinst ${MEDORA_PACKAGING_DIR}/server/prerm
    ${MEDORA_PACKAGING_DIR}/server/postrm ${MEDORA_PACKAGING_DIR}/server/conffiles)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
