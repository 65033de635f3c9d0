#pragma once
// Things staff must look at (the alerts table): duplicates, admissions after revocation, reused
// sequence numbers, clock skew, printer faults. One row per (kind, kiosk, seq): raising the same
// alert again is a no-op, so the server may re-derive alerts as often as it likes.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "storage/database.h"
#include "storage/storage_error.h"
#include "ticket/ticket.h"

namespace einlass {

enum class AlertKind {
  duplicate,
  admitted_after_revocation,
  key_conflict,
  clock_skew,
  kiosk_offline,
  printer
};

// The words stored and shown: "duplicate", "admitted_after_revocation", ...
std::string_view to_string(AlertKind kind);

struct NewAlert {
  AlertKind kind = AlertKind::duplicate;
  std::string kiosk_id;
  std::uint64_t seq = 0;  // with kind and kiosk: which alert this is (an event, a fault episode)
  std::optional<TicketId> ticket_id;
  std::string detail;  // for staff; never an attendee's name
  bool operator==(const NewAlert&) const = default;
};

struct Alert {
  std::int64_t id = 0;
  NewAlert what;
  Timestamp raised_at{};
  std::optional<Timestamp> acknowledged_at;
  std::string acknowledged_by;
  bool operator==(const Alert&) const = default;
};

class AlertRepository {
 public:
  explicit AlertRepository(Database& db) : db_(db) {}

  // Server. true when the alert is new; an alert already raised keeps its first detail and time.
  StorageResult<bool> raise(const NewAlert& alert, Timestamp at);
  // Server. false when there is no such alert or it was acknowledged before.
  StorageResult<bool> acknowledge(std::int64_t id, std::string_view who, Timestamp at);
  // Server. Unacknowledged alerts, oldest first.
  StorageResult<std::vector<Alert>> open();
  // Server. Every alert, oldest first.
  StorageResult<std::vector<Alert>> all();

 private:
  Database& db_;
};

}  // namespace einlass
