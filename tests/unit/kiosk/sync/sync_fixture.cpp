#include "sync_fixture.h"

#include <catch2/catch.hpp>

#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/kiosk_state_repository.h"
#include "storage/revocation_repository.h"
#include "support/sample_event.h"
#include "ticket/ticket_issuer.h"

namespace einlass::test {

namespace {

Replica open_replica(const std::filesystem::path& path) {
  auto replica = Replica::open(path);
  REQUIRE(replica);
  return std::move(*replica);
}

AdmissionDesk open_desk(Replica& replica, const Clock& clock) {
  auto desk = AdmissionDesk::open(replica, Entrance{"K1", EntranceMode::entry, {}}, clock);
  REQUIRE(desk);
  return std::move(*desk);
}

}  // namespace

SyncFixture::SyncFixture()
    : replica(open_replica(fixture.replica_path)), desk(open_desk(replica, clock)) {}

Decision SyncFixture::scan(const std::string& code, int minutes) {
  return desk.scan(code, first_morning() + std::chrono::minutes(minutes)).decision;
}

std::vector<AdmissionEvent> SyncFixture::admissions() {
  auto all = AdmissionLog(replica.db(), clock).all();
  REQUIRE(all);
  return *all;
}

std::optional<AttendeeRecord> SyncFixture::attendee(TicketId id) {
  auto record = AttendeeRepository(replica.db(), clock).find_record(id);
  REQUIRE(record);
  return *record;
}

std::vector<Revocation> SyncFixture::revocations() {
  auto all = RevocationRepository(replica.db()).all();
  REQUIRE(all);
  return *all;
}

std::string SyncFixture::stored_cursor() {
  auto cursor = KioskStateRepository(replica.db()).sync_cursor();
  REQUIRE(cursor);
  return *cursor;
}

AdmissionEvent admission(const std::string& kiosk, std::uint64_t seq, TicketId ticket,
                         std::int64_t hlc_wall) {
  AdmissionEvent e;
  e.key = {kiosk, seq};
  e.ticket_id = ticket;
  e.kind = AdmissionKind::entry;
  e.scan_time = first_morning();
  e.hlc = {hlc_wall, 0};
  e.event_day = 1;
  return e;
}

AttendeeRecord attendee_record(TicketId id, std::string name, CategoryCode category, DayMask days,
                               AttendeeStatus status) {
  return AttendeeRecord{id, std::move(name), "Testbehörde", category, days, status};
}

ReplicaConfig config_trusting(std::vector<PublicKeyEntry> keys) {
  ReplicaConfig config;
  config.event = sample_event();
  config.keys = std::move(keys);
  return config;
}

std::string ticket_signed(const SigningKey& key, KeyId key_id, TicketId ticket, std::string name,
                          DayMask days) {
  const AttendeeRecord holder{ticket, std::move(name),       "Testbehörde", 1,
                              days,   AttendeeStatus::active};
  return issue_ticket(ticket_for(holder, sample_event().id, key_id), key);
}

}  // namespace einlass::test
