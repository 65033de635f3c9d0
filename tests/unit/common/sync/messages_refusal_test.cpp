// Every refusal names the message, the list entry and the field.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "message_samples.h"
#include "sync/messages.h"

using namespace einlass;
using nlohmann::json;

namespace {

template <class Message>
std::string refusal(SyncResult<Message> (*parse)(std::string_view), std::string_view payload) {
  auto parsed = parse(payload);
  INFO(payload);
  if (parsed) FAIL("accepted");
  CHECK(parsed.error().kind == SyncError::Kind::bad_message);
  return parsed.error().message;
}

template <class Message>
std::string refusal(SyncResult<Message> (*parse)(std::string_view), const json& payload) {
  return refusal(parse, std::string_view(payload.dump()));
}

json push_with(const json& event) {
  return json{{"events", json::array({event})}};
}

json valid_event() {
  return json::parse(encode_push(Push{{test::sample_admission(1)}}))["events"][0];
}

}  // namespace

TEST_CASE("a payload that is not one JSON object is refused", "[sync]") {
  CHECK(refusal(parse_push, std::string_view("")) == "push: not JSON");
  CHECK(refusal(parse_push, std::string_view("[]")) == "push: not a JSON object");
  CHECK(refusal(parse_ack, std::string_view(R"({"kiosk":"K1","first":1,"last":2} x)")) ==
        "ack: not JSON");
  CHECK(refusal(parse_pull, std::string_view(R"({"cursor":""}{})")) == "pull: not JSON");
  // JSON cannot hold bytes that are not UTF-8: the parser refuses them before any field is read.
  CHECK(refusal(parse_error, std::string_view("{\"message\":\"\xFF\"}")) == "error: not JSON");
  CHECK(refusal(parse_error, std::string_view(R"({"message":"\ud800"})")) == "error: not JSON");
}

TEST_CASE("an admission event with a wrong field is refused naming the event and field", "[sync]") {
  json event = valid_event();
  event.erase("s");
  CHECK(refusal(parse_push, push_with(event)) == "push: event 1: missing field \"s\"");

  json events = json::array({valid_event(), valid_event(), valid_event()});
  events[2]["s"] = -1;
  CHECK(refusal(parse_push, json{{"events", events}}) ==
        "push: event 3: \"s\" must be a whole number from 0 to 9223372036854775807");
  events[2]["s"] = 9223372036854775808u;
  CHECK(refusal(parse_push, json{{"events", events}}) ==
        "push: event 3: \"s\" must be a whole number from 0 to 9223372036854775807");
  events[2]["s"] = "7";
  CHECK(refusal(parse_push, json{{"events", events}}).starts_with("push: event 3: \"s\" must"));
  events[2]["s"] = 7.5;
  CHECK(refusal(parse_push, json{{"events", events}}).starts_with("push: event 3: \"s\" must"));

  auto with = [](const char* key, json value) {
    json e = valid_event();
    e[key] = std::move(value);
    return push_with(e);
  };
  CHECK(refusal(parse_push, with("t", 0)) ==
        "push: event 1: \"t\" must be a whole number from 1 to 4294967295");
  CHECK(refusal(parse_push, with("t", 4294967296u)) ==
        "push: event 1: \"t\" must be a whole number from 1 to 4294967295");
  CHECK(refusal(parse_push, with("d", 33)) ==
        "push: event 1: \"d\" must be a whole number from 1 to 32");
  CHECK(refusal(parse_push, with("d", 0)) ==
        "push: event 1: \"d\" must be a whole number from 1 to 32");
  CHECK(refusal(parse_push, with("hl", 4294967296u)) ==
        "push: event 1: \"hl\" must be a whole number from 0 to 4294967295");
  CHECK(refusal(parse_push, with("kind", "enter")) ==
        "push: event 1: \"kind\" must be one of \"entry\", \"exit\", \"manual_entry\"");
  CHECK(refusal(parse_push, with("kind", 0)) ==
        "push: event 1: \"kind\" must be one of \"entry\", \"exit\", \"manual_entry\"");
  CHECK(refusal(parse_push, with("k", "K 1")) ==
        "push: event 1: \"k\": the kiosk id \"K 1\" may hold only letters, digits, '-' and '_'");
  CHECK(refusal(parse_push, with("k", "")) == "push: event 1: \"k\" is empty");
  CHECK(refusal(parse_push, with("k", std::string(33, 'k'))) ==
        "push: event 1: \"k\" is longer than 32");
  CHECK(refusal(parse_push, with("staff", std::string(65, 's'))) ==
        "push: event 1: \"staff\" is longer than 64");
  CHECK(refusal(parse_push, with("staff", "")) == "push: event 1: \"staff\" is empty");
  CHECK(refusal(parse_push, with("why", std::string(501, 'w'))) ==
        "push: event 1: \"why\" is longer than 500");
  CHECK(refusal(parse_push, with("why", "line\nbreak")) ==
        "push: event 1: \"why\" has bytes that are not text");
  CHECK(refusal(parse_push, with("staff", "\xC2\x85")) ==  // NEL, a C1 control
        "push: event 1: \"staff\" has bytes that are not text");
  CHECK(refusal(parse_push, with("staff", 5)) == "push: event 1: \"staff\" must be a string");
  CHECK(refusal(parse_push, push_with(json::array())) == "push: event 1: not a JSON object");
}

TEST_CASE("a push of more than 500 events is refused", "[sync]") {
  json events = json::array();
  for (int i = 0; i < 501; ++i) events.push_back(valid_event());
  CHECK(refusal(parse_push, json{{"events", events}}) ==
        "push: \"events\" has 501 entries; at most 500");
  CHECK(refusal(parse_push, json{{"events", 1}}) == "push: \"events\" must be a list");
  CHECK(refusal(parse_push, json::object()) == "push: missing field \"events\"");
}

TEST_CASE("changes with a wrong field are refused naming the list entry and field", "[sync]") {
  const json valid = json::parse(encode_changes(test::sample_changes()));
  auto changed = [&](auto edit) {
    json copy = valid;
    edit(copy);
    return refusal(parse_changes, copy);
  };
  CHECK(changed([](json& c) { c["attendees"][1]["st"] = "gone"; }) ==
        "changes: attendee 2: \"st\" must be one of \"active\", \"canceled\", \"blocked\"");
  CHECK(changed([](json& c) { c["attendees"][0]["c"] = 256; }) ==
        "changes: attendee 1: \"c\" must be a whole number from 0 to 255");
  CHECK(changed([](json& c) { c["attendees"][0]["days"] = 4294967296u; }) ==
        "changes: attendee 1: \"days\" must be a whole number from 0 to 4294967295");
  CHECK(changed([](json& c) { c["attendees"][0]["n"] = std::string(201, 'n'); }) ==
        "changes: attendee 1: \"n\" is longer than 200");
  CHECK(changed([](json& c) { c["attendees"][0]["o"] = "tab\there"; }) ==
        "changes: attendee 1: \"o\" has bytes that are not text");
  CHECK(changed([](json& c) { c["removed"][1] = 0; }) ==
        "changes: \"removed\" entry 2 must be a whole number from 1 to 4294967295");
  CHECK(changed([](json& c) { c["withdrawn"][0] = "17"; }) ==
        "changes: \"withdrawn\" entry 1 must be a whole number from 1 to 4294967295");
  CHECK(changed([](json& c) { c["revocations"][1]["why"] = std::string(501, 'r'); }) ==
        "changes: revocation 2: \"why\" is longer than 500");
  CHECK(changed([](json& c) { c["admissions"][1]["hw"] = "now"; }) ==
        "changes: admission 2: \"hw\" must be a whole number from -9223372036854775808 to "
        "9223372036854775807");
  CHECK(changed([](json& c) { c["cursor"] = std::string(129, 'c'); }) ==
        "changes: \"cursor\" is longer than 128");
  CHECK(changed([](json& c) { c["cursor"] = "caf\xC3\xA9"; }) ==
        "changes: \"cursor\" must be printable ASCII");
  CHECK(changed([](json& c) { c["more"] = 1; }) == "changes: \"more\" must be true or false");
  CHECK(changed([](json& c) { c["config"] = nullptr; }) ==
        "changes: \"config\" must be a JSON object");
  CHECK(changed([](json& c) { c.erase("withdrawn"); }) == "changes: missing field \"withdrawn\"");
  CHECK(changed([&](json& c) {
          c["removed"] = json::array();
          // The sample's other lists hold 8 entries: together one over the bound.
          for (std::size_t i = 0; i + 8 < kMaxChangeEntries + 1; ++i) c["removed"].push_back(i + 1);
        }) == "changes: " + std::to_string(kMaxChangeEntries + 1) +
                  " entries in all its lists; at most " + std::to_string(kMaxChangeEntries));
}

TEST_CASE("a replica config that breaks the event's rules is refused", "[sync]") {
  const json valid = json::parse(encode_changes(test::sample_changes()));
  auto changed = [&](auto edit) {
    json copy = valid;
    edit(copy["config"]);
    return refusal(parse_changes, copy);
  };
  CHECK(changed([](json& c) {
          c["event"]["tz"] = "Europe/Atlantis";
        }).starts_with("changes: config: event: unknown time zone \"Europe/Atlantis\""));
  CHECK(changed([](json& c) { c["event"]["days"] = 33; }) ==
        "changes: config: event: \"days\" must be a whole number from 1 to 32");
  CHECK(changed([](json& c) {
          c["event"]["first"] = "2026-02-30";
        }).starts_with("changes: config: event: \"first\": "));
  CHECK(changed([](json& c) { c["event"]["reentry"] = "maybe"; }) ==
        "changes: config: event: \"reentry\" must be one of \"deny\", \"allow_after_exit\"");
  CHECK(changed([](json& c) { c["event"]["categories"][1]["colour"] = "#12345G"; }) ==
        "changes: config: event: category 2: colour '#12345G' is not of the form #RRGGBB");
  CHECK(changed([](json& c) { c["event"]["categories"][1]["c"] = 1; }) ==
        "changes: config: event: category code 1 appears twice");
  CHECK(changed([](json& c) { c["event"]["categories"][2]["slug"] = "attendee"; }) ==
        "changes: config: event: category \"attendee\" appears twice");
  CHECK(changed([](json& c) { c["keys"][0]["key"] = std::string(64, 'A'); }) ==
        "changes: config: key 1: \"key\" must be 64 lowercase hex digits");
  CHECK(changed([](json& c) { c["keys"][0]["key"] = std::string(62, 'a'); }) ==
        "changes: config: key 1: \"key\" must be 64 lowercase hex digits");
  CHECK(changed([](json& c) { c["keys"][1]["id"] = 1; }) ==
        "changes: config: key id 1 appears twice");
  CHECK(changed([](json& c) { c["keys"][1]["id"] = 256; }) ==
        "changes: config: key 2: \"id\" must be a whole number from 0 to 255");
  CHECK(changed([](json& c) { c["revoked_cards"][0]["card"] = 0; }) ==
        "changes: config: revoked card 1: \"card\" must be a whole number from 1 to 4294967295");
  CHECK(changed([](json& c) { c.erase("keys"); }) == "changes: config: missing field \"keys\"");
}

TEST_CASE("the small messages refuse wrong fields by name", "[sync]") {
  CHECK(refusal(parse_ack, json{{"kiosk", "K1"}, {"first", 1}}) == "ack: missing field \"last\"");
  CHECK(refusal(parse_ack, json{{"kiosk", "K/1"}, {"first", 1}, {"last", 2}}) ==
        "ack: \"kiosk\": the kiosk id \"K/1\" may hold only letters, digits, '-' and '_'");
  CHECK(refusal(parse_pull, json{{"cursor", 5}}) == "pull: \"cursor\" must be a string");
  CHECK(refusal(parse_claim, json{{"request", -1}, {"t", 1}, {"d", 1}}) ==
        "claim: \"request\" must be a whole number from 0 to 4294967295");
  CHECK(refusal(parse_claim, json{{"request", 1}, {"t", 1}, {"d", 40}}) ==
        "claim: \"d\" must be a whole number from 1 to 32");

  json admissions = json::array();
  for (int i = 0; i < 65; ++i) admissions.push_back(valid_event());
  CHECK(refusal(parse_claim_result,
                json{{"request", 1}, {"granted", false}, {"admissions", admissions}}) ==
        "claim_result: \"admissions\" has 65 entries; at most 64");
  CHECK(refusal(
            parse_claim_result,
            json{{"request", 1}, {"granted", false}, {"admissions", json::array()}, {"by", "a b"}})
            .starts_with("claim_result: \"by\": the kiosk id"));

  const json beat = json::parse(encode_heartbeat(Heartbeat{}));
  auto heartbeat_with = [&](const char* key, json value) {
    json copy = beat;
    copy[key] = std::move(value);
    return refusal(parse_heartbeat, copy);
  };
  CHECK(heartbeat_with("printer", "jammed") ==
        "heartbeat: \"printer\" must be one of \"ok\", \"paper_out\", \"offline\", \"error\", "
        "\"unknown\"");
  CHECK(heartbeat_with("scanner", "ok ") ==
        "heartbeat: \"scanner\" must be one of \"ok\", \"missing\", \"error\"");
  CHECK(heartbeat_with("printer_detail", std::string(201, 'x')) ==
        "heartbeat: \"printer_detail\" is longer than 200");
  CHECK(heartbeat_with("paused", "no") == "heartbeat: \"paused\" must be true or false");

  CHECK(refusal(parse_command, json{{"id", 1}, {"kind", "reprint"}}) ==
        "command: missing field \"t\"");
  CHECK(refusal(parse_command, json{{"id", 1}, {"kind", "pause"}, {"t", 5}}) ==
        "command: \"t\" belongs only to a reprint, not to pause");
  CHECK(refusal(parse_command, json{{"id", 0}, {"kind", "pause"}}) ==
        "command: \"id\" must be a whole number from 1 to 9223372036854775807");
  CHECK(refusal(parse_command, json{{"id", 1}, {"kind", "reboot"}}) ==
        "command: \"kind\" must be one of \"reprint\", \"pause\", \"resume\"");

  CHECK(refusal(parse_error, json{{"message", ""}}) == "error: \"message\" is empty");
  CHECK(refusal(parse_error, json{{"message", std::string(1001, 'e')}}) ==
        "error: \"message\" is longer than 1000");
}
