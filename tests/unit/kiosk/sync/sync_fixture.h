#pragma once
// A provisioned kiosk "K1" with its desk and its side of sync over one replica file, and what
// the server would send it.
#include <string>
#include <vector>

#include "core/admission_desk.h"
#include "core/replica.h"
#include "kiosk_fixture.h"
#include "sync/messages.h"
#include "sync/replica_sync.h"

namespace einlass::test {

struct SyncFixture {
  SyncFixture();

  // The decision for `code` scanned at the K1 entrance `minutes` after the first morning.
  Decision scan(const std::string& code, int minutes = 0);
  std::vector<AdmissionEvent> admissions();
  std::optional<AttendeeRecord> attendee(TicketId id);
  std::vector<Revocation> revocations();
  std::string stored_cursor();

  KioskFixture fixture;
  Replica replica;
  ManualClock clock{first_morning()};
  AdmissionDesk desk;
  ReplicaSync sync{replica, "K1", clock};
};

// An entry of `kiosk` on the first day, scanned at 09:00 Berlin, stamped `hlc_wall`.
AdmissionEvent admission(const std::string& kiosk, std::uint64_t seq, TicketId ticket,
                         std::int64_t hlc_wall = 1'000);
AttendeeRecord attendee_record(TicketId id, std::string name, CategoryCode category = 1,
                               DayMask days = 0b11, AttendeeStatus status = AttendeeStatus::active);
// The sample event trusting exactly `keys`.
ReplicaConfig config_trusting(std::vector<PublicKeyEntry> keys);
// A genuine ticket signed by `key` under `key_id`.
std::string ticket_signed(const SigningKey& key, KeyId key_id, TicketId ticket,
                          std::string name = "Jürgen Weiß", DayMask days = 0b11);

}  // namespace einlass::test
