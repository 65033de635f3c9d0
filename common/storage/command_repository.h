#pragma once
// Orders for one kiosk (the kiosk_commands table): reprint a badge, pause, resume. Queued by
// einlass-admin, delivered by the server when the kiosk is connected; the ids only grow, so a
// kiosk that reports the highest id it carried out gets each command once.
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

// The same three as the sync protocol's CommandKind; storage does not depend on the protocol.
enum class KioskCommandKind { reprint, pause, resume };

std::string_view to_string(KioskCommandKind kind);

struct KioskCommand {
  std::uint64_t id = 0;  // assigned when queued
  std::string kiosk_id;
  KioskCommandKind kind = KioskCommandKind::pause;
  std::optional<TicketId> ticket_id;  // reprint: whose badge
  std::string staff;
  std::string reason;
  Timestamp created_at{};
  bool operator==(const KioskCommand&) const = default;
};

class CommandRepository {
 public:
  explicit CommandRepository(Database& db) : db_(db) {}

  // Server. Stores the command (id ignored) and returns its id. Checks nothing beyond the
  // schema: what makes a command valid is decided by the caller.
  StorageResult<std::uint64_t> add(const KioskCommand& command);
  // Server. The kiosk's commands with id > after_id, oldest first.
  StorageResult<std::vector<KioskCommand>> after(std::string_view kiosk_id, std::uint64_t after_id);

 private:
  Database& db_;
};

}  // namespace einlass
