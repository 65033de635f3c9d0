#include "storage/command_repository.h"

#include <array>

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

KioskCommandKind kind_from_column(std::string_view text) {
  for (auto kind : {KioskCommandKind::reprint, KioskCommandKind::pause, KioskCommandKind::resume})
    if (to_string(kind) == text) return kind;
  sd::fail(StorageError::Kind::corrupt,
           "unknown value '" + std::string(text) + "' in column kiosk_commands.kind");
}

}  // namespace

std::string_view to_string(KioskCommandKind kind) {
  switch (kind) {
    case KioskCommandKind::reprint:
      return "reprint";
    case KioskCommandKind::pause:
      return "pause";
    case KioskCommandKind::resume:
      return "resume";
  }
  return "pause";
}

StorageResult<std::uint64_t> CommandRepository::add(const KioskCommand& command) {
  return sd::guarded("queueing a command for kiosk " + command.kiosk_id, [&] {
    sd::require_kind(db_, DatabaseKind::server, "queueing a kiosk command");
    sd::Query q(db_,
                "INSERT INTO kiosk_commands (kiosk_id, kind, ticket_id, staff, reason, created_at) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    q.bind(1, command.kiosk_id).bind(2, to_string(command.kind));
    if (command.ticket_id) q.bind(3, std::int64_t{*command.ticket_id});
    q.bind(4, command.staff).bind(5, command.reason).bind(6, to_unix_ms(command.created_at));
    q.exec();
    return sd::narrow_from_db<std::uint64_t>(db_.connection().getLastInsertRowid(),
                                             "kiosk_commands.id");
  });
}

StorageResult<std::vector<KioskCommand>> CommandRepository::after(std::string_view kiosk_id,
                                                                  std::uint64_t after_id) {
  return sd::guarded("reading the commands for kiosk " + std::string(kiosk_id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "reading kiosk commands");
    std::vector<KioskCommand> out;
    sd::Query q(db_,
                "SELECT id, kiosk_id, kind, ticket_id, staff, reason, created_at "
                "FROM kiosk_commands WHERE kiosk_id = ?1 AND id > ?2 ORDER BY id");
    q.bind(1, kiosk_id).bind(2, sd::seq_to_db(after_id));
    while (q.step()) {
      KioskCommand c;
      c.id = sd::narrow_from_db<std::uint64_t>(q.int64(0), "kiosk_commands.id");
      c.kiosk_id = q.text(1);
      c.kind = kind_from_column(q.text(2));
      if (!q.is_null(3))
        c.ticket_id = sd::narrow_from_db<TicketId>(q.int64(3), "kiosk_commands.ticket_id");
      c.staff = q.text(4);
      c.reason = q.text(5);
      c.created_at = from_unix_ms(q.int64(6));
      out.push_back(std::move(c));
    }
    return out;
  });
}

}  // namespace einlass
