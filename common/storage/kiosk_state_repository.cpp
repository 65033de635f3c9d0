#include "storage/kiosk_state_repository.h"

#include "storage/kiosk_state_rows.h"
#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace storage_detail {

namespace {

constexpr std::string_view kNextSeq = "next_seq";
constexpr std::string_view kHlcWall = "hlc_wall";
constexpr std::string_view kHlcLogical = "hlc_logical";
constexpr std::string_view kSyncCursor = "sync_cursor";
constexpr std::string_view kKioskId = "kiosk_id";
constexpr std::string_view kStaffFailures = "staff_pin_failures";
constexpr std::string_view kStaffLockedUntil = "staff_locked_until";
constexpr std::string_view kAckedSeq = "acked_seq";
constexpr std::string_view kLastCommand = "last_command";

std::optional<std::int64_t> get_int(Database& db, std::string_view key) {
  Query q(db, "SELECT value FROM kiosk_state WHERE key = ?1");
  q.bind(1, key);
  if (!q.step()) return std::nullopt;
  return q.int64(0);
}

void put(Database& db, std::string_view key, std::int64_t value) {
  Query(db,
        "INSERT INTO kiosk_state (key, value) VALUES (?1, ?2) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .bind(1, key)
      .bind(2, value)
      .exec();
}

Hlc read_hlc(Database& db) {
  Hlc h;
  h.wall_ms = get_int(db, kHlcWall).value_or(0);
  h.logical = narrow_from_db<std::uint32_t>(get_int(db, kHlcLogical).value_or(0),
                                            "kiosk_state.hlc_logical");
  return h;
}

}  // namespace

void raise_next_sequence(Database& db, std::uint64_t next) {
  const std::int64_t wanted = seq_to_db(next);
  if (get_int(db, kNextSeq).value_or(1) < wanted) put(db, kNextSeq, wanted);
}

namespace {

// Keeps the larger of the stored counter and `value`; true if it was raised.
bool raise_counter(Database& db, std::string_view key, std::uint64_t value) {
  const std::int64_t wanted = seq_to_db(value);
  if (get_int(db, key).value_or(0) >= wanted) return false;
  put(db, key, wanted);
  return true;
}

}  // namespace

void raise_last_hlc(Database& db, Hlc seen) {
  if (read_hlc(db) >= seen) return;
  put(db, kHlcWall, seen.wall_ms);
  put(db, kHlcLogical, std::int64_t{seen.logical});
}

}  // namespace storage_detail

StorageResult<std::uint64_t> KioskStateRepository::next_sequence() {
  return sd::guarded("reading the next sequence number", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "reading the next sequence number");
    return sd::narrow_from_db<std::uint64_t>(sd::get_int(db_, sd::kNextSeq).value_or(1),
                                             "kiosk_state.next_seq");
  });
}

StorageResult<Hlc> KioskStateRepository::last_hlc() {
  return sd::guarded("reading the last clock stamp", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "reading the last clock stamp");
    return sd::read_hlc(db_);
  });
}

StorageResult<void> KioskStateRepository::observe_hlc(Hlc seen) {
  return sd::guarded("storing a clock stamp", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "storing a clock stamp");
    sd::WriteTransaction tx(db_);
    sd::raise_last_hlc(db_, seen);
    tx.commit();
  });
}

StorageResult<std::string> KioskStateRepository::sync_cursor() {
  return sd::guarded("reading the sync cursor", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "reading the sync cursor");
    sd::Query q(db_, "SELECT value FROM kiosk_state WHERE key = ?1");
    q.bind(1, sd::kSyncCursor);
    return q.step() ? q.text(0) : std::string();
  });
}

StorageResult<void> KioskStateRepository::set_sync_cursor(std::string_view cursor) {
  return sd::guarded("storing the sync cursor", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "storing the sync cursor");
    sd::Query(db_,
              "INSERT INTO kiosk_state (key, value) VALUES (?1, ?2) "
              "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(1, sd::kSyncCursor)
        .bind(2, cursor)
        .exec();
  });
}

StorageResult<void> KioskStateRepository::claim(std::string_view kiosk_id) {
  return sd::guarded("claiming the replica for kiosk " + std::string(kiosk_id), [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "claiming a replica");
    sd::WriteTransaction tx(db_);
    {
      sd::Query q(db_, "SELECT value FROM kiosk_state WHERE key = ?1");
      q.bind(1, sd::kKioskId);
      if (q.step() && q.text(0) != kiosk_id)
        sd::fail(StorageError::Kind::constraint, "this replica belongs to kiosk \"" + q.text(0) +
                                                     "\", not \"" + std::string(kiosk_id) + "\"");
    }
    sd::Query(db_,
              "INSERT INTO kiosk_state (key, value) VALUES (?1, ?2) "
              "ON CONFLICT (key) DO NOTHING")
        .bind(1, sd::kKioskId)
        .bind(2, kiosk_id)
        .exec();
    std::uint64_t next = 1;
    {
      sd::Query q(db_, "SELECT max(seq) FROM admission_events WHERE kiosk_id = ?1");
      q.bind(1, kiosk_id);
      if (q.step() && !q.is_null(0))
        next = sd::narrow_from_db<std::uint64_t>(q.int64(0), "admission_events.seq") + 1;
    }
    sd::raise_next_sequence(db_, next);
    Hlc newest;
    {
      sd::Query q(db_,
                  "SELECT hlc_wall, hlc_logical FROM admission_events "
                  "ORDER BY hlc_wall DESC, hlc_logical DESC LIMIT 1");
      if (q.step())
        newest = {q.int64(0),
                  sd::narrow_from_db<std::uint32_t>(q.int64(1), "admission_events.hlc_logical")};
    }
    sd::raise_last_hlc(db_, newest);
    tx.commit();
  });
}

StorageResult<std::optional<std::string>> KioskStateRepository::kiosk_id() {
  return sd::guarded("reading the kiosk id", [&]() -> std::optional<std::string> {
    sd::require_kind(db_, DatabaseKind::kiosk, "reading the kiosk id");
    sd::Query q(db_, "SELECT value FROM kiosk_state WHERE key = ?1");
    q.bind(1, sd::kKioskId);
    if (!q.step()) return std::nullopt;
    return q.text(0);
  });
}

StorageResult<void> KioskStateRepository::raise_next_sequence(std::uint64_t next) {
  return sd::guarded("raising the next sequence number", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "raising the next sequence number");
    sd::WriteTransaction tx(db_);
    sd::raise_next_sequence(db_, next);
    tx.commit();
  });
}

StorageResult<std::uint64_t> KioskStateRepository::acked_sequence() {
  return sd::guarded("reading the acknowledged sequence number", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "reading the acknowledged sequence number");
    return sd::narrow_from_db<std::uint64_t>(sd::get_int(db_, sd::kAckedSeq).value_or(0),
                                             "kiosk_state.acked_seq");
  });
}

StorageResult<bool> KioskStateRepository::raise_acked_sequence(std::uint64_t seq) {
  return sd::guarded("storing the acknowledged sequence number", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "storing the acknowledged sequence number");
    sd::WriteTransaction tx(db_);
    const bool raised = sd::raise_counter(db_, sd::kAckedSeq, seq);
    tx.commit();
    return raised;
  });
}

StorageResult<std::uint64_t> KioskStateRepository::last_command() {
  return sd::guarded("reading the last command", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "reading the last command");
    return sd::narrow_from_db<std::uint64_t>(sd::get_int(db_, sd::kLastCommand).value_or(0),
                                             "kiosk_state.last_command");
  });
}

StorageResult<void> KioskStateRepository::set_last_command(std::uint64_t id) {
  return sd::guarded("storing the last command", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "storing the last command");
    sd::WriteTransaction tx(db_);
    sd::raise_counter(db_, sd::kLastCommand, id);
    tx.commit();
  });
}

StorageResult<StaffPinLock> KioskStateRepository::staff_pin_lock() {
  return sd::guarded("reading the staff PIN lock", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "reading the staff PIN lock");
    StaffPinLock lock;
    lock.failures = sd::narrow_from_db<int>(sd::get_int(db_, sd::kStaffFailures).value_or(0),
                                            "kiosk_state.staff_pin_failures");
    if (const auto until = sd::get_int(db_, sd::kStaffLockedUntil); until && *until > 0)
      lock.locked_until = from_unix_ms(*until);
    return lock;
  });
}

StorageResult<void> KioskStateRepository::set_staff_pin_lock(const StaffPinLock& lock) {
  return sd::guarded("storing the staff PIN lock", [&] {
    sd::require_kind(db_, DatabaseKind::kiosk, "storing the staff PIN lock");
    sd::WriteTransaction tx(db_);
    sd::put(db_, sd::kStaffFailures, std::int64_t{lock.failures});
    sd::put(db_, sd::kStaffLockedUntil, lock.locked_until ? to_unix_ms(*lock.locked_until) : 0);
    tx.commit();
  });
}

}  // namespace einlass
