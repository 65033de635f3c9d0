#include "sync/replica_sync.h"

#include <algorithm>
#include <utility>

#include "event/event_calendar.h"
#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/key_repository.h"
#include "storage/kiosk_state_repository.h"
#include "storage/revocation_repository.h"
#include "storage/staff_card_repository.h"
#include "storage/transaction.h"
#include "ticket/keyring.h"

namespace einlass {

namespace {

using Kind = ReplicaSyncError::Kind;

// Refuses, before anything is written, a config the replica could not decide with: otherwise it
// would be committed and the kiosk would not even open its replica after a restart.
ReplicaSyncResult<void> check_config(const ReplicaConfig& config) {
  if (auto calendar = EventCalendar::create(config.event); !calendar)
    return replica_sync_error(Kind::config, "the event from the server: " + calendar.error());
  Keyring keyring{config.event.id};
  for (const auto& key : config.keys) {
    if (auto added = keyring.add(key.id, key.public_key); !added)
      return replica_sync_error(
          Kind::config, "key " + std::to_string(key.id) + " from the server: " + added.error());
  }
  return {};
}

enum class StaffCards { add, replace };

StorageResult<void> store_config(Database& db, const ReplicaConfig& config, StaffCards cards) {
  if (auto saved = EventRepository(db).save(config.event); !saved) return saved;
  // The given keys are all the kiosk trusts: a key left out (retired) makes its tickets
  // unknown_key.
  KeyRepository keys(db);
  auto held = keys.keys();
  if (!held) return std::unexpected(held.error());
  for (const auto& key : *held) {
    const bool kept = std::ranges::any_of(
        config.keys, [&](const PublicKeyEntry& entry) { return entry.id == key.id; });
    if (kept) continue;
    if (auto removed = keys.remove_public_key(key.id); !removed)
      return std::unexpected(removed.error());
  }
  for (const auto& key : config.keys) {
    if (auto put = keys.put_public_key(key.id, key.public_key); !put) return put;
  }
  StaffCardRepository staff_cards(db);
  if (cards == StaffCards::replace) {
    if (auto cleared = staff_cards.clear_revoked(); !cleared) return cleared;
  }
  for (const auto& card : config.revoked_staff_cards) {
    if (auto put = staff_cards.put_revoked(card.card_id, card.revoked_at); !put)
      return std::unexpected(put.error());
  }
  return {};
}

// Adds admissions learnt from the server, lets the replica's clock observe their stamps and
// moves the next own sequence number past own events it did not hold.
StorageResult<void> store_received(Database& db, const Clock& clock, const std::string& kiosk_id,
                                   std::span<const AdmissionEvent> admissions,
                                   ApplySummary& summary) {
  if (admissions.empty()) return {};
  auto appended = AdmissionLog(db, clock).append_skipping_conflicts(admissions);
  if (!appended) return std::unexpected(appended.error());
  summary.admissions_added += appended->added;
  summary.admissions_known += appended->known;
  summary.admissions_conflicting.insert(summary.admissions_conflicting.end(),
                                        appended->conflicting.begin(), appended->conflicting.end());
  Hlc highest = admissions.front().hlc;
  std::uint64_t own_highest = 0;
  for (const auto& event : admissions) {
    highest = std::max(highest, event.hlc);
    if (event.key.kiosk_id == kiosk_id) own_highest = std::max(own_highest, event.key.seq);
  }
  summary.highest_hlc = std::max(summary.highest_hlc.value_or(highest), highest);
  KioskStateRepository state(db);
  if (auto observed = state.observe_hlc(highest); !observed) return observed;
  if (own_highest == 0) return {};
  auto before = state.next_sequence();
  if (!before) return std::unexpected(before.error());
  if (own_highest < *before) return {};
  if (auto raised = state.raise_next_sequence(own_highest + 1); !raised) return raised;
  summary.next_sequence_raised = true;
  return {};
}

// The cursor stored with the message: the message's own, or the one before if it carried none
// (a part of a split `changes`; pulling again from there repeats it harmlessly).
StorageResult<std::string> store_cursor(Database& db, const std::string& cursor,
                                        bool empty_is_a_cursor) {
  KioskStateRepository state(db);
  if (cursor.empty() && !empty_is_a_cursor) return state.sync_cursor();
  if (auto set = state.set_sync_cursor(cursor); !set) return std::unexpected(set.error());
  return cursor;
}

}  // namespace

ReplicaSync::ReplicaSync(Replica& replica, std::string kiosk_id, const Clock& clock)
    : replica_(replica),
      kiosk_id_(std::move(kiosk_id)),
      clock_(clock),
      outbox_(replica.db(), kiosk_id_, clock) {}

StorageResult<std::string> ReplicaSync::cursor() {
  return KioskStateRepository(replica_.db()).sync_cursor();
}

ReplicaSyncResult<ApplySummary> ReplicaSync::apply(const Changes& changes) {
  if (staging_.in_progress())
    return replica_sync_error(Kind::protocol, "changes arrived in the middle of a snapshot");
  if (changes.config) {
    if (auto usable = check_config(*changes.config); !usable)
      return std::unexpected(usable.error());
  }
  Database& db = replica_.db();
  ApplySummary summary;
  auto stored = [&]() -> StorageResult<void> {
    auto tx = Transaction::begin(db);
    if (!tx) return std::unexpected(tx.error());
    AttendeeRepository attendees(db, clock_);
    if (auto put = attendees.put_records(changes.attendees); !put) return put;
    summary.attendees = changes.attendees.size();
    auto removed = attendees.remove_records(changes.removed_attendees);
    if (!removed) return std::unexpected(removed.error());
    summary.removed_attendees = *removed;
    RevocationRepository revocations(db);
    if (auto put = revocations.put(changes.revocations); !put) return put;
    summary.revocations = changes.revocations.size();
    auto withdrawn = revocations.withdraw(changes.withdrawn_revocations);
    if (!withdrawn) return std::unexpected(withdrawn.error());
    summary.withdrawn_revocations = *withdrawn;
    if (auto kept = store_received(db, clock_, kiosk_id_, changes.admissions, summary); !kept)
      return kept;
    if (changes.config) {
      if (auto saved = store_config(db, *changes.config, StaffCards::add); !saved) return saved;
      summary.config_changed = true;
    }
    auto cursor = store_cursor(db, changes.cursor, false);
    if (!cursor) return std::unexpected(cursor.error());
    summary.cursor = std::move(*cursor);
    return tx->commit();
  }();
  if (!stored) return replica_sync_error(stored.error());
  if (summary.config_changed) {
    if (auto reloaded = replica_.reload(); !reloaded)
      return replica_sync_error(Kind::config,
                                "stored, but not taken into use: " + reloaded.error());
  }
  return summary;
}

ReplicaSyncResult<std::optional<ApplySummary>> ReplicaSync::apply_snapshot_part(Changes part) {
  std::optional<StagedSnapshot> whole = staging_.add(std::move(part));
  if (!whole) return std::nullopt;
  if (!whole->config)
    return replica_sync_error(Kind::protocol, "a snapshot without the event's config");
  if (auto usable = check_config(*whole->config); !usable) return std::unexpected(usable.error());
  Database& db = replica_.db();
  ApplySummary summary;
  summary.snapshot = true;
  auto stored = [&]() -> StorageResult<void> {
    auto tx = Transaction::begin(db);
    if (!tx) return std::unexpected(tx.error());
    AttendeeRepository attendees(db, clock_);
    if (auto cleared = attendees.clear_records(); !cleared) return cleared;
    if (auto put = attendees.put_records(whole->attendees); !put) return put;
    summary.attendees = whole->attendees.size();
    RevocationRepository revocations(db);
    if (auto cleared = revocations.clear(); !cleared) return cleared;
    if (auto put = revocations.put(whole->revocations); !put) return put;
    summary.revocations = whole->revocations.size();
    if (auto saved = store_config(db, *whole->config, StaffCards::replace); !saved) return saved;
    summary.config_changed = true;
    if (auto kept = store_received(db, clock_, kiosk_id_, whole->admissions, summary); !kept)
      return kept;
    auto cursor = store_cursor(db, whole->cursor, true);
    if (!cursor) return std::unexpected(cursor.error());
    summary.cursor = std::move(*cursor);
    return tx->commit();
  }();
  if (!stored) return replica_sync_error(stored.error());
  if (auto reloaded = replica_.reload(); !reloaded)
    return replica_sync_error(Kind::config, "stored, but not taken into use: " + reloaded.error());
  return summary;
}

ReplicaSyncResult<ApplySummary> ReplicaSync::store_admissions(
    std::span<const AdmissionEvent> admissions) {
  Database& db = replica_.db();
  ApplySummary summary;
  auto stored = [&]() -> StorageResult<void> {
    auto tx = Transaction::begin(db);
    if (!tx) return std::unexpected(tx.error());
    if (auto kept = store_received(db, clock_, kiosk_id_, admissions, summary); !kept) return kept;
    return tx->commit();
  }();
  if (!stored) return replica_sync_error(stored.error());
  return summary;
}

StorageResult<std::uint64_t> ReplicaSync::last_command() {
  return KioskStateRepository(replica_.db()).last_command();
}

StorageResult<void> ReplicaSync::set_last_command(std::uint64_t id) {
  return KioskStateRepository(replica_.db()).set_last_command(id);
}

}  // namespace einlass
