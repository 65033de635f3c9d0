// ServerSession without sockets: frames in, frames out, against a real server database. Every
// frame it produces is decoded with FrameReader and the parse_* functions, as a kiosk would.
#include "net/server_session.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/version.h"
#include "hub/kiosk_commands.h"
#include "hub/sync_cursor.h"
#include "hub_fixture.h"
#include "storage/kiosk_registry.h"
#include "support/sync_frames.h"
#include "sync/handshake.h"

using namespace einlass;
using test::entry;
using test::HubFixture;

namespace {

std::vector<Frame> decode(const auto& frames) {
  return test::decode_frames(frames);
}

Frame version_frame(std::vector<int> versions) {
  return {MessageType::version, encode_version_offer({std::move(versions), "9.9.9"})};
}

Frame hello_frame(std::string kiosk, std::string cursor = "") {
  return {MessageType::hello, encode_hello({std::move(kiosk), "0.1.0-test", std::move(cursor)})};
}

Frame push_frame(std::vector<AdmissionEvent> events) {
  return {MessageType::push, encode_push(Push{std::move(events)})};
}

Frame pull_frame(std::string cursor = "") {
  return {MessageType::pull, encode_pull(Pull{std::move(cursor)})};
}

Frame heartbeat_frame(HubFixture& f, std::uint64_t last_command = 0) {
  Heartbeat heartbeat;
  heartbeat.health.printer = PrinterHealth::ok;
  heartbeat.kiosk_time_ms = to_unix_ms(f.clock.now());
  heartbeat.hlc = {to_unix_ms(f.clock.now()), 0};
  heartbeat.last_command = last_command;
  return {MessageType::heartbeat, encode_heartbeat(heartbeat)};
}

// The error message of the only frame, which must be an error.
std::string error_message(const SessionStep& step) {
  auto frames = decode(step.frames);
  REQUIRE(frames.size() == 1);
  REQUIRE(frames[0].type == MessageType::error);
  auto error = parse_error(frames[0].payload);
  REQUIRE(error);
  return error->message;
}

Changes changes_of(const Frame& frame) {
  auto changes = parse_changes(frame.payload);
  REQUIRE(changes);
  return std::move(*changes);
}

std::string newest_cursor(HubFixture& f) {
  return format_cursor({test::sample_event().id, *f.hub.latest_change()});
}

// A session of kiosk `kiosk` (its certificate says so) through version and hello.
struct Connected {
  explicit Connected(HubFixture& f, std::string kiosk = "K1")
      : feed(f.hub), session(f.hub, feed, "10.0.0.7:50123", kiosk) {
    REQUIRE(session.on_frame(version_frame({kSyncProtocolVersion})).frames.empty());
    auto hello = session.on_frame(hello_frame(kiosk));
    REQUIRE_FALSE(hello.close);
    REQUIRE(session.ready());
  }
  ChangeFeed feed;
  ServerSession session;
};

// A push as the server handles it: handed over by the session, stored, then acknowledged.
SessionStep push_now(HubFixture& f, ServerSession& session, const Frame& frame) {
  auto step = session.on_frame(frame);
  if (!step.store) return step;
  const auto outcome = f.hub.push(session.kiosk_id(), *step.store);
  return session.on_stored(outcome, step.store->events.size());
}

}  // namespace

TEST_CASE("the greeting offers the server's protocol versions and software", "[net][session]") {
  HubFixture f;
  ChangeFeed feed_session(f.hub);
  ServerSession session(f.hub, feed_session, "10.0.0.7:50123", "K1");
  auto frames = decode(std::vector{session.greeting()});
  REQUIRE(frames[0].type == MessageType::version);
  auto offer = parse_version_offer(frames[0].payload);
  REQUIRE(offer);
  CHECK(offer->versions == std::vector<int>{kSyncProtocolVersion});
  CHECK(offer->software == software_version());
  CHECK_FALSE(session.ready());
}

TEST_CASE("a kiosk speaking only newer versions is refused: update the server", "[net][session]") {
  HubFixture f;
  ChangeFeed feed_session(f.hub);
  ServerSession session(f.hub, feed_session, "10.0.0.7:50123", "K1");
  auto step = session.on_frame(version_frame({kSyncProtocolVersion + 1, kSyncProtocolVersion + 2}));
  REQUIRE(step.close);
  const auto message = error_message(step);
  CHECK(message ==
        "the server speaks sync protocol 1, the kiosk offers 2, 3 (software 9.9.9): "
        "update the server");
  CHECK(*step.close == message);
  CHECK_FALSE(session.ready());
}

TEST_CASE("a version offer the server cannot read is refused with the reason", "[net][session]") {
  HubFixture f;
  ChangeFeed feed_session(f.hub);
  ServerSession session(f.hub, feed_session, "10.0.0.7:50123", "K1");
  auto step = session.on_frame({MessageType::version, R"({"protocol":"http"})"});
  REQUIRE(step.close);
  CHECK_THAT(error_message(step), Catch::Contains("not an Einlass sync peer"));
}

TEST_CASE("anything before the version, and anything but hello after it, is refused",
          "[net][session]") {
  HubFixture f;
  ChangeFeed feed_first(f.hub);
  ServerSession first(f.hub, feed_first, "10.0.0.7:50123", "K1");
  auto early = first.on_frame(hello_frame("K1"));
  REQUIRE(early.close);
  CHECK(error_message(early) == "expected a version message first, got hello");

  ChangeFeed feed_second(f.hub);
  ServerSession second(f.hub, feed_second, "10.0.0.7:50124", "K1");
  REQUIRE_FALSE(second.on_frame(version_frame({kSyncProtocolVersion})).close);
  auto pushed = push_now(f, second, push_frame({entry("K1", 1, 1, 0)}));
  REQUIRE(pushed.close);
  CHECK(error_message(pushed) == "expected hello after the version, got push");
  CHECK_FALSE(second.ready());
  CHECK(f.hub.catch_up("K2", "")->at(0).changes.admissions.empty());  // nothing was stored
}

TEST_CASE("hello naming another kiosk than the certificate is refused", "[net][session]") {
  HubFixture f;
  ChangeFeed feed_session(f.hub);
  ServerSession session(f.hub, feed_session, "10.0.0.7:50123", "K1");
  REQUIRE_FALSE(session.on_frame(version_frame({kSyncProtocolVersion})).close);
  auto step = session.on_frame(hello_frame("K2"));
  REQUIRE(step.close);
  CHECK(error_message(step) == "hello names kiosk K2 but the certificate belongs to K1");
  CHECK_FALSE(session.ready());
  CHECK(session.kiosk_id().empty());
  CHECK_FALSE(KioskRegistry(f.db).find("K2")->has_value());

  // Refused is final: a correct hello read after it (still in the socket's buffer) counts for
  // nothing.
  auto after = session.on_frame(hello_frame("K1"));
  CHECK(after.frames.empty());
  CHECK_FALSE(after.close);
  CHECK_FALSE(session.ready());
  CHECK_FALSE(KioskRegistry(f.db).find("K1")->has_value());
}

TEST_CASE("hello registers the kiosk as connected; closing marks it offline", "[net][session]") {
  HubFixture f;
  ChangeFeed feed_session(f.hub);
  ServerSession session(f.hub, feed_session, "10.0.0.7:50123", "K1");
  REQUIRE_FALSE(session.on_frame(version_frame({3, kSyncProtocolVersion})).close);
  auto step = session.on_frame(hello_frame("K1"));
  REQUIRE_FALSE(step.close);
  CHECK(step.frames.empty());
  REQUIRE(step.log.size() == 1);
  CHECK(step.log[0] == "K1 connected from 10.0.0.7:50123 (software 0.1.0-test)");
  CHECK(session.kiosk_id() == "K1");
  auto row = KioskRegistry(f.db).find("K1");
  REQUIRE(row);
  REQUIRE(*row);
  CHECK((*row)->connected);
  CHECK((*row)->address == "10.0.0.7:50123");
  CHECK((*row)->software == "0.1.0-test");

  session.closed();
  CHECK_FALSE(KioskRegistry(f.db).find("K1")->value().connected);
}

TEST_CASE("a push is acknowledged; the same push again is acknowledged as nothing new",
          "[net][session]") {
  HubFixture f;
  Connected k1(f);
  const auto push = push_frame({entry("K1", 1, 1, 0), entry("K1", 2, 2, 1)});

  auto first = push_now(f, k1.session, push);
  REQUIRE_FALSE(first.close);
  auto frames = decode(first.frames);
  REQUIRE(frames.size() == 1);
  REQUIRE(frames[0].type == MessageType::ack);
  CHECK(parse_ack(frames[0].payload) == Ack{"K1", 1, 2});
  CHECK(first.stored_new);
  CHECK(first.log == std::vector<std::string>{"K1 pushed 2 events, 2 new"});

  // The ack was lost (scenario 5): the kiosk pushes the same events again.
  auto again = push_now(f, k1.session, push);
  REQUIRE_FALSE(again.close);
  frames = decode(again.frames);
  REQUIRE(frames.size() == 1);
  CHECK(parse_ack(frames[0].payload) == Ack{"K1", 1, 2});
  CHECK_FALSE(again.stored_new);
  CHECK(again.log == std::vector<std::string>{"K1 pushed 2 events, 0 new"});

  auto stored = f.hub.catch_up("K2", "");
  REQUIRE(stored);
  CHECK(stored->at(0).changes.admissions.size() == 2);  // once each
}

TEST_CASE("an empty push is answered with nothing", "[net][session]") {
  HubFixture f;
  Connected k1(f);
  auto step = push_now(f, k1.session, push_frame({}));
  CHECK_FALSE(step.close);
  CHECK(step.frames.empty());
  CHECK_FALSE(step.stored_new);
}

TEST_CASE("a push of another kiosk's events closes the connection", "[net][session]") {
  HubFixture f;
  Connected k1(f);
  auto step = push_now(f, k1.session, push_frame({entry("K2", 1, 1, 0)}));
  REQUIRE(step.close);
  CHECK_FALSE(error_message(step).empty());
  CHECK_FALSE(step.stored_new);
  CHECK(f.hub.catch_up("K3", "")->at(0).changes.admissions.empty());
}

TEST_CASE("a pull gets a snapshot; from then on only what is new comes, unasked",
          "[net][session]") {
  HubFixture f;
  Connected k1(f);
  Connected k2(f, "K2");
  REQUIRE(push_now(f, k1.session, push_frame({entry("K1", 1, 1, 0)})).stored_new);

  // Before its first pull a kiosk hears nothing unasked.
  CHECK(k2.session.on_changes().frames.empty());

  auto pulled = k2.session.on_frame(pull_frame());
  REQUIRE_FALSE(pulled.close);
  auto frames = decode(pulled.frames);
  REQUIRE(frames.size() == 1);
  REQUIRE(frames[0].type == MessageType::snapshot);
  auto snapshot = changes_of(frames[0]);
  CHECK_FALSE(snapshot.more);
  CHECK(snapshot.cursor == newest_cursor(f));
  REQUIRE(snapshot.config);
  CHECK(snapshot.config->event.name == test::sample_event().name);
  REQUIRE(snapshot.attendees.size() == 3);
  CHECK(snapshot.attendees[0].display_name == "Ada Lovelace");
  REQUIRE(snapshot.admissions.size() == 1);
  CHECK(snapshot.admissions[0].key == EventKey{"K1", 1});
  CHECK(pulled.log == std::vector<std::string>{"K2: sent a snapshot"});

  // Nothing happened since: nothing is sent.
  CHECK(k2.session.on_changes().frames.empty());

  // K1 admits again: K2 hears of exactly that admission, with the new cursor.
  f.clock.advance(std::chrono::seconds(3));
  REQUIRE(push_now(f, k1.session, push_frame({entry("K1", 2, 2, 1)})).stored_new);
  auto heard = k2.session.on_changes();
  frames = decode(heard.frames);
  REQUIRE(frames.size() == 1);
  REQUIRE(frames[0].type == MessageType::changes);
  auto changes = changes_of(frames[0]);
  REQUIRE(changes.admissions.size() == 1);
  CHECK(changes.admissions[0].key == EventKey{"K1", 2});
  CHECK(changes.attendees.empty());
  CHECK_FALSE(changes.config);
  CHECK(changes.cursor == newest_cursor(f));
  CHECK(changes.server_time_ms == to_unix_ms(f.clock.now()));
  CHECK(k2.session.on_changes().frames.empty());  // sent once

  // K1 pulled nothing: it does not hear changes unasked, not even its own.
  CHECK(k1.session.on_changes().frames.empty());
}

TEST_CASE("a pull from a current cursor gets an empty changes message", "[net][session]") {
  HubFixture f;
  Connected k1(f);
  auto step = k1.session.on_frame(pull_frame(newest_cursor(f)));
  auto frames = decode(step.frames);
  REQUIRE(frames.size() == 1);
  REQUIRE(frames[0].type == MessageType::changes);
  auto changes = changes_of(frames[0]);
  CHECK(changes.cursor == newest_cursor(f));
  CHECK(changes.server_time_ms == to_unix_ms(f.clock.now()));
  CHECK(changes.attendees.empty());
  CHECK(changes.admissions.empty());
}

TEST_CASE("a claim is answered with its result, echoing the request", "[net][session]") {
  HubFixture f;
  Connected k1(f);
  Connected k2(f, "K2");
  auto granted = k1.session.on_frame({MessageType::claim, encode_claim(Claim{41, 1, 1})});
  REQUIRE_FALSE(granted.close);
  auto frames = decode(granted.frames);
  REQUIRE(frames.size() == 1);
  REQUIRE(frames[0].type == MessageType::claim_result);
  auto result = parse_claim_result(frames[0].payload);
  REQUIRE(result);
  CHECK(result->request == 41);
  CHECK(result->granted);

  auto refused = k2.session.on_frame({MessageType::claim, encode_claim(Claim{7, 1, 1})});
  frames = decode(refused.frames);
  REQUIRE(frames.size() == 1);
  result = parse_claim_result(frames[0].payload);
  REQUIRE(result);
  CHECK(result->request == 7);
  CHECK_FALSE(result->granted);
  CHECK(result->claimed_by == "K1");
}

TEST_CASE("a heartbeat is answered with a changes message carrying the server's clock",
          "[net][session]") {
  HubFixture f;
  Connected k1(f);
  REQUIRE(k1.session.on_frame(pull_frame()).frames.size() == 1);
  f.clock.advance(std::chrono::seconds(5));
  auto step = k1.session.on_frame(heartbeat_frame(f));
  REQUIRE_FALSE(step.close);
  auto frames = decode(step.frames);
  REQUIRE(frames.size() == 1);
  REQUIRE(frames[0].type == MessageType::changes);
  auto changes = changes_of(frames[0]);
  CHECK(changes.server_time_ms == to_unix_ms(f.clock.now()));
  CHECK(changes.cursor == newest_cursor(f));
  CHECK(changes.admissions.empty());
  CHECK(KioskRegistry(f.db).find("K1")->value().last_seen == f.clock.now());
}

TEST_CASE("commands are sent after the first heartbeat only, and each once", "[net][session]") {
  HubFixture f;
  REQUIRE(f.hub.push("K2", Push{{entry("K2", 1, 2, 0)}}));  // a reprint is of a badge printed
  Connected k1(f);
  auto done = queue_command(f.db, f.clock, {CommandKind::pause, "K1", 0, "anna", ""});
  auto reprint = queue_command(f.db, f.clock, {CommandKind::reprint, "K1", 2, "anna", "torn"});
  REQUIRE(done);
  REQUIRE(reprint);
  REQUIRE(queue_command(f.db, f.clock, {CommandKind::pause, "K2", 0, "anna", ""}));

  // Until its heartbeat says which it carried out, the kiosk is sent none.
  CHECK(k1.session.on_commands().frames.empty());

  // It carried out the pause on an earlier connection: only the reprint comes.
  auto step = k1.session.on_frame(heartbeat_frame(f, done->id));
  auto frames = decode(step.frames);
  REQUIRE(frames.size() == 1);  // not subscribed (no pull): no changes message
  REQUIRE(frames[0].type == MessageType::command);
  CHECK(parse_command(frames[0].payload) == *reprint);
  CHECK(step.log.back() == "K1: sent command " + std::to_string(reprint->id) + " (reprint)");

  // The next heartbeat still reports the old id (the reprint is under way): not sent again.
  CHECK(decode(k1.session.on_frame(heartbeat_frame(f, done->id)).frames).empty());
  CHECK(k1.session.on_commands().frames.empty());

  auto resume = queue_command(f.db, f.clock, {CommandKind::resume, "K1", 0, "ben", ""});
  REQUIRE(resume);
  frames = decode(k1.session.on_commands().frames);
  REQUIRE(frames.size() == 1);
  CHECK(parse_command(frames[0].payload) == *resume);
  CHECK(k1.session.on_commands().frames.empty());
}

TEST_CASE("an error frame from the kiosk closes without an answer", "[net][session]") {
  HubFixture f;
  Connected k1(f);
  auto step = k1.session.on_frame(
      {MessageType::error, encode_error(ErrorMessage{"the server speaks 1: update the kiosk"})});
  CHECK(step.frames.empty());
  REQUIRE(step.close);
  CHECK(*step.close == "the kiosk closed with: the server speaks 1: update the kiosk");

  // Before the version too; an unreadable error is quoted, cut short.
  ChangeFeed feed_fresh(f.hub);
  ServerSession fresh(f.hub, feed_fresh, "10.0.0.7:50124", "K1");
  auto garbled = fresh.on_frame({MessageType::error, std::string(300, 'x')});
  CHECK(garbled.frames.empty());
  REQUIRE(garbled.close);
  CHECK(*garbled.close == "the kiosk closed with: " + std::string(200, 'x'));
}

TEST_CASE("a message only a server sends closes the connection with the reason", "[net][session]") {
  HubFixture f;
  for (auto type :
       {MessageType::ack, MessageType::changes, MessageType::snapshot, MessageType::command,
        MessageType::claim_result, MessageType::version, MessageType::hello}) {
    INFO(to_string(type));
    Connected k1(f);
    auto step = k1.session.on_frame({type, "{}"});
    REQUIRE(step.close);
    const auto message = error_message(step);
    CHECK(message == "a kiosk does not send " + std::string(to_string(type)) + " messages");
    CHECK(*step.close == message);
  }
}

TEST_CASE("a malformed message in the ready state closes with the parser's reason",
          "[net][session]") {
  HubFixture f;
  Connected k1(f);
  auto step = k1.session.on_frame({MessageType::push, "not json"});
  REQUIRE(step.close);
  CHECK_THAT(error_message(step), Catch::Contains("push"));
}
