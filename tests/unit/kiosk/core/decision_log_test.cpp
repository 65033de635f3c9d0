#include "core/decision_log.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/time_literals.h"

using namespace einlass;

TEST_CASE("a decision is one JSON line with ids, verdict, reason and latency, never a name",
          "[kiosk]") {
  Decision refused;
  refused.ticket_id = 42;
  refused.reason = Reason::already_admitted;
  refused.display_name = "Jürgen Weiß";
  refused.organisation = "Stadt Halle";
  const auto line = decision_log_line(refused, "K1", test::utc(2026, 3, 28, 8, 1, 2), 3.14159);
  CHECK(line.find('\n') == std::string::npos);
  CHECK(line.find("Weiß") == std::string::npos);
  CHECK(line.find("Halle") == std::string::npos);
  const auto json = nlohmann::json::parse(line);
  CHECK(json["time"] == "2026-03-28T08:01:02.000Z");
  CHECK(json["kiosk"] == "K1");
  CHECK(json["event"] == "decision");
  CHECK(json["ticket"] == "T000042");
  CHECK(json["verdict"] == "refused");
  CHECK(json["reason"] == "already_admitted");
  CHECK(json["latency_ms"] == Approx(3.14));
}

TEST_CASE("admissions and exits have no reason; unverified codes no ticket id", "[kiosk]") {
  Decision admitted;
  admitted.admitted = true;
  admitted.ticket_id = 7;
  auto json = nlohmann::json::parse(decision_log_line(admitted, "K1", {}, 1));
  CHECK(json["verdict"] == "admitted");
  CHECK(json["reason"].is_null());
  admitted.kind = AdmissionKind::exit;
  CHECK(nlohmann::json::parse(decision_log_line(admitted, "K1", {}, 1))["verdict"] == "exit");
  Decision invalid;
  invalid.reason = Reason::invalid;
  CHECK(nlohmann::json::parse(decision_log_line(invalid, "K1", {}, 1))["ticket"].is_null());
}

TEST_CASE("a print line names job, ticket, attempt and state", "[kiosk]") {
  PrintJob job;
  job.id = 9;
  job.attempts = 2;
  job.reprint = 1;
  const auto json = nlohmann::json::parse(
      print_log_line(job, 42, "K1", {}, PrintJobState::failed, "media-empty"));
  CHECK(json["event"] == "print");
  CHECK(json["job"] == 9);
  CHECK(json["ticket"] == "T000042");
  CHECK(json["attempt"] == 2);
  CHECK(json["reprint"] == 1);
  CHECK(json["state"] == "failed");
  CHECK(json["detail"] == "media-empty");
}
