#include "storage/revocation_repository.h"

#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

StorageResult<bool> RevocationRepository::revoke(TicketId id, Timestamp at,
                                                 std::string_view reason) {
  return sd::guarded("revoking " + format_ticket_id(id), [&] {
    return sd::Query(db_,
                     "INSERT INTO revocations (ticket_id, revoked_at, reason) VALUES (?1, ?2, ?3) "
                     "ON CONFLICT (ticket_id) DO NOTHING")
               .bind(1, std::int64_t{id})
               .bind(2, to_unix_ms(at))
               .bind(3, reason)
               .exec() == 1;
  });
}

StorageResult<bool> RevocationRepository::is_revoked(TicketId id) {
  return sd::guarded("checking the revocation of " + format_ticket_id(id), [&] {
    return sd::Query(db_, "SELECT 1 FROM revocations WHERE ticket_id = ?1")
        .bind(1, std::int64_t{id})
        .step();
  });
}

StorageResult<std::vector<Revocation>> RevocationRepository::all() {
  return sd::guarded("listing revocations", [&] {
    std::vector<Revocation> out;
    sd::Query q(db_, "SELECT ticket_id, revoked_at, reason FROM revocations ORDER BY ticket_id");
    while (q.step()) {
      out.push_back(Revocation{sd::narrow_from_db<TicketId>(q.int64(0), "revocations.ticket_id"),
                               from_unix_ms(q.int64(1)), q.text(2)});
    }
    return out;
  });
}

}  // namespace einlass
