// What a heartbeat says a kiosk has been doing: refusals by reason, print jobs by state and the
// newest refusals. Bounded and strict like every field; absent in an older kiosk's heartbeat.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "message_samples.h"
#include "rules/reason.h"
#include "storage/print_job_repository.h"
#include "sync/messages.h"

using namespace einlass;
using nlohmann::json;

namespace {

Heartbeat busy_heartbeat() {
  Heartbeat beat;
  beat.health.printer = PrinterHealth::paper_out;
  beat.health.printer_detail = "media-empty";
  beat.health.refusals = {{"already_admitted", 4}, {"invalid", 1}};
  beat.health.print_jobs = {{"done", 40}, {"queued", 1}};
  beat.health.recent_refusals = {{42, "already_admitted", 1'774'680'002'000},
                                 {std::nullopt, "invalid", 1'774'680'001'000}};
  beat.unsynced = 2;
  beat.kiosk_time_ms = 1'774'680'003'000;
  beat.hlc = {1'774'680'003'000, 1};
  beat.last_command = 3;
  return beat;
}

Heartbeat round_trip(const Heartbeat& beat) {
  const std::string payload = encode_heartbeat(beat);
  auto parsed = parse_heartbeat(payload);
  INFO(payload);
  if (!parsed) FAIL(parsed.error().message);
  return *parsed;
}

std::string refusal(const json& payload) {
  auto parsed = parse_heartbeat(payload.dump());
  INFO(payload.dump());
  if (parsed) FAIL("accepted");
  CHECK(parsed.error().kind == SyncError::Kind::bad_message);
  return parsed.error().message;
}

json beat_with(const char* key, json value) {
  json beat = json::parse(encode_heartbeat(busy_heartbeat()));
  beat[key] = std::move(value);
  return beat;
}

json refusal_entry(json ticket, json reason, json at) {
  return json{{"t", std::move(ticket)}, {"reason", std::move(reason)}, {"at", std::move(at)}};
}

// "\"invalid\", \"revoked\", ...": every reason word, quoted, in the order of kAllReasons.
std::string reason_words() {
  std::string words;
  for (const Reason reason : kAllReasons) {
    if (!words.empty()) words += ", ";
    words.append("\"").append(to_string(reason)).append("\"");
  }
  return words;
}

}  // namespace

TEST_CASE("a heartbeat carries refusals, print jobs and recent refusals in its JSON", "[sync]") {
  const json payload = json::parse(encode_heartbeat(busy_heartbeat()));
  CHECK(payload["refusals"] == json::parse(R"({"already_admitted":4,"invalid":1})"));
  CHECK(payload["print_jobs"] == json::parse(R"({"done":40,"queued":1})"));
  CHECK(payload["recent_refusals"] ==
        json::parse(R"([{"t":42,"reason":"already_admitted","at":1774680002000},
                        {"t":null,"reason":"invalid","at":1774680001000}])"));
  CHECK(round_trip(busy_heartbeat()) == busy_heartbeat());
  // None of them yet: empty, and still written.
  const json idle = json::parse(encode_heartbeat(Heartbeat{}));
  CHECK(idle["refusals"] == json::object());
  CHECK(idle["print_jobs"] == json::object());
  CHECK(idle["recent_refusals"] == json::array());
  CHECK(round_trip(Heartbeat{}) == Heartbeat{});
}

TEST_CASE("every refusal reason and print job state round-trips, at the bounds", "[sync]") {
  Heartbeat beat = busy_heartbeat();
  beat.health.refusals.clear();
  std::uint64_t n = 0;
  for (const Reason reason : kAllReasons)
    beat.health.refusals[std::string(to_string(reason))] = n++;
  beat.health.refusals["error"] = 9'223'372'036'854'775'807u;
  beat.health.print_jobs.clear();
  for (const auto state :
       {PrintJobState::queued, PrintJobState::printing, PrintJobState::done, PrintJobState::failed})
    beat.health.print_jobs[std::string(to_string(state))] = 9'223'372'036'854'775'807u;
  beat.health.recent_refusals.clear();
  for (std::size_t i = 0; i < kMaxRecentRefusals; ++i) {
    const Reason reason = kAllReasons[i % kAllReasons.size()];
    std::optional<TicketId> ticket;
    if (i % 3 == 1) ticket = 1;
    if (i % 3 == 2) ticket = 4'294'967'295u;
    beat.health.recent_refusals.push_back(
        {ticket, std::string(to_string(reason)), -1'000 * static_cast<std::int64_t>(i)});
  }
  const Heartbeat parsed = round_trip(beat);
  CHECK(parsed == beat);
  CHECK(parsed.health.refusals.size() == kAllReasons.size());
  CHECK(parsed.health.print_jobs.size() == 4);
  REQUIRE(parsed.health.recent_refusals.size() == 20);
  CHECK(parsed.health.recent_refusals[2].ticket_id == 4'294'967'295u);
  CHECK_FALSE(parsed.health.recent_refusals[3].ticket_id);
}

TEST_CASE("an older kiosk's heartbeat without refusals and print jobs reads as none", "[sync]") {
  const auto parsed = parse_heartbeat(test::kOlderKioskHeartbeat);
  REQUIRE(parsed);
  CHECK(parsed->unsynced == 3);
  CHECK(parsed->health.refusals.empty());
  CHECK(parsed->health.print_jobs.empty());
  CHECK(parsed->health.recent_refusals.empty());
}

TEST_CASE("refusal counts beyond their bounds are refused naming the field", "[sync]") {
  // JSON keys are unique, so more entries than words means a key that is no word.
  json many = json::object();
  for (int i = 0; i < 33; ++i) many["k" + std::to_string(i)] = 1;
  CHECK(refusal(beat_with("refusals", many)) ==
        "heartbeat: \"refusals\" has a key that is not one of " + reason_words());
  CHECK(refusal(beat_with("refusals", json{{"jammed", 1}})) ==
        "heartbeat: \"refusals\" has a key that is not one of " + reason_words());
  // A print job state is no refusal reason, and the other way round.
  CHECK(refusal(beat_with("refusals", json{{"done", 1}}))
            .starts_with("heartbeat: \"refusals\" has a key that is not one of"));
  CHECK(refusal(beat_with("refusals", json{{"invalid", -1}})) ==
        "heartbeat: \"refusals\": \"invalid\" must be a whole number from 0 to "
        "9223372036854775807");
  CHECK(refusal(beat_with("refusals", json{{"invalid", 9223372036854775808u}})) ==
        "heartbeat: \"refusals\": \"invalid\" must be a whole number from 0 to "
        "9223372036854775807");
  CHECK(refusal(beat_with("refusals", json{{"invalid", 1.5}}))
            .ends_with("\"invalid\" must be a whole number from 0 to 9223372036854775807"));
  CHECK(refusal(beat_with("refusals", json{{"invalid", "3"}}))
            .ends_with("\"invalid\" must be a whole number from 0 to 9223372036854775807"));
  CHECK(refusal(beat_with("refusals", json::array())) ==
        "heartbeat: \"refusals\" must be a JSON object");
  CHECK(refusal(beat_with("refusals", nullptr)) == "heartbeat: \"refusals\" must be a JSON object");

  json states = json::object();
  for (int i = 0; i < 9; ++i) states["s" + std::to_string(i)] = 0;
  CHECK(refusal(beat_with("print_jobs", states)) ==
        "heartbeat: \"print_jobs\" has a key that is not one of \"queued\", \"printing\", "
        "\"done\", \"failed\"");
  CHECK(refusal(beat_with("print_jobs", json{{"lost", 1}})) ==
        "heartbeat: \"print_jobs\" has a key that is not one of \"queued\", \"printing\", "
        "\"done\", \"failed\"");
  CHECK(refusal(beat_with("print_jobs", json{{"invalid", 1}}))
            .starts_with("heartbeat: \"print_jobs\" has a key that is not one of"));
  CHECK(refusal(beat_with("print_jobs", json{{"done", -3}})) ==
        "heartbeat: \"print_jobs\": \"done\" must be a whole number from 0 to "
        "9223372036854775807");
  CHECK(refusal(beat_with("print_jobs", "done")) ==
        "heartbeat: \"print_jobs\" must be a JSON object");
}

TEST_CASE("recent refusals beyond their bounds are refused naming the entry and field", "[sync]") {
  const json good = refusal_entry(42, "already_admitted", 1'774'680'000'000);
  CHECK(refusal(beat_with("recent_refusals", json::array_t(21, good))) ==
        "heartbeat: \"recent_refusals\" has 21 entries; at most 20");
  CHECK(refusal(beat_with("recent_refusals", json::object())) ==
        "heartbeat: \"recent_refusals\" must be a list");
  CHECK(refusal(beat_with("recent_refusals", json::array({good, 7}))) ==
        "heartbeat: refusal 2: not a JSON object");
  auto entry_refusal = [&](json entry) {
    return refusal(beat_with("recent_refusals", json::array({good, good, std::move(entry)})));
  };
  CHECK(entry_refusal(refusal_entry(0, "invalid", 1)) ==
        "heartbeat: refusal 3: \"t\" must be null or a whole number from 1 to 4294967295");
  CHECK(entry_refusal(refusal_entry(4294967296, "invalid", 1)) ==
        "heartbeat: refusal 3: \"t\" must be null or a whole number from 1 to 4294967295");
  CHECK(entry_refusal(refusal_entry("42", "invalid", 1)) ==
        "heartbeat: refusal 3: \"t\" must be null or a whole number from 1 to 4294967295");
  json no_ticket = good;
  no_ticket.erase("t");
  CHECK(entry_refusal(no_ticket) == "heartbeat: refusal 3: missing field \"t\"");
  CHECK(entry_refusal(refusal_entry(nullptr, "lost", 1)) ==
        "heartbeat: refusal 3: \"reason\" must be one of " + reason_words());
  CHECK(entry_refusal(refusal_entry(nullptr, "invalid", "now")) ==
        "heartbeat: refusal 3: \"at\" must be a whole number from -9223372036854775808 to "
        "9223372036854775807");
  json no_time = good;
  no_time.erase("at");
  CHECK(entry_refusal(no_time) == "heartbeat: refusal 3: missing field \"at\"");
}
