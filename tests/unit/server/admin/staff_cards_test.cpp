#include "admin/staff_cards.h"

#include <catch2/catch.hpp>

#include <string>

#include "admin/event_setup.h"
#include "staffcard/pin.h"
#include "staffcard/staff_card_verifier.h"
#include "storage/audit_repository.h"
#include "storage/staff_card_repository.h"
#include "support/files.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

using namespace einlass;
using test::utc;

namespace {

constexpr EventId kEventId = 2026'0915;
// Cheap scrypt for tests; the default parameters are covered in the staffcard tests.
constexpr PinHashParams kFastPinHash{10, 8, 1};

EventDatabase make_event(const test::TempDir& dir) {
  NewEvent request;
  request.name = "Digitaler Staat 2026";
  request.first_day = std::chrono::year{2026} / 9 / 15;
  request.day_count = 2;
  const auto path = dir / "event.db";
  auto created = init_event(path, request, kEventId, utc(2026, 8, 1));
  if (!created) FAIL(created.error().message);
  auto opened = open_event_database(path);
  if (!opened) FAIL(opened.error().message);
  return std::move(*opened);
}

Actor anna_at(Timestamp at) {
  return Actor{"cli:anna", at};
}

std::vector<AuditEntry> audit(Database& db) {
  auto all = AuditRepository{db}.all();
  REQUIRE(all);
  return *all;
}

}  // namespace

TEST_CASE("an issued staff card verifies with the event's keyring and carries the PIN",
          "[admin][staff]") {
  test::TempDir dir;
  auto event = make_event(dir);
  const Actor actor = anna_at(utc(2026, 9, 1, 10));
  auto issued = issue_staff_card(event, actor, "  Ben Okafor ", "2580", kFastPinHash);
  REQUIRE(issued);
  CHECK(issued->card.card_id == 1);
  CHECK(issued->card.staff_name == "Ben Okafor");
  CHECK(issued->card.event_id == kEventId);
  CHECK(issued->card.issued_at == actor.at);
  CHECK(issued->text.starts_with("EINLASS-STAFF:"));

  auto keyring = load_keyring(event.db, kEventId);
  REQUIRE(keyring);
  auto verified = verify_staff_card(issued->text, *keyring);
  REQUIRE(verified);
  CHECK(*verified == issued->card);
  CHECK(check_pin(*verified, "2580"));
  CHECK_FALSE(check_pin(*verified, "2581"));
}

TEST_CASE("issuing records the card and its audit entry, and never the PIN", "[admin][staff]") {
  test::TempDir dir;
  auto event = make_event(dir);
  REQUIRE(
      issue_staff_card(event, anna_at(utc(2026, 9, 1, 10)), "Ben Okafor", "2580", kFastPinHash));
  auto second =
      issue_staff_card(event, anna_at(utc(2026, 9, 1, 11)), "Cem Yılmaz", "7391", kFastPinHash);
  REQUIRE(second);
  CHECK(second->card.card_id == 2);

  auto cards = list_staff_cards(event.db);
  REQUIRE(cards);
  REQUIRE(cards->size() == 2);
  CHECK((*cards)[0] ==
        StaffCardRecord{1, "Ben Okafor", second->card.key_id, utc(2026, 9, 1, 10), {}, ""});
  CHECK((*cards)[1].staff_name == "Cem Yılmaz");

  const auto entries = audit(event.db);
  REQUIRE(entries.size() >= 2);
  const auto& last = entries.back();
  CHECK(last.who == "cli:anna");
  CHECK(last.action == "issue_staff_card");
  CHECK(last.subject == "S000002");
  CHECK(last.at == utc(2026, 9, 1, 11));

  // The PIN appears nowhere in the database file or its write-ahead log.
  std::string stored = test::read_file(dir / "event.db");
  if (std::filesystem::exists(dir / "event.db-wal"))
    stored += test::read_file(dir / "event.db-wal");
  CHECK(stored.find("Cem Yılmaz") != std::string::npos);  // the search can see text
  CHECK(stored.find("7391") == std::string::npos);
}

TEST_CASE("a PIN that breaks the policy is refused with the rule, and nothing is written",
          "[admin][staff]") {
  test::TempDir dir;
  auto event = make_event(dir);
  const auto before = audit(event.db).size();
  for (const auto& [pin, says] :
       std::vector<std::pair<std::string, std::string>>{{"123", "4 to 8 digits"},
                                                        {"123456789", "4 to 8 digits"},
                                                        {"12a4", "digits"},
                                                        {"0000", "the same"},
                                                        {"1234", "count up"},
                                                        {"4321", "count down"}}) {
    INFO(pin);
    auto issued =
        issue_staff_card(event, anna_at(utc(2026, 9, 1)), "Ben Okafor", pin, kFastPinHash);
    REQUIRE_FALSE(issued);
    CHECK_THAT(issued.error().message, Catch::Contains(says));
  }
  CHECK(list_staff_cards(event.db)->empty());
  CHECK(audit(event.db).size() == before);
}

TEST_CASE("a name that does not fit a card is refused", "[admin][staff]") {
  test::TempDir dir;
  auto event = make_event(dir);
  auto empty = issue_staff_card(event, anna_at(utc(2026, 9, 1)), "   ", "2580", kFastPinHash);
  REQUIRE_FALSE(empty);
  CHECK_THAT(empty.error().message, Catch::Contains("empty"));
  auto long_name =
      issue_staff_card(event, anna_at(utc(2026, 9, 1)), std::string(65, 'x'), "2580", kFastPinHash);
  REQUIRE_FALSE(long_name);
  CHECK_THAT(long_name.error().message, Catch::Contains("at most 64"));
  auto control =
      issue_staff_card(event, anna_at(utc(2026, 9, 1)), "Ben\tOkafor", "2580", kFastPinHash);
  REQUIRE_FALSE(control);
  CHECK_THAT(control.error().message, Catch::Contains("control character"));
  CHECK(list_staff_cards(event.db)->empty());
}

TEST_CASE("revoking a staff card is recorded once with its reason and audited once",
          "[admin][staff]") {
  test::TempDir dir;
  auto event = make_event(dir);
  REQUIRE(issue_staff_card(event, anna_at(utc(2026, 9, 1)), "Ben Okafor", "2580", kFastPinHash));
  const auto before = audit(event.db).size();

  CHECK(revoke_staff_card(event.db, 1, anna_at(utc(2026, 9, 15, 9)), "card lost") == true);
  CHECK(revoke_staff_card(event.db, 1, anna_at(utc(2026, 9, 15, 10)), "again") == false);
  const auto entries = audit(event.db);
  REQUIRE(entries.size() == before + 1);
  CHECK(entries.back().action == "revoke_staff_card");
  CHECK(entries.back().subject == "S000001");
  CHECK(entries.back().why == "card lost");

  auto cards = list_staff_cards(event.db);
  REQUIRE(cards);
  CHECK((*cards)[0].revoked_at == utc(2026, 9, 15, 9));
  CHECK((*cards)[0].revoke_reason == "card lost");
  CHECK(StaffCardRepository{event.db}.is_revoked(1) == true);
}

TEST_CASE("revoking needs a reason and an issued card", "[admin][staff]") {
  test::TempDir dir;
  auto event = make_event(dir);
  REQUIRE(issue_staff_card(event, anna_at(utc(2026, 9, 1)), "Ben Okafor", "2580", kFastPinHash));
  auto no_reason = revoke_staff_card(event.db, 1, anna_at(utc(2026, 9, 15)), " ");
  REQUIRE_FALSE(no_reason);
  CHECK_THAT(no_reason.error().message, Catch::Contains("--reason"));
  auto unknown = revoke_staff_card(event.db, 5, anna_at(utc(2026, 9, 15)), "typo");
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message, Catch::Contains("S000005: no such staff card"));
  CHECK(StaffCardRepository{event.db}.is_revoked(1) == false);
}

TEST_CASE("a staff card is signed with the current key after a rotation", "[admin][staff]") {
  test::TempDir dir;
  auto event = make_event(dir);
  auto rotated = rotate_signing_key(event.db, anna_at(utc(2026, 9, 2)));
  REQUIRE(rotated);
  auto issued =
      issue_staff_card(event, anna_at(utc(2026, 9, 3)), "Ben Okafor", "2580", kFastPinHash);
  REQUIRE(issued);
  CHECK(issued->card.key_id == *rotated);
  auto keyring = load_keyring(event.db, kEventId);
  REQUIRE(keyring);
  CHECK(verify_staff_card(issued->text, *keyring));
}

TEST_CASE("the list line names the card, holder, time, key and revocation", "[admin][staff]") {
  StaffCardRecord r{3, "Ben Okafor", 1, utc(2026, 9, 1, 10), {}, ""};
  CHECK(format_staff_card_line(r) == "S000003  Ben Okafor  issued 2026-09-01T10:00:00.000Z  key 1");
  r.revoked_at = utc(2026, 9, 15, 9);
  r.revoke_reason = "card lost";
  CHECK(format_staff_card_line(r) ==
        "S000003  Ben Okafor  issued 2026-09-01T10:00:00.000Z  key 1  revoked "
        "2026-09-15T09:00:00.000Z: card lost");
}

TEST_CASE("a staff card sheet is written as PDF and PNG", "[admin][staff][render]") {
  test::TempDir dir;
  auto event = make_event(dir);
  auto issued =
      issue_staff_card(event, anna_at(utc(2026, 9, 1)), "Ben Okafor", "2580", kFastPinHash);
  REQUIRE(issued);
  REQUIRE(write_staff_card_sheet(event.event, *issued, DocumentFormat::pdf, dir / "card.pdf"));
  REQUIRE(write_staff_card_sheet(event.event, *issued, DocumentFormat::png, dir / "card.png"));
  const std::string pdf = test::read_file(dir / "card.pdf");
  const std::string png = test::read_file(dir / "card.png");
  CHECK(pdf.starts_with("%PDF-"));
  CHECK(png.starts_with("\x89PNG\r\n\x1a\n"));
  CHECK(png.size() > 10'000);
}
