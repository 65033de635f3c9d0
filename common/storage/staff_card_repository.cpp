#include "storage/staff_card_repository.h"

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

// SELECT card_id, staff_name, key_id, issued_at, revoked_at, revoke_reason
StaffCardRecord record_from_row(sd::Query& q) {
  StaffCardRecord r;
  r.id = sd::narrow_from_db<StaffCardId>(q.int64(0), "staff_cards.card_id");
  r.staff_name = q.text(1);
  r.key_id = sd::narrow_from_db<KeyId>(q.int64(2), "staff_cards.key_id");
  r.issued_at = from_unix_ms(q.int64(3));
  if (!q.is_null(4)) r.revoked_at = from_unix_ms(q.int64(4));
  r.revoke_reason = q.text(5);
  return r;
}

constexpr const char* kSelectCard =
    "SELECT card_id, staff_name, key_id, issued_at, revoked_at, revoke_reason FROM staff_cards ";

}  // namespace

StorageResult<StaffCardId> StaffCardRepository::add(std::string_view staff_name, KeyId key,
                                                    Timestamp issued_at) {
  return sd::guarded("recording a staff card", [&] {
    sd::require_kind(db_, DatabaseKind::server, "recording a staff card");
    sd::Query(db_, "INSERT INTO staff_cards (staff_name, key_id, issued_at) VALUES (?1, ?2, ?3)")
        .bind(1, staff_name)
        .bind(2, std::int64_t{key})
        .bind(3, to_unix_ms(issued_at))
        .exec();
    return sd::narrow_from_db<StaffCardId>(db_.connection().getLastInsertRowid(),
                                           "staff_cards.card_id");
  });
}

StorageResult<StaffCardRevocation> StaffCardRepository::revoke(StaffCardId id, Timestamp at,
                                                               std::string_view reason) {
  return sd::guarded("revoking staff card " + format_staff_card_id(id), [&] {
    sd::require_kind(db_, DatabaseKind::server, "revoking a staff card");
    const int changed = sd::Query(db_,
                                  "UPDATE staff_cards SET revoked_at = ?1, revoke_reason = ?2 "
                                  "WHERE card_id = ?3 AND revoked_at IS NULL")
                            .bind(1, to_unix_ms(at))
                            .bind(2, reason)
                            .bind(3, std::int64_t{id})
                            .exec();
    if (changed == 1) return StaffCardRevocation::revoked;
    // Cards are never deleted, so a card that was not updated is either revoked or unknown.
    const bool exists = sd::Query(db_, "SELECT 1 FROM staff_cards WHERE card_id = ?1")
                            .bind(1, std::int64_t{id})
                            .step();
    return exists ? StaffCardRevocation::already_revoked : StaffCardRevocation::no_such_card;
  });
}

StorageResult<std::optional<StaffCardRecord>> StaffCardRepository::find(StaffCardId id) {
  return sd::guarded("finding staff card " + format_staff_card_id(id),
                     [&]() -> std::optional<StaffCardRecord> {
                       sd::require_kind(db_, DatabaseKind::server, "finding a staff card");
                       sd::Query q(db_, std::string(kSelectCard) + "WHERE card_id = ?1");
                       q.bind(1, std::int64_t{id});
                       if (!q.step()) return std::nullopt;
                       return record_from_row(q);
                     });
}

StorageResult<std::vector<StaffCardRecord>> StaffCardRepository::all() {
  return sd::guarded("listing staff cards", [&] {
    sd::require_kind(db_, DatabaseKind::server, "listing staff cards");
    std::vector<StaffCardRecord> out;
    sd::Query q(db_, std::string(kSelectCard) + "ORDER BY card_id");
    while (q.step()) out.push_back(record_from_row(q));
    return out;
  });
}

StorageResult<bool> StaffCardRepository::put_revoked(StaffCardId id, Timestamp at) {
  return sd::guarded("storing the revocation of staff card " + format_staff_card_id(id), [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "storing a staff card revocation");
    return sd::Query(db_,
                     "INSERT INTO revoked_staff_cards (card_id, revoked_at) VALUES (?1, ?2) "
                     "ON CONFLICT (card_id) DO NOTHING")
               .bind(1, std::int64_t{id})
               .bind(2, to_unix_ms(at))
               .exec() == 1;
  });
}

StorageResult<void> StaffCardRepository::clear_revoked() {
  return sd::guarded("removing every staff card revocation", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "removing every staff card revocation");
    sd::Query(db_, "DELETE FROM revoked_staff_cards").exec();
  });
}

StorageResult<bool> StaffCardRepository::is_revoked(StaffCardId id) {
  return sd::guarded("checking staff card " + format_staff_card_id(id), [&] {
    const char* sql =
        db_.kind() == DatabaseKind::server
            ? "SELECT 1 FROM staff_cards WHERE card_id = ?1 AND revoked_at IS NOT NULL"
            : "SELECT 1 FROM revoked_staff_cards WHERE card_id = ?1";
    return sd::Query(db_, sql).bind(1, std::int64_t{id}).step();
  });
}

StorageResult<std::vector<RevokedStaffCard>> StaffCardRepository::revoked() {
  return sd::guarded("listing revoked staff cards", [&] {
    const char* sql = db_.kind() == DatabaseKind::server
                          ? "SELECT card_id, revoked_at FROM staff_cards "
                            "WHERE revoked_at IS NOT NULL ORDER BY card_id"
                          : "SELECT card_id, revoked_at FROM revoked_staff_cards ORDER BY card_id";
    std::vector<RevokedStaffCard> out;
    sd::Query q(db_, sql);
    while (q.step()) {
      out.push_back(
          {sd::narrow_from_db<StaffCardId>(q.int64(0), "staff card id"), from_unix_ms(q.int64(1))});
    }
    return out;
  });
}

}  // namespace einlass
