#pragma once
// What the kiosk's screen shows. The kiosk builds a ScreenView for every change (a scan, a printer
// fault, staff mode) and hands it to the ScreenServer, which sends it to the page as JSON. The
// page only renders: every text an attendee reads comes from here, German first.
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/time.h"
#include "device/printer.h"

namespace einlass {

struct Bilingual {
  std::string de;
  std::string en;
  bool operator==(const Bilingual&) const = default;
};

// The strip every screen keeps at the bottom, so staff see at a glance what the kiosk is doing.
struct ScreenStatus {
  std::string kiosk_name;
  bool online = false;  // reaches the server
  PrinterState printer = PrinterState::ready;
  bool operator==(const ScreenStatus&) const = default;
};

// "Ticket scannen · Scan your ticket".
struct IdleScreen {
  std::string event_name;
  bool operator==(const IdleScreen&) const = default;
};

// Admitted: the name big, the category band in its colour, "your badge is printing".
struct WelcomeScreen {
  std::string name;
  std::string organisation;
  std::string category_label;   // "Referent"
  std::string category_colour;  // "#C0392B"; the page ignores anything but #RRGGBB
  bool badge_printing = true;   // false when no badge is due (re-entry with a badge already)
  bool operator==(const WelcomeScreen&) const = default;
};

// Refused: the kiosk fills the message from attendee_message() in both languages; it already
// says where to go. `hint` is an optional extra line ("Die Infotheke ist im Foyer links.").
struct RefusedScreen {
  Bilingual title{"Kein Einlass", "No entry"};
  Bilingual message;
  Bilingual hint;
  bool operator==(const RefusedScreen&) const = default;
};

// Leaving through an exit kiosk.
struct ExitScreen {
  std::string name;  // may be empty
  bool operator==(const ExitScreen&) const = default;
};

// Admitted, but the badge did not print: the admission stands and the desk hands out the badge.
struct PrinterTroubleScreen {
  std::string name;
  bool operator==(const PrinterTroubleScreen&) const = default;
};

// Staff paused the kiosk; attendees are sent elsewhere.
struct PausedScreen {
  bool operator==(const PausedScreen&) const = default;
};

// A valid staff card was shown; the PIN pad is up.
struct StaffPinScreen {
  std::string staff_name;
  int attempts_left = 3;
  bool wrong_pin = false;                 // the last PIN entered was wrong
  std::optional<Timestamp> locked_until;  // set while staff mode is locked after wrong PINs
  bool operator==(const StaffPinScreen&) const = default;
};

struct StaffMenuScreen {
  std::string staff_name;
  bool paused = false;     // offers "resume" instead of "pause"
  std::string last_badge;  // "Anna Beispiel (T000042)"; empty: nothing to reprint yet
  Bilingual notice;        // the outcome of the last action ("Testseite gedruckt.")
  bool operator==(const StaffMenuScreen&) const = default;
};

struct StaffSearchHit {
  std::string ticket_id;  // "T000042", sent back with a reprint command
  std::string name;
  std::string organisation;
  bool operator==(const StaffSearchHit&) const = default;
};

struct StaffSearchScreen {
  std::string staff_name;
  std::string query;
  std::vector<StaffSearchHit> results;
  bool more = false;  // the kiosk cut the list; the page asks for a narrower search
  Bilingual notice;   // replaces the "n matches" line when set ("Nachdruck gestartet.")
  bool operator==(const StaffSearchScreen&) const = default;
};

using ScreenContent =
    std::variant<IdleScreen, WelcomeScreen, RefusedScreen, ExitScreen, PrinterTroubleScreen,
                 PausedScreen, StaffPinScreen, StaffMenuScreen, StaffSearchScreen>;

struct ScreenView {
  ScreenContent content;
  ScreenStatus status;
  bool operator==(const ScreenView&) const = default;
};

// "idle", "welcome", "refused", "exit", "printer_trouble", "paused", "staff_pin", "staff_menu",
// "staff_search_results": the page's data-kind.
std::string_view screen_kind(const ScreenView& view);

// The message the page renders. Every view carries kind, status, and title/message/hint in both
// languages (empty strings where a screen has none), plus the fields of its kind.
nlohmann::json to_json(const ScreenView& view);

}  // namespace einlass
