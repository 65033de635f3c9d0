#pragma once
// `einlass-admin provision-kiosk NAME --out DIR`: the bundle a kiosk runs from without any
// server: a replica (event, trusted public keys, attendees' badge fields, revocations, the
// admissions known so far) and a commented kiosk.toml to adapt. No e-mail addresses, no private
// keys: a lost kiosk gives away no more than the badges it prints. Revoked staff cards travel
// too, so a lost card stops opening staff mode on kiosks provisioned after its revocation.
// For sync, the bundle holds the event CA's certificate and the kiosk's own client certificate
// and key (tls/ca.crt, tls/kiosk.crt, tls/kiosk.key); a lost kiosk is cut off with
// `einlass-admin revoke-kiosk`.
#include <cstddef>
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "admin/admin_error.h"
#include "admin/event_database.h"
#include "admin/organiser_actions.h"

namespace einlass {

struct KioskBundle {
  std::filesystem::path replica;
  std::filesystem::path config;  // written only when the folder had none
  bool config_written = false;
  std::size_t attendees = 0;
  std::size_t keys = 0;
  std::size_t revocations = 0;
  std::size_t admissions = 0;
  std::filesystem::path ca;           // tls/ca.crt
  std::filesystem::path certificate;  // tls/kiosk.crt
  std::filesystem::path private_key;  // tls/kiosk.key (0600)
  std::string serial;                 // of the kiosk's certificate
  std::optional<std::string> server;  // the [sync] server written into kiosk.toml
};

// Refuses a folder that already holds a replica (it may hold admissions not yet synced) or any of
// the TLS files. The replica appears complete or not at all (built under a temporary name, then
// renamed). Creates the event CA on first use; a kiosk provisioned again gets a new certificate
// and the old one stays valid unless revoked. `server` ("host:port") is where the kiosk syncs;
// empty takes the sync address setup-server stored; with neither, kiosk.toml gets its [sync]
// section commented out.
std::expected<KioskBundle, AdminError> provision_kiosk(EventDatabase& source,
                                                       std::string_view kiosk_id,
                                                       const std::filesystem::path& out,
                                                       const Actor& actor,
                                                       std::string_view server = {});

// The kiosk.toml a new bundle gets: dir: scanner and file: printer inside the bundle, so the
// kiosk runs as it is; comments say what to change for real devices. With a server, a [sync]
// section pointing at it and the bundle's TLS files; without, the same section commented out.
std::string sample_kiosk_config(std::string_view kiosk_id,
                                const std::optional<std::string>& server = std::nullopt);

}  // namespace einlass
