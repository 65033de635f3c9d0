#pragma once
// What each kiosk last told the server (the kiosks table): written by the server process as kiosks
// connect and report, read by einlass-admin status from another process while it runs.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "storage/database.h"
#include "storage/storage_error.h"

namespace einlass {

struct KioskRow {
  std::string kiosk_id;
  std::string software;
  std::string address;
  bool connected = false;
  Timestamp first_seen{};
  Timestamp last_seen{};
  std::string health_json = "{}";  // the last heartbeat's device health, as the hub wrote it
  std::uint64_t unsynced = 0;
  std::optional<std::int64_t> clock_skew_ms;  // kiosk clock minus server clock
  std::uint64_t last_command = 0;
  bool operator==(const KioskRow&) const = default;
};

struct KioskReport {
  std::string health_json;
  std::uint64_t unsynced = 0;
  std::int64_t clock_skew_ms = 0;
  std::uint64_t last_command = 0;
};

class KioskRegistry {
 public:
  explicit KioskRegistry(Database& db) : db_(db) {}

  // Server. Creates the row on first contact; marks it connected and updates software, address
  // and last_seen.
  StorageResult<void> connected(std::string_view kiosk_id, std::string_view software,
                                std::string_view address, Timestamp at);
  // Server. false if the kiosk was never seen.
  StorageResult<bool> disconnected(std::string_view kiosk_id, Timestamp at);
  // Server, at start: no connection survives a restart. Returns how many were marked.
  StorageResult<int> reset_connections();
  // Server. A heartbeat; creates the row if the kiosk was not seen yet.
  StorageResult<void> report(std::string_view kiosk_id, const KioskReport& report, Timestamp at);

  StorageResult<std::optional<KioskRow>> find(std::string_view kiosk_id);
  StorageResult<std::vector<KioskRow>> all();  // by kiosk id

  // Server. Serials (hex) of kiosk certificates that were revoked: refused in the TLS handshake.
  StorageResult<std::vector<std::string>> revoked_certificate_serials();

 private:
  Database& db_;
};

}  // namespace einlass
