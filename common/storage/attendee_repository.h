#pragma once
// Attendees. The server holds registrations (with e-mail and the external id re-imports match
// on); a kiosk holds the badge fields only, as the server sends them.
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "event/attendee.h"
#include "storage/database.h"

namespace einlass {

struct ImportSummary {
  std::size_t added = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  bool operator==(const ImportSummary&) const = default;
};

class AttendeeRepository {
 public:
  // The clock stamps updated_at on the server.
  AttendeeRepository(Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // Server. Stores registrations in one transaction, matching by external_id: a known one keeps
  // its ticket id and status (a re-import must not lift a block set at the desk) and gets the
  // new name, organisation, e-mail, category and days; a new one gets the next ticket id never
  // used before (1, 2, ...; record.ticket_id is ignored) and record.status. Any bad
  // registration (empty external id or name, a category the event does not have, an external
  // id twice in the list) fails the whole call and leaves the database unchanged.
  StorageResult<ImportSummary> upsert(std::span<const Registration> registrations);

  // Server.
  StorageResult<std::optional<Registration>> find_by_ticket(TicketId id);
  StorageResult<std::optional<Registration>> find_by_external_id(std::string_view external_id);
  StorageResult<std::vector<Registration>> all();  // by ticket id
  // false if there is no such ticket.
  StorageResult<bool> set_status(TicketId id, AttendeeStatus status);

  // Kiosk. Stores or replaces records by ticket id, in one transaction.
  StorageResult<void> put_records(std::span<const AttendeeRecord> records);
  // Kiosk. Deletes the records of attendees the server purged, in one transaction; returns how
  // many of the tickets were there (unknown ones are no error: sync may replay).
  StorageResult<std::size_t> remove_records(std::span<const TicketId> tickets);
  // Kiosk. Deletes every record, before a snapshot stores the whole list again.
  StorageResult<void> clear_records();

  // Both kinds: what the rules and the badge need.
  StorageResult<std::optional<AttendeeRecord>> find_record(TicketId id);
  // Both kinds. Records whose name or organisation contains `query`, forgiving case and accents
  // (fold_for_search; LIKE's wildcards taken literally) or whose ticket id it is ("T000042", "42"),
  // by name, at most `limit`.
  StorageResult<std::vector<AttendeeRecord>> search_records(std::string_view query,
                                                            std::size_t limit);
  StorageResult<std::int64_t> count();

 private:
  Database& db_;
  const Clock& clock_;
};

}  // namespace einlass
