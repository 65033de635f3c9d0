#include "screen/screen_view.h"

#include <catch2/catch.hpp>

#include "support/time_literals.h"

using namespace einlass;
using nlohmann::json;

namespace {

ScreenStatus entrance_north() {
  return {"Eingang Nord", true, PrinterState::ready};
}

json render(ScreenContent content) {
  return to_json(ScreenView{std::move(content), entrance_north()});
}

}  // namespace

TEST_CASE("every view carries its kind, the status and both languages of each text",
          "[screen][view]") {
  const std::vector<ScreenContent> all{
      IdleScreen{},     WelcomeScreen{},        RefusedScreen{},
      ExitScreen{},     PrinterTroubleScreen{}, PausedScreen{},
      StaffPinScreen{}, StaffMenuScreen{},      StaffSearchScreen{}};
  const std::vector<std::string> kinds{"idle",      "welcome",         "refused",
                                       "exit",      "printer_trouble", "paused",
                                       "staff_pin", "staff_menu",      "staff_search_results"};
  REQUIRE(all.size() == std::variant_size_v<ScreenContent>);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const ScreenView view{all[i], entrance_north()};
    const json out = to_json(view);
    INFO(out.dump());
    CHECK(out["kind"] == kinds[i]);
    CHECK(screen_kind(view) == kinds[i]);
    CHECK(out["status"] == json{{"kiosk", "Eingang Nord"}, {"online", true}, {"printer", "ready"}});
    for (const char* block : {"title", "message", "hint"}) {
      REQUIRE(out[block].is_object());
      CHECK(out[block]["de"].is_string());
      CHECK(out[block]["en"].is_string());
    }
    CHECK(out["title"]["de"] != "");
    CHECK(out["title"]["de"] != out["title"]["en"]);
  }
}

TEST_CASE("the idle screen asks for the ticket in German and English", "[screen][view]") {
  const json out = render(IdleScreen{"Digitale Verwaltung 2026"});
  CHECK(out["title"] == json{{"de", "Ticket scannen"}, {"en", "Scan your ticket"}});
  CHECK(out["event"] == "Digitale Verwaltung 2026");
}

TEST_CASE("a welcome carries the name, organisation and category and says the badge prints",
          "[screen][view]") {
  const json out =
      render(WelcomeScreen{"Jürgen Groß-Übermuth", "Landratsamt Süd", "Referent", "#C0392B"});
  CHECK(out["kind"] == "welcome");
  CHECK(out["name"] == "Jürgen Groß-Übermuth");
  CHECK(out["organisation"] == "Landratsamt Süd");
  CHECK(out["category"] == json{{"label", "Referent"}, {"colour", "#C0392B"}});
  CHECK(out["badge_printing"] == true);
  CHECK(out["message"] ==
        json{{"de", "Ihr Namensschild wird gedruckt."}, {"en", "Your badge is printing."}});

  WelcomeScreen again{"Anna", "", "Teilnehmer", "#1F6FB2"};
  again.badge_printing = false;
  const json back = render(again);
  CHECK(back["badge_printing"] == false);
  CHECK_THAT(back["message"]["de"].get<std::string>(), !Catch::Contains("Namensschild"));
}

TEST_CASE("a refusal carries the kiosk's sentences unchanged", "[screen][view]") {
  RefusedScreen refused;
  refused.message = {"Dieses Ticket ist nicht mehr gültig. Bitte wenden Sie sich an die Infotheke.",
                     "This ticket is no longer valid. Please go to the staff desk."};
  refused.hint = {"Die Infotheke ist im Foyer.", "The staff desk is in the foyer."};
  const json out = render(refused);
  CHECK(out["kind"] == "refused");
  CHECK(out["title"] == json{{"de", "Kein Einlass"}, {"en", "No entry"}});
  CHECK(out["message"]["de"] == refused.message.de);
  CHECK(out["message"]["en"] == refused.message.en);
  CHECK(out["hint"]["en"] == "The staff desk is in the foyer.");
}

TEST_CASE("printer trouble sends the admitted attendee to the desk", "[screen][view]") {
  const json out = render(PrinterTroubleScreen{"Anna"});
  CHECK(out["name"] == "Anna");
  CHECK_THAT(out["message"]["de"].get<std::string>(), Catch::Contains("Einlass ist erfasst"));
  CHECK_THAT(out["hint"]["de"].get<std::string>(), Catch::Contains("Infotheke"));
  CHECK_THAT(out["hint"]["en"].get<std::string>(), Catch::Contains("staff desk"));
}

TEST_CASE("the status names the printer state as its code", "[screen][view]") {
  ScreenView view{PausedScreen{}, {"K2", false, PrinterState::media_empty}};
  const json out = to_json(view);
  CHECK(out["status"] == json{{"kiosk", "K2"}, {"online", false}, {"printer", "media_empty"}});
  CHECK(out["kind"] == "paused");
}

TEST_CASE("the PIN screen counts attempts and shows when a lock ends", "[screen][view]") {
  StaffPinScreen pin{"Max", 3, false, std::nullopt};
  json out = render(pin);
  CHECK(out["staff_name"] == "Max");
  CHECK(out["attempts_left"] == 3);
  CHECK(out["wrong_pin"] == false);
  CHECK(out["locked_until"].is_null());
  CHECK_THAT(out["message"]["de"].get<std::string>(), Catch::Contains("Max"));

  pin.wrong_pin = true;
  pin.attempts_left = 1;
  out = render(pin);
  CHECK(out["message"] ==
        json{{"de", "Falsche PIN. Noch 1 Versuch."}, {"en", "Wrong PIN. 1 attempt left."}});
  pin.attempts_left = 2;
  CHECK(render(pin)["message"]["en"] == "Wrong PIN. 2 attempts left.");

  pin.attempts_left = 0;
  pin.locked_until = test::utc(2026, 3, 28, 9, 41);
  out = render(pin);
  CHECK(out["locked_until"] == "2026-03-28T09:41:00.000Z");
  CHECK_THAT(out["message"]["en"].get<std::string>(), Catch::Contains("locked"));
}

TEST_CASE("the staff menu offers reprint only when there is a last badge", "[screen][view]") {
  StaffMenuScreen menu;
  menu.staff_name = "Max";
  json out = render(menu);
  CHECK(out["last_badge"].is_null());
  CHECK(out["paused"] == false);
  CHECK(out["message"] == json{{"de", ""}, {"en", ""}});

  menu.last_badge = "Anna Beispiel (T000042)";
  menu.paused = true;
  menu.notice = {"Testseite gedruckt.", "Test page printed."};
  out = render(menu);
  CHECK(out["last_badge"] == "Anna Beispiel (T000042)");
  CHECK(out["paused"] == true);
  CHECK(out["message"]["de"] == "Testseite gedruckt.");
  CHECK(out["hint"]["en"] == "The kiosk is paused.");
}

TEST_CASE("search results list ticket id, name and organisation", "[screen][view]") {
  StaffSearchScreen search;
  search.query = "Müller";
  search.results = {{"T000042", "Anna Müller", "Stadt Köln"}, {"T000043", "Bernd Müller", ""}};
  search.more = true;
  json out = render(search);
  CHECK(out["kind"] == "staff_search_results");
  CHECK(out["query"] == "Müller");
  CHECK(out["results"] ==
        json::array(
            {{{"ticket_id", "T000042"}, {"name", "Anna Müller"}, {"organisation", "Stadt Köln"}},
             {{"ticket_id", "T000043"}, {"name", "Bernd Müller"}, {"organisation", ""}}}));
  CHECK(out["more"] == true);
  CHECK(out["message"] ==
        json{{"de", "2 Treffer für „Müller“."}, {"en", "2 matches for “Müller”."}});
  CHECK(out["hint"]["de"] != "");

  search.results.clear();
  search.more = false;
  out = render(search);
  CHECK(out["results"] == json::array());
  CHECK(out["message"]["en"] == "No matches for “Müller”.");
}

TEST_CASE("names with quotes and markup stay data in the JSON", "[screen][view]") {
  const json out =
      render(WelcomeScreen{"<script>alert(\"x\")</script>", "O'Brien & Söhne", "", ""});
  const json back = json::parse(out.dump());
  CHECK(back["name"] == "<script>alert(\"x\")</script>");
  CHECK(back["organisation"] == "O'Brien & Söhne");
}
