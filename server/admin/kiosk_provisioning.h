#pragma once
// `einlass-admin provision-kiosk NAME --out DIR`: the bundle a kiosk runs from without any
// server: a replica (event, trusted public keys, attendees' badge fields, revocations, the
// admissions known so far) and a commented kiosk.toml to adapt. No e-mail addresses, no private
// keys: a lost kiosk gives away no more than the badges it prints. Revoked staff cards travel
// too, so a lost card stops opening staff mode on kiosks provisioned after its revocation.
#include <cstddef>
#include <expected>
#include <filesystem>
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
};

// Refuses a folder that already holds a replica: it may hold admissions not yet synced. The
// replica appears complete or not at all (built under a temporary name, then renamed).
std::expected<KioskBundle, AdminError> provision_kiosk(EventDatabase& source,
                                                       std::string_view kiosk_id,
                                                       const std::filesystem::path& out,
                                                       const Actor& actor);

// The kiosk.toml a new bundle gets: dir: scanner and file: printer inside the bundle, so the
// kiosk runs as it is; comments say what to change for real devices.
std::string sample_kiosk_config(std::string_view kiosk_id);

}  // namespace einlass
