#pragma once
// Why a ticket was refused. The codes are modelled on pretix and shared by kiosk, server, API and
// UI; attendees never see them (see messages.h).
#include <array>
#include <optional>
#include <string_view>

namespace einlass {

enum class Reason {
  invalid,           // not a ticket of this event, damaged or forged
  revoked,           // withdrawn by staff
  canceled,          // the registration was cancelled
  blocked,           // the attendee is blocked from entry
  wrong_day,         // not valid on this day of the event, or the event is not on
  not_yet,           // before the ticket's time window
  expired,           // after the ticket's time window
  category,          // this entrance does not admit the ticket's category
  already_admitted,  // used already today (and not given back by an exit)
  unknown_key,       // signed with a key this kiosk does not hold (rotated out, or too new)
  error,             // something failed that is not the attendee's fault
};

// Every reason, for code that must cover them all (lists, translations, tests).
inline constexpr std::array kAllReasons{
    Reason::invalid,          Reason::revoked,     Reason::canceled, Reason::blocked,
    Reason::wrong_day,        Reason::not_yet,     Reason::expired,  Reason::category,
    Reason::already_admitted, Reason::unknown_key, Reason::error};

// "invalid", "revoked", ..., "already_admitted": stable codes for logs, JSON and storage.
std::string_view to_string(Reason reason);
std::optional<Reason> reason_from_string(std::string_view code);

}  // namespace einlass
