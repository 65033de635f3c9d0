#include "storage/attendee_repository.h"

#include "base/search_fold.h"

#include <set>
#include <string>
#include <unordered_set>

#include "storage/column_codes.h"
#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;
using Kind = StorageError::Kind;

namespace {

// The record's columns come first, so one reader serves both kinds of database.
constexpr const char* kSelectRegistration =
    "SELECT ticket_id, display_name, organisation, category, days, status, external_id, email "
    "FROM attendees ";

AttendeeRecord record_from_row(sd::Query& q) {
  AttendeeRecord r;
  r.ticket_id = sd::narrow_from_db<TicketId>(q.int64(0), "attendees.ticket_id");
  r.display_name = q.text(1);
  r.organisation = q.text(2);
  r.category = sd::narrow_from_db<CategoryCode>(q.int64(3), "attendees.category");
  r.days = sd::narrow_from_db<DayMask>(q.int64(4), "attendees.days");
  r.status = sd::status_from_column(q.text(5));
  return r;
}

Registration registration_from_row(sd::Query& q) {
  return Registration{q.text(6), q.text(7), record_from_row(q)};
}

// Names the registration by position and external id, never by name: messages end up in logs.
std::string which(std::size_t index, const Registration& r) {
  return "registration " + std::to_string(index + 1) + " (external id '" + r.external_id + "')";
}

void validate(std::span<const Registration> registrations,
              const std::set<std::int64_t>& categories) {
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < registrations.size(); ++i) {
    const auto& r = registrations[i];
    if (r.external_id.empty()) {
      sd::fail(Kind::constraint, "registration " + std::to_string(i + 1) + " has no external id");
    }
    if (!seen.insert(r.external_id).second) {
      sd::fail(Kind::constraint, which(i, r) + ": the external id appears twice in this import");
    }
    if (r.record.display_name.empty()) sd::fail(Kind::constraint, which(i, r) + " has no name");
    if (!categories.contains(r.record.category)) {
      sd::fail(Kind::constraint, which(i, r) + ": category " + std::to_string(r.record.category) +
                                     " is not a category of this event");
    }
  }
}

bool same_content(const Registration& stored, const Registration& incoming) {
  return stored.record.display_name == incoming.record.display_name &&
         stored.record.organisation == incoming.record.organisation &&
         stored.email == incoming.email && stored.record.category == incoming.record.category &&
         stored.record.days == incoming.record.days;
}

}  // namespace

StorageResult<ImportSummary> AttendeeRepository::upsert(
    std::span<const Registration> registrations) {
  return sd::guarded("importing registrations", [&] {
    sd::require_kind(db_, DatabaseKind::server, "importing registrations");
    sd::WriteTransaction tx(db_);
    std::set<std::int64_t> categories;
    {
      sd::Query q(db_, "SELECT code FROM categories");
      while (q.step()) categories.insert(q.int64(0));
    }
    validate(registrations, categories);

    const std::int64_t now = to_unix_ms(clock_.now());
    ImportSummary summary;
    for (const auto& r : registrations) {
      std::optional<Registration> stored;
      {
        sd::Query q(db_, std::string(kSelectRegistration) + "WHERE external_id = ?1");
        q.bind(1, r.external_id);
        if (q.step()) stored = registration_from_row(q);
      }
      if (!stored) {
        sd::Query(db_,
                  "INSERT INTO attendees (external_id, display_name, organisation, email, "
                  "category, days, status, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
            .bind(1, r.external_id)
            .bind(2, r.record.display_name)
            .bind(3, r.record.organisation)
            .bind(4, r.email)
            .bind(5, std::int64_t{r.record.category})
            .bind(6, std::int64_t{r.record.days})
            .bind(7, to_string(r.record.status))
            .bind(8, now)
            .exec();
        ++summary.added;
      } else if (same_content(*stored, r)) {
        ++summary.unchanged;
      } else {
        sd::Query(db_,
                  "UPDATE attendees SET display_name = ?1, organisation = ?2, email = ?3, "
                  "category = ?4, days = ?5, updated_at = ?6 WHERE ticket_id = ?7")
            .bind(1, r.record.display_name)
            .bind(2, r.record.organisation)
            .bind(3, r.email)
            .bind(4, std::int64_t{r.record.category})
            .bind(5, std::int64_t{r.record.days})
            .bind(6, now)
            .bind(7, std::int64_t{stored->record.ticket_id})
            .exec();
        ++summary.updated;
      }
    }
    tx.commit();
    return summary;
  });
}

StorageResult<std::optional<Registration>> AttendeeRepository::find_by_ticket(TicketId id) {
  return sd::guarded("finding " + format_ticket_id(id), [&]() -> std::optional<Registration> {
    sd::require_kind(db_, DatabaseKind::server, "finding a registration");
    sd::Query q(db_, std::string(kSelectRegistration) + "WHERE ticket_id = ?1");
    q.bind(1, std::int64_t{id});
    if (!q.step()) return std::nullopt;
    return registration_from_row(q);
  });
}

StorageResult<std::optional<Registration>> AttendeeRepository::find_by_external_id(
    std::string_view external_id) {
  return sd::guarded("finding a registration by external id", [&]() -> std::optional<Registration> {
    sd::require_kind(db_, DatabaseKind::server, "finding a registration");
    sd::Query q(db_, std::string(kSelectRegistration) + "WHERE external_id = ?1");
    q.bind(1, external_id);
    if (!q.step()) return std::nullopt;
    return registration_from_row(q);
  });
}

StorageResult<std::vector<Registration>> AttendeeRepository::all() {
  return sd::guarded("listing registrations", [&] {
    sd::require_kind(db_, DatabaseKind::server, "listing registrations");
    std::vector<Registration> out;
    sd::Query q(db_, std::string(kSelectRegistration) + "ORDER BY ticket_id");
    while (q.step()) out.push_back(registration_from_row(q));
    return out;
  });
}

StorageResult<bool> AttendeeRepository::set_status(TicketId id, AttendeeStatus status) {
  return sd::guarded("setting the status of " + format_ticket_id(id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "setting an attendee's status");
    return sd::Query(db_, "UPDATE attendees SET status = ?1, updated_at = ?2 WHERE ticket_id = ?3")
               .bind(1, to_string(status))
               .bind(2, to_unix_ms(clock_.now()))
               .bind(3, std::int64_t{id})
               .exec() == 1;
  });
}

StorageResult<void> AttendeeRepository::put_records(std::span<const AttendeeRecord> records) {
  return sd::guarded("storing attendee records", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "storing attendee records");
    sd::WriteTransaction tx(db_);
    for (const auto& r : records) {
      sd::Query(db_,
                "INSERT INTO attendees (ticket_id, display_name, organisation, category, days, "
                "status) VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (ticket_id) DO UPDATE SET "
                "display_name = excluded.display_name, organisation = excluded.organisation, "
                "category = excluded.category, days = excluded.days, status = excluded.status")
          .bind(1, std::int64_t{r.ticket_id})
          .bind(2, r.display_name)
          .bind(3, r.organisation)
          .bind(4, std::int64_t{r.category})
          .bind(5, std::int64_t{r.days})
          .bind(6, to_string(r.status))
          .exec();
    }
    tx.commit();
  });
}

StorageResult<std::size_t> AttendeeRepository::remove_records(std::span<const TicketId> tickets) {
  return sd::guarded("removing attendee records", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "removing attendee records");
    sd::WriteTransaction tx(db_);
    std::size_t removed = 0;
    for (const TicketId id : tickets) {
      removed +=
          static_cast<std::size_t>(sd::Query(db_, "DELETE FROM attendees WHERE ticket_id = ?1")
                                       .bind(1, std::int64_t{id})
                                       .exec());
    }
    tx.commit();
    return removed;
  });
}

StorageResult<void> AttendeeRepository::clear_records() {
  return sd::guarded("removing every attendee record", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "removing every attendee record");
    sd::Query(db_, "DELETE FROM attendees").exec();
  });
}

StorageResult<std::optional<AttendeeRecord>> AttendeeRepository::find_record(TicketId id) {
  return sd::guarded("finding " + format_ticket_id(id), [&]() -> std::optional<AttendeeRecord> {
    sd::Query q(db_,
                "SELECT ticket_id, display_name, organisation, category, days, status "
                "FROM attendees WHERE ticket_id = ?1");
    q.bind(1, std::int64_t{id});
    if (!q.step()) return std::nullopt;
    return record_from_row(q);
  });
}

StorageResult<std::vector<AttendeeRecord>> AttendeeRepository::search_records(
    std::string_view query, std::size_t limit) {
  return sd::guarded("searching attendees", [&] {
    std::string pattern = "%";
    for (const char c : fold_for_search(query)) {
      if (c == '%' || c == '_' || c == '\\') pattern += '\\';
      pattern += c;
    }
    pattern += '%';
    const auto ticket = parse_ticket_id(query);
    sd::Query q(
        db_,
        "SELECT ticket_id, display_name, organisation, category, days, status "
        "FROM attendees WHERE ticket_id = ?1 OR einlass_fold(display_name) LIKE ?2 ESCAPE '\\' "
        "OR einlass_fold(organisation) LIKE ?2 ESCAPE '\\' "
        "ORDER BY display_name, ticket_id LIMIT ?3");
    q.bind(1, std::int64_t{ticket.value_or(0)});
    q.bind(2, pattern);
    q.bind(3, static_cast<std::int64_t>(limit));
    std::vector<AttendeeRecord> out;
    while (q.step()) out.push_back(record_from_row(q));
    return out;
  });
}

StorageResult<std::int64_t> AttendeeRepository::count() {
  return sd::guarded("counting attendees", [&] {
    sd::Query q(db_, "SELECT count(*) FROM attendees");
    q.step();
    return q.int64(0);
  });
}

}  // namespace einlass
