#include "sync/messages.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "message_samples.h"
#include "sync/frame.h"

using namespace einlass;
using einlass::test::sample_admission;
using einlass::test::sample_changes;
using einlass::test::sample_config;
using einlass::test::sample_manual_entry;

namespace {

template <class Message>
Message round_trip(const Message& message, std::string (*encode)(const Message&),
                   SyncResult<Message> (*parse)(std::string_view)) {
  const std::string payload = encode(message);
  auto parsed = parse(payload);
  INFO(payload);
  if (!parsed) FAIL(parsed.error().message);
  return *parsed;
}

}  // namespace

TEST_CASE("a push round-trips its events, empty, typical and at the bound", "[sync]") {
  CHECK(round_trip(Push{}, encode_push, parse_push) == Push{});
  Push push{{sample_admission(0), sample_manual_entry()}};
  push.events[0].kind = AdmissionKind::exit;
  push.events[0].hlc = {-5, 0xFFFF'FFFFu};
  push.events[0].key.seq = 9'223'372'036'854'775'807u;
  CHECK(round_trip(push, encode_push, parse_push) == push);
  Push full;
  for (std::uint64_t i = 0; i < kMaxPushEvents; ++i) full.events.push_back(sample_admission(i));
  CHECK(round_trip(full, encode_push, parse_push) == full);
}

TEST_CASE("an admission event takes its compact form, staff and reason only when set", "[sync]") {
  const auto plain = nlohmann::json::parse(encode_push(Push{{sample_admission(3)}}));
  CHECK(plain["events"][0] == nlohmann::json::parse(
                                  R"({"k":"entrance-north","s":3,"t":4203,"kind":"entry",
                                      "at":1774680003000,"hw":1774680003000,"hl":2,"d":2})"));
  const auto manual = nlohmann::json::parse(encode_push(Push{{sample_manual_entry()}}));
  CHECK(manual["events"][0]["kind"] == "manual_entry");
  CHECK(manual["events"][0]["staff"] == "J\xC3\xBCrgen M\xC3\xBCller");
  CHECK(manual["events"][0]["why"] == sample_manual_entry().reason);
}

TEST_CASE("ack, pull, claim, claim_result, heartbeat, command and error round-trip", "[sync]") {
  const Ack ack{"K1", 0, 9'223'372'036'854'775'807u};
  CHECK(round_trip(ack, encode_ack, parse_ack) == ack);
  CHECK(round_trip(Pull{}, encode_pull, parse_pull) == Pull{});
  const Pull pull{std::string(128, '~')};
  CHECK(round_trip(pull, encode_pull, parse_pull) == pull);

  const Claim claim{0xFFFF'FFFFu, 42, 32};
  CHECK(round_trip(claim, encode_claim, parse_claim) == claim);
  const ClaimResult granted{7, true, {}, ""};
  CHECK(round_trip(granted, encode_claim_result, parse_claim_result) == granted);
  const ClaimResult refused{8, false, {sample_admission(1), sample_manual_entry()}, "K-2_b"};
  CHECK(round_trip(refused, encode_claim_result, parse_claim_result) == refused);

  Heartbeat beat;
  beat.health.printer = PrinterHealth::paper_out;
  beat.health.printer_detail = "media-empty";
  beat.health.scanner = ScannerHealth::missing;
  beat.health.scanner_detail = "/dev/input/event3: no such device";
  beat.health.paused = true;
  beat.unsynced = 12;
  beat.kiosk_time_ms = 1'774'680'000'000;
  beat.hlc = {1'774'680'000'001, 3};
  beat.last_command = 5;
  CHECK(round_trip(beat, encode_heartbeat, parse_heartbeat) == beat);
  for (const auto state :
       {PrinterHealth::ok, PrinterHealth::offline, PrinterHealth::error, PrinterHealth::unknown}) {
    beat.health.printer = state;
    beat.health.scanner = ScannerHealth::error;
    CHECK(round_trip(beat, encode_heartbeat, parse_heartbeat) == beat);
  }

  const Command reprint{1, CommandKind::reprint, 42, "Jürgen", "Druck \"verschmiert\""};
  CHECK(round_trip(reprint, encode_command, parse_command) == reprint);
  const Command pause{9'223'372'036'854'775'807u, CommandKind::pause, 0, "", ""};
  CHECK(round_trip(pause, encode_command, parse_command) == pause);
  const Command resume{3, CommandKind::resume, 0, "admin", ""};
  CHECK(round_trip(resume, encode_command, parse_command) == resume);
  CHECK(nlohmann::json::parse(encode_command(pause)).contains("t") == false);

  const ErrorMessage error{
      "push: event 3: \"s\" must be a whole number \xE2\x80\x93 \\ \"quoted\""};
  CHECK(round_trip(error, encode_error, parse_error) == error);
}

TEST_CASE("changes round-trip every list and the config, with and without it", "[sync]") {
  const Changes changes = sample_changes();
  const Changes back = round_trip(changes, encode_changes, parse_changes);
  CHECK(back == changes);
  REQUIRE(back.config);
  CHECK(back.config->event.first_day == changes.config->event.first_day);
  CHECK(back.config->event.categories == default_categories());
  CHECK(back.config->keys[0].public_key == changes.config->keys[0].public_key);

  Changes empty;
  CHECK(round_trip(empty, encode_changes, parse_changes) == empty);
  CHECK_FALSE(nlohmann::json::parse(encode_changes(empty)).contains("config"));
  Changes other = changes;
  other.config->event.categories.pop_back();
  CHECK_FALSE(other == changes);
  other = changes;
  other.config->keys[0].public_key[31] ^= 1;
  CHECK_FALSE(other == changes);
}

TEST_CASE("a public key travels as 64 lowercase hex digits", "[sync]") {
  Changes changes;
  changes.config = sample_config();
  const auto json = nlohmann::json::parse(encode_changes(changes));
  CHECK(json["config"]["keys"][0]["key"] ==
        "01080f161d242b323940474e555c636a71787f868d949ba2a9b0b7bec5ccd3da");
  CHECK(json["config"]["keys"][1]["key"] == std::string(64, '0'));
}

TEST_CASE("the to_string names are the wire names", "[sync]") {
  CHECK(to_string(PrinterHealth::paper_out) == "paper_out");
  CHECK(to_string(PrinterHealth::unknown) == "unknown");
  CHECK(to_string(ScannerHealth::missing) == "missing");
  CHECK(to_string(CommandKind::reprint) == "reprint");
  CHECK(to_string(CommandKind::resume) == "resume");
}

// The bounds of messages.h must keep a full message inside one frame.
TEST_CASE("a full push and a full changes message with the longest texts fit in one frame",
          "[sync]") {
  Push push;
  for (std::uint64_t i = 0; i < kMaxPushEvents; ++i) {
    AdmissionEvent e = sample_manual_entry();
    e.key = {std::string(32, 'k'), 9'223'372'036'854'775'000u + i};
    e.ticket_id = 4294967295u;
    e.scan_time = from_unix_ms(-9'223'372'036'854'775'807);
    e.hlc = {-9'223'372'036'854'775'807, 4294967295u};
    e.event_day = 32;
    e.staff = std::string(64, '"');  // escaped: two bytes each
    e.reason = std::string(500, '\\');
    push.events.push_back(std::move(e));
  }
  const std::string push_payload = encode_push(push);
  INFO("worst-case push: " << push_payload.size() << " bytes");
  CHECK(push_payload.size() < kMaxFramePayload);
  CHECK(parse_push(push_payload).value() == push);

  Changes changes;
  changes.cursor = std::string(128, '~');
  changes.more = true;
  changes.server_time_ms = -9'223'372'036'854'775'807;
  for (std::size_t i = 0; i < kMaxChangeEntries; ++i) {
    // 100 two-byte umlauts: 200 bytes, the longest name a sync message carries.
    std::string name;
    for (int c = 0; c < 100; ++c) name += "\xC3\xBC";
    changes.attendees.push_back({4294967295u - static_cast<TicketId>(i), name, name, 255,
                                 0xFFFF'FFFFu, AttendeeStatus::canceled});
  }
  const std::string changes_payload = encode_changes(changes);
  INFO("worst-case changes (2000 attendees): " << changes_payload.size() << " bytes");
  CHECK(changes_payload.size() < kMaxFramePayload);
  CHECK(parse_changes(changes_payload).value() == changes);
}
