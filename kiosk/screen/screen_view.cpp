#include "screen/screen_view.h"

#include <type_traits>

namespace einlass {

namespace {

using nlohmann::json;

json bilingual(const Bilingual& text) {
  return {{"de", text.de}, {"en", text.en}};
}

json status_json(const ScreenStatus& status) {
  return {{"kiosk", status.kiosk_name},
          {"online", status.online},
          {"printer", std::string{to_string(status.printer)}}};
}

// The three text blocks every screen has; empty ones stay in the JSON so the page can clear them.
struct Texts {
  Bilingual title;
  Bilingual message;
  Bilingual hint;
};

std::string count_text(int n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string{n == 1 ? one : many};
}

Texts texts_for(const IdleScreen&) {
  return {{"Ticket scannen", "Scan your ticket"},
          {"Bitte halten Sie den QR-Code Ihres Tickets an den Scanner.",
           "Please hold the QR code of your ticket up to the scanner."},
          {}};
}

Texts texts_for(const WelcomeScreen& s) {
  if (!s.badge_printing) {
    return {{"Willkommen", "Welcome"}, {"Schön, dass Sie da sind.", "Good to have you here."}, {}};
  }
  return {{"Willkommen", "Welcome"},
          {"Ihr Namensschild wird gedruckt.", "Your badge is printing."},
          {"Bitte nehmen Sie es aus dem Drucker.", "Please take it from the printer."}};
}

Texts texts_for(const RefusedScreen& s) {
  return {s.title, s.message, s.hint};
}

Texts texts_for(const ExitScreen&) {
  return {{"Auf Wiedersehen", "Goodbye"},
          {"Ihr Ausgang ist erfasst. Vielen Dank für Ihren Besuch!",
           "Your exit is recorded. Thank you for coming!"},
          {}};
}

Texts texts_for(const PrinterTroubleScreen&) {
  return {{"Namensschild nicht gedruckt", "Badge not printed"},
          {"Ihr Einlass ist erfasst, aber Ihr Namensschild konnte nicht gedruckt werden.",
           "You are admitted, but your badge could not be printed."},
          {"Bitte holen Sie es an der Infotheke ab.", "Please collect it at the staff desk."}};
}

Texts texts_for(const PausedScreen&) {
  return {{"Kiosk geschlossen", "Kiosk closed"},
          {"Dieser Kiosk ist gerade nicht in Betrieb.", "This kiosk is not in service right now."},
          {"Bitte nutzen Sie einen anderen Kiosk oder wenden Sie sich an die Infotheke.",
           "Please use another kiosk or go to the staff desk."}};
}

Texts texts_for(const StaffPinScreen& s) {
  Texts t;
  t.title = {"PIN eingeben", "Enter PIN"};
  if (s.locked_until) {
    t.message = {"Zu viele falsche Eingaben. Der Mitarbeitermodus ist gesperrt.",
                 "Too many wrong entries. Staff mode is locked."};
  } else if (s.wrong_pin) {
    t.message = {"Falsche PIN. Noch " + count_text(s.attempts_left, "Versuch", "Versuche") + ".",
                 "Wrong PIN. " + count_text(s.attempts_left, "attempt", "attempts") + " left."};
  } else if (!s.staff_name.empty()) {
    t.message = {"Mitarbeiterkarte von " + s.staff_name + " erkannt.",
                 "Staff card of " + s.staff_name + " recognised."};
  } else {
    t.message = {"Mitarbeiterkarte erkannt.", "Staff card recognised."};
  }
  return t;
}

Texts texts_for(const StaffMenuScreen& s) {
  Texts t{{"Mitarbeitermodus", "Staff mode"}, s.notice, {}};
  if (s.paused) t.hint = {"Der Kiosk ist pausiert.", "The kiosk is paused."};
  return t;
}

Texts texts_for(const StaffSearchScreen& s) {
  Texts t;
  t.title = {"Suche", "Search"};
  const int n = static_cast<int>(s.results.size());
  if (!s.notice.de.empty() || !s.notice.en.empty()) {
    t.message = s.notice;
  } else if (n == 0) {
    t.message = {"Keine Treffer für „" + s.query + "“.", "No matches for “" + s.query + "”."};
  } else {
    t.message = {count_text(n, "Treffer", "Treffer") + " für „" + s.query + "“.",
                 count_text(n, "match", "matches") + " for “" + s.query + "”."};
  }
  if (s.more) {
    t.hint = {"Es gibt weitere Treffer. Bitte genauer suchen.",
              "There are more matches. Please narrow the search."};
  }
  return t;
}

void add_fields(json& out, const IdleScreen& s) {
  out["event"] = s.event_name;
}
void add_fields(json& out, const WelcomeScreen& s) {
  out["name"] = s.name;
  out["organisation"] = s.organisation;
  out["category"] = {{"label", s.category_label}, {"colour", s.category_colour}};
  out["badge_printing"] = s.badge_printing;
}
void add_fields(json&, const RefusedScreen&) {}
void add_fields(json& out, const ExitScreen& s) {
  out["name"] = s.name;
}
void add_fields(json& out, const PrinterTroubleScreen& s) {
  out["name"] = s.name;
}
void add_fields(json&, const PausedScreen&) {}
void add_fields(json& out, const StaffPinScreen& s) {
  out["staff_name"] = s.staff_name;
  out["attempts_left"] = s.attempts_left;
  out["wrong_pin"] = s.wrong_pin;
  out["locked_until"] = s.locked_until ? json(format_utc(*s.locked_until)) : json(nullptr);
}
void add_fields(json& out, const StaffMenuScreen& s) {
  out["staff_name"] = s.staff_name;
  out["paused"] = s.paused;
  out["last_badge"] = s.last_badge.empty() ? json(nullptr) : json(s.last_badge);
}
void add_fields(json& out, const StaffSearchScreen& s) {
  out["staff_name"] = s.staff_name;
  out["query"] = s.query;
  auto results = json::array();
  for (const StaffSearchHit& hit : s.results) {
    results.push_back(
        {{"ticket_id", hit.ticket_id}, {"name", hit.name}, {"organisation", hit.organisation}});
  }
  out["results"] = std::move(results);
  out["more"] = s.more;
}

template <class T>
constexpr std::string_view kind_of() {
  if constexpr (std::is_same_v<T, IdleScreen>) return "idle";
  if constexpr (std::is_same_v<T, WelcomeScreen>) return "welcome";
  if constexpr (std::is_same_v<T, RefusedScreen>) return "refused";
  if constexpr (std::is_same_v<T, ExitScreen>) return "exit";
  if constexpr (std::is_same_v<T, PrinterTroubleScreen>) return "printer_trouble";
  if constexpr (std::is_same_v<T, PausedScreen>) return "paused";
  if constexpr (std::is_same_v<T, StaffPinScreen>) return "staff_pin";
  if constexpr (std::is_same_v<T, StaffMenuScreen>) return "staff_menu";
  if constexpr (std::is_same_v<T, StaffSearchScreen>) return "staff_search_results";
}

}  // namespace

std::string_view screen_kind(const ScreenView& view) {
  return std::visit([](const auto& s) { return kind_of<std::decay_t<decltype(s)>>(); },
                    view.content);
}

nlohmann::json to_json(const ScreenView& view) {
  return std::visit(
      [&view](const auto& screen) {
        const Texts texts = texts_for(screen);
        json out = {{"kind", kind_of<std::decay_t<decltype(screen)>>()},
                    {"status", status_json(view.status)},
                    {"title", bilingual(texts.title)},
                    {"message", bilingual(texts.message)},
                    {"hint", bilingual(texts.hint)}};
        add_fields(out, screen);
        return out;
      },
      view.content);
}

}  // namespace einlass
