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

StorageResult<void> RevocationRepository::put(std::span<const Revocation> revocations) {
  return sd::guarded("storing revocations", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "storing revocations from the server");
    sd::WriteTransaction tx(db_);
    for (const auto& r : revocations) {
      sd::Query(db_,
                "INSERT INTO revocations (ticket_id, revoked_at, reason) VALUES (?1, ?2, ?3) "
                "ON CONFLICT (ticket_id) DO UPDATE SET revoked_at = excluded.revoked_at, "
                "reason = excluded.reason")
          .bind(1, std::int64_t{r.ticket_id})
          .bind(2, to_unix_ms(r.revoked_at))
          .bind(3, r.reason)
          .exec();
    }
    tx.commit();
  });
}

StorageResult<std::size_t> RevocationRepository::withdraw(std::span<const TicketId> tickets) {
  return sd::guarded("withdrawing revocations", [&] {
    sd::WriteTransaction tx(db_);
    std::size_t withdrawn = 0;
    for (const TicketId id : tickets) {
      withdrawn +=
          static_cast<std::size_t>(sd::Query(db_, "DELETE FROM revocations WHERE ticket_id = ?1")
                                       .bind(1, std::int64_t{id})
                                       .exec());
    }
    tx.commit();
    return withdrawn;
  });
}

StorageResult<void> RevocationRepository::clear() {
  return sd::guarded("removing every revocation", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "removing every revocation");
    sd::Query(db_, "DELETE FROM revocations").exec();
  });
}

}  // namespace einlass
