// ClientSession without sockets: frames in, frames out, over a real provisioned replica. Every
// frame it produces is decoded with FrameReader and the parse_* functions, as a server would.
#include "link/client_session.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/version.h"
#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/kiosk_state_repository.h"
#include "support/sync_frames.h"
#include "sync/handshake.h"
#include "sync_fixture.h"

using namespace einlass;
using test::admission;
using test::attendee_record;
using test::SyncFixture;

namespace {

std::vector<Frame> decode(const auto& frames) {
  return test::decode_frames(frames);
}

std::vector<MessageType> types(const std::vector<Frame>& frames) {
  std::vector<MessageType> out;
  for (const auto& frame : frames) out.push_back(frame.type);
  return out;
}

// The sequence numbers a push frame carries, checking they are K1's.
std::vector<std::uint64_t> pushed_seqs(const Frame& frame) {
  REQUIRE(frame.type == MessageType::push);
  auto push = parse_push(frame.payload);
  REQUIRE(push);
  std::vector<std::uint64_t> out;
  for (const auto& event : push->events) {
    CHECK(event.key.kiosk_id == "K1");
    out.push_back(event.key.seq);
  }
  return out;
}

std::vector<std::uint64_t> range(std::uint64_t first, std::uint64_t last) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t seq = first; seq <= last; ++seq) out.push_back(seq);
  return out;
}

std::string error_message(const ClientStep& step) {
  auto frames = decode(step.frames);
  REQUIRE(frames.size() == 1);
  REQUIRE(frames[0].type == MessageType::error);
  auto error = parse_error(frames[0].payload);
  REQUIRE(error);
  return error->message;
}

Frame ack_frame(std::uint64_t first, std::uint64_t last, std::string kiosk = "K1") {
  return {MessageType::ack, encode_ack(Ack{std::move(kiosk), first, last})};
}

Frame server_version(std::vector<int> versions) {
  return {MessageType::version, encode_version_offer({std::move(versions), "7.0.0"})};
}

// The server's version heard: what every other message needs first.
void agree(ClientSession& session) {
  REQUIRE_FALSE(session.on_frame(server_version({kSyncProtocolVersion})).close);
  REQUIRE(session.ready());
}

// K1's own events 1..count, as if admitted offline.
void own_events(SyncFixture& f, std::uint64_t count) {
  std::vector<AdmissionEvent> events;
  for (std::uint64_t seq = 1; seq <= count; ++seq)
    events.push_back(
        admission("K1", seq, static_cast<TicketId>(1 + seq % 3), static_cast<std::int64_t>(seq)));
  REQUIRE(AdmissionLog(f.replica.db(), f.clock).append_batch(events) == count);
}

std::int64_t attendee_count(SyncFixture& f) {
  auto count = AttendeeRepository(f.replica.db(), f.clock).count();
  REQUIRE(count);
  return *count;
}

}  // namespace

TEST_CASE("start sends version, hello with the stored cursor, and pull", "[kiosk_link]") {
  SyncFixture f;
  REQUIRE(KioskStateRepository(f.replica.db()).set_sync_cursor("1.42"));
  ClientSession session(f.sync, "K1");
  auto step = session.start();
  REQUIRE_FALSE(step.close);
  auto frames = decode(step.frames);
  REQUIRE(types(frames) ==
          std::vector{MessageType::version, MessageType::hello, MessageType::pull});

  auto offer = parse_version_offer(frames[0].payload);
  REQUIRE(offer);
  CHECK(offer->versions == std::vector<int>{kSyncProtocolVersion});
  CHECK(offer->software == software_version());
  CHECK(parse_hello(frames[1].payload) == Hello{"K1", std::string(software_version()), "1.42"});
  CHECK(parse_pull(frames[2].payload) == Pull{"1.42"});
  CHECK_FALSE(session.ready());  // until the server's version is heard
}

TEST_CASE("a fresh replica says hello and pulls with an empty cursor", "[kiosk_link]") {
  SyncFixture f;
  ClientSession session(f.sync, "K1");
  auto frames = decode(session.start().frames);
  REQUIRE(frames.size() == 3);
  CHECK(parse_hello(frames[1].payload)->cursor.empty());
  CHECK(parse_pull(frames[2].payload) == Pull{""});
}

TEST_CASE("a backlog of 1,200 goes out two batches at a time, the next on each ack",
          "[kiosk_link]") {
  SyncFixture f;
  own_events(f, 1200);
  ClientSession session(f.sync, "K1");
  auto frames = decode(session.start().frames);
  agree(session);
  REQUIRE(types(frames) == std::vector{MessageType::version, MessageType::hello, MessageType::pull,
                                       MessageType::push, MessageType::push});
  CHECK(pushed_seqs(frames[3]) == range(1, 500));
  CHECK(pushed_seqs(frames[4]) == range(501, 1000));

  // Both slots are taken: new events wait.
  CHECK(session.pump().frames.empty());

  auto first = session.on_frame(ack_frame(1, 500));
  REQUIRE_FALSE(first.close);
  frames = decode(first.frames);
  REQUIRE(frames.size() == 1);
  CHECK(pushed_seqs(frames[0]) == range(1001, 1200));
  CHECK(f.sync.outbox().acknowledged() == std::uint64_t{500});

  // Nothing is left to send: the freed slot stays free.
  CHECK(session.on_frame(ack_frame(501, 1000)).frames.empty());
  CHECK(session.on_frame(ack_frame(1001, 1200)).frames.empty());
  CHECK(f.sync.outbox().unsynced() == std::uint64_t{0});

  // An event admitted now goes out at once.
  REQUIRE(AdmissionLog(f.replica.db(), f.clock).append(admission("K1", 1201, 2, 5000)));
  frames = decode(session.pump().frames);
  REQUIRE(frames.size() == 1);
  CHECK(pushed_seqs(frames[0]) == std::vector<std::uint64_t>{1201});
}

TEST_CASE("an ack for another kiosk closes with a message", "[kiosk_link]") {
  SyncFixture f;
  own_events(f, 3);
  ClientSession session(f.sync, "K1");
  session.start();
  agree(session);
  auto step = session.on_frame(ack_frame(1, 3, "K2"));
  REQUIRE(step.close);
  CHECK_THAT(error_message(step), Catch::StartsWith("ack not recorded: "));
  CHECK(f.sync.outbox().acknowledged() == std::uint64_t{0});
}

TEST_CASE("changes from the server land in the replica with their cursor", "[kiosk_link]") {
  SyncFixture f;
  ClientSession session(f.sync, "K1");
  session.start();
  REQUIRE_FALSE(session.on_frame(server_version({kSyncProtocolVersion})).close);
  CHECK(session.ready());

  Changes changes;
  changes.cursor = "1.77";
  changes.server_time_ms = 1'700'000'000'000;
  changes.attendees = {attendee_record(40, "Neu Angemeldete"),
                       attendee_record(2, "Ayşe Yılmaz-Demir", 2, 0b01)};
  changes.removed_attendees = {3};
  changes.revocations = {Revocation{1, test::first_morning(), "verloren"}};
  changes.admissions = {admission("K2", 1, 2, 9'000), admission("K3", 4, 40, 12'000)};
  auto step = session.on_frame({MessageType::changes, encode_changes(changes)});
  REQUIRE_FALSE(step.close);
  CHECK(step.frames.empty());
  CHECK(step.replica_changed);
  CHECK_FALSE(step.config_changed);
  CHECK(step.server_time_ms == 1'700'000'000'000);
  REQUIRE(step.observed);
  CHECK(*step.observed == Hlc{12'000, 0});
  CHECK(step.log ==
        std::vector<std::string>{
            "received: 2 attendees, 1 removed, 1 revocations, 0 withdrawn, 2 admissions"});

  CHECK(f.attendee(40) == attendee_record(40, "Neu Angemeldete"));
  CHECK(f.attendee(2)->display_name == "Ayşe Yılmaz-Demir");
  CHECK_FALSE(f.attendee(3).has_value());
  CHECK(f.revocations() == changes.revocations);
  const auto admissions = f.admissions();
  REQUIRE(admissions.size() == 2);
  CHECK(admissions[0].key == EventKey{"K2", 1});
  CHECK(admissions[1].key == EventKey{"K3", 4});
  CHECK(f.stored_cursor() == "1.77");

  // A heartbeat's answer: nothing new, only the clock.
  Changes empty;
  empty.cursor = "1.77";
  empty.server_time_ms = 1'700'000'005'000;
  auto quiet = session.on_frame({MessageType::changes, encode_changes(empty)});
  CHECK_FALSE(quiet.replica_changed);
  CHECK(quiet.log.empty());
  CHECK(quiet.server_time_ms == 1'700'000'005'000);
}

TEST_CASE("snapshot parts change nothing until the last, which replaces the replica",
          "[kiosk_link]") {
  SyncFixture f;
  ClientSession session(f.sync, "K1");
  session.start();
  agree(session);
  REQUIRE(attendee_count(f) == 3);

  Changes first;
  first.more = true;
  first.config = test::config_trusting({PublicKeyEntry{1, f.fixture.key.public_key()}});
  first.attendees = {attendee_record(100, "Person 100"), attendee_record(101, "Person 101")};
  first.revocations = {Revocation{100, test::first_morning(), ""}};
  Changes last;
  last.cursor = "1.500";
  last.attendees = {attendee_record(102, "Person 102")};
  last.admissions = {admission("K2", 1, 101)};

  auto part = session.on_frame({MessageType::snapshot, encode_changes(first)});
  REQUIRE_FALSE(part.close);
  CHECK_FALSE(part.replica_changed);
  CHECK(part.log.empty());
  CHECK(attendee_count(f) == 3);
  CHECK(f.attendee(1).has_value());
  CHECK(f.revocations().empty());
  CHECK(f.stored_cursor().empty());
  CHECK(f.sync.snapshot_in_progress());

  auto whole = session.on_frame({MessageType::snapshot, encode_changes(last)});
  REQUIRE_FALSE(whole.close);
  CHECK(whole.replica_changed);
  CHECK(whole.config_changed);
  CHECK(whole.log == std::vector<std::string>{
                         "received a snapshot: 3 attendees, 0 removed, 1 revocations, 0 withdrawn, "
                         "1 admissions, new event settings"});
  CHECK(attendee_count(f) == 3);
  CHECK_FALSE(f.attendee(1).has_value());
  CHECK(f.attendee(102) == attendee_record(102, "Person 102"));
  CHECK(f.revocations() == first.revocations);
  CHECK(f.stored_cursor() == "1.500");
  CHECK_FALSE(f.sync.snapshot_in_progress());
}

TEST_CASE("a new connection drops the parts of a snapshot cut short", "[kiosk_link]") {
  SyncFixture f;
  Changes first;
  first.more = true;
  first.config = test::config_trusting({PublicKeyEntry{1, f.fixture.key.public_key()}});
  {
    ClientSession cut(f.sync, "K1");
    cut.start();
    agree(cut);
    REQUIRE_FALSE(cut.on_frame({MessageType::snapshot, encode_changes(first)}).close);
    REQUIRE(f.sync.snapshot_in_progress());
  }
  ClientSession again(f.sync, "K1");
  again.start();
  CHECK_FALSE(f.sync.snapshot_in_progress());
}

TEST_CASE("a server speaking only another version is refused: update the kiosk", "[kiosk_link]") {
  SyncFixture f;
  ClientSession session(f.sync, "K1");
  session.start();
  auto step = session.on_frame(server_version({kSyncProtocolVersion + 1}));
  REQUIRE(step.close);
  const auto message = error_message(step);
  CHECK(message ==
        "the kiosk speaks sync protocol 1, the server offers 2 (software 7.0.0): update the kiosk");
  CHECK(*step.close == message);
  CHECK_FALSE(session.ready());
}

TEST_CASE("a frame that does not parse closes with the parser's reason", "[kiosk_link]") {
  SyncFixture f;
  for (auto type : {MessageType::changes, MessageType::snapshot, MessageType::ack,
                    MessageType::claim_result, MessageType::command, MessageType::version}) {
    INFO(to_string(type));
    ClientSession session(f.sync, "K1");
    session.start();
    if (type != MessageType::version) agree(session);
    auto step = session.on_frame({type, "{not json"});
    REQUIRE(step.close);
    CHECK_FALSE(error_message(step).empty());
    CHECK(step.frames.size() == 1);
  }
  CHECK(f.stored_cursor().empty());
}

TEST_CASE("changes the replica refuses close with a message", "[kiosk_link]") {
  SyncFixture f;
  ClientSession session(f.sync, "K1");
  session.start();
  agree(session);
  Changes part;
  part.more = true;
  part.config = test::config_trusting({PublicKeyEntry{1, f.fixture.key.public_key()}});
  REQUIRE_FALSE(session.on_frame({MessageType::snapshot, encode_changes(part)}).close);
  Changes changes;
  changes.cursor = "1.9";
  changes.attendees = {attendee_record(40, "Neu Angemeldete")};
  auto step = session.on_frame({MessageType::changes, encode_changes(changes)});
  REQUIRE(step.close);
  CHECK(error_message(step) == "changes not stored: changes arrived in the middle of a snapshot");
  CHECK_FALSE(f.attendee(40).has_value());
  CHECK(f.stored_cursor().empty());
}

TEST_CASE("messages only a kiosk sends are refused; a server error closes quietly",
          "[kiosk_link]") {
  SyncFixture f;
  for (auto type : {MessageType::hello, MessageType::push, MessageType::pull,
                    MessageType::heartbeat, MessageType::claim}) {
    INFO(to_string(type));
    ClientSession session(f.sync, "K1");
    session.start();
    agree(session);
    auto step = session.on_frame({type, "{}"});
    REQUIRE(step.close);
    CHECK(error_message(step) ==
          "a server does not send " + std::string(to_string(type)) + " messages");
  }
  ClientSession session(f.sync, "K1");
  session.start();
  agree(session);
  auto error = session.on_frame(
      {MessageType::error, encode_error(ErrorMessage{"the certificate of K1 is revoked"})});
  CHECK(error.frames.empty());
  CHECK(error.close == "the server closed with: the certificate of K1 is revoked");
  // Whatever the socket still delivers after that counts for nothing.
  Changes late;
  late.cursor = "1.99";
  late.attendees = {attendee_record(41, "Zu Spät")};
  auto after = session.on_frame({MessageType::changes, encode_changes(late)});
  CHECK(after.frames.empty());
  CHECK_FALSE(f.attendee(41).has_value());
}

TEST_CASE("before the server's version only an error is taken", "[kiosk_link]") {
  SyncFixture f;
  ClientSession session(f.sync, "K1");
  session.start();
  auto step = session.on_frame(ack_frame(1, 1));
  REQUIRE(step.close);
  CHECK(error_message(step) == "expected the server's version first, got ack");
  ClientSession twice(f.sync, "K1");
  twice.start();
  agree(twice);
  auto again = twice.on_frame(server_version({kSyncProtocolVersion}));
  REQUIRE(again.close);
  CHECK(error_message(again) == "the server sent its version twice");
}

TEST_CASE("claim results and commands are handed to the kiosk in the step", "[kiosk_link]") {
  SyncFixture f;
  ClientSession session(f.sync, "K1");
  session.start();
  agree(session);
  ClaimResult result;
  result.request = 9;
  result.admissions = {admission("K2", 3, 1)};
  auto claimed = session.on_frame({MessageType::claim_result, encode_claim_result(result)});
  REQUIRE_FALSE(claimed.close);
  CHECK(claimed.frames.empty());
  CHECK(claimed.claim_result == result);
  CHECK(f.admissions().empty());  // the kiosk decides what to keep, not the session

  const Command reprint{12, CommandKind::reprint, 2, "anna", "torn"};
  auto commanded = session.on_frame({MessageType::command, encode_command(reprint)});
  REQUIRE_FALSE(commanded.close);
  CHECK(commanded.commands == std::vector{reprint});
  CHECK_FALSE(commanded.claim_result);
}

TEST_CASE("claim and heartbeat frames decode to what was given", "[kiosk_link]") {
  SyncFixture f;
  ClientSession session(f.sync, "K1");
  const Claim claim{5, 2, 1};
  auto frames = decode(std::vector{session.claim_frame(claim)});
  REQUIRE(frames[0].type == MessageType::claim);
  CHECK(parse_claim(frames[0].payload) == claim);

  Heartbeat heartbeat;
  heartbeat.health.printer = PrinterHealth::paper_out;
  heartbeat.health.printer_detail = "media-empty";
  heartbeat.unsynced = 17;
  heartbeat.kiosk_time_ms = 1'700'000'000'000;
  heartbeat.hlc = {1'700'000'000'000, 3};
  heartbeat.last_command = 12;
  frames = decode(std::vector{session.heartbeat_frame(heartbeat)});
  REQUIRE(frames[0].type == MessageType::heartbeat);
  CHECK(parse_heartbeat(frames[0].payload) == heartbeat);
}
