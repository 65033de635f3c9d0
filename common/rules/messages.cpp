#include "rules/messages.h"

#include <array>
#include <cassert>
#include <cstdio>
#include <vector>

#include "rules/day_text.h"

namespace einlass {

namespace {

constexpr std::array<std::string_view, 12> kMonthsEn{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// "28.03.2026" / "28 March 2026"
std::string spoken_date(std::chrono::year_month_day date, Language language) {
  const auto day = static_cast<unsigned>(date.day());
  const auto month = static_cast<unsigned>(date.month());
  const int year = static_cast<int>(date.year());
  if (language == Language::de) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", day, month, year);
    return buf;
  }
  return std::to_string(day) + " " + std::string{kMonthsEn[month - 1]} + " " + std::to_string(year);
}

// "a, b und c" / "a, b and c"
std::string spoken_list(const std::vector<std::string>& items, Language language) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? (language == Language::de ? " und " : " and ") : ", ";
    out += items[i];
  }
  return out;
}

std::vector<std::string> valid_dates(const Decision& d, const EventCalendar& calendar,
                                     Language language) {
  std::vector<std::string> dates;
  for (int day = 1; day <= calendar.day_count(); ++day) {
    if (has_day(d.days, day)) dates.push_back(spoken_date(calendar.date_of_day(day), language));
  }
  return dates;
}

// "12:00" when the limit is on the day of the scan, else with its date.
std::string limit_text(Timestamp limit, const Decision& d, const EventCalendar& calendar,
                       Language language) {
  const std::string time = calendar.local_time_text(limit);
  const std::string clock = language == Language::de ? time + " Uhr" : time;
  if (calendar.local_date(limit) == calendar.local_date(d.scan_time)) return clock;
  return spoken_date(calendar.local_date(limit), language) + ", " + clock;
}

std::string greeting(std::string_view hello, const std::string& name) {
  if (name.empty()) return std::string{hello} + "!";
  return std::string{hello} + ", " + name + "!";
}

std::string refusal_de(const Decision& d, Reason reason, std::string_view event_name,
                       const EventCalendar& calendar) {
  const std::string desk = "Bitte wenden Sie sich an die Infotheke.";
  switch (reason) {
    case Reason::invalid:
      return "Dies ist kein Ticket für " + std::string{event_name} + ". " + desk;
    case Reason::unknown_key:
      return "Dieses Ticket kann hier nicht geprüft werden. " + desk;
    case Reason::revoked:
      return "Dieses Ticket ist nicht mehr gültig. " + desk;
    case Reason::canceled:
      return "Diese Anmeldung wurde storniert. " + desk;
    case Reason::blocked:
      return "Mit diesem Ticket ist kein Einlass möglich. " + desk;
    case Reason::wrong_day: {
      const auto dates = valid_dates(d, calendar, Language::de);
      if (dates.empty()) {
        return "Ihr Ticket gilt an keinem Tag von " + std::string{event_name} + ". " + desk;
      }
      return "Ihr Ticket gilt heute nicht, sondern am " + spoken_list(dates, Language::de) + ". " +
             desk;
    }
    case Reason::not_yet:
      return "Ihr Ticket gilt erst ab " +
             limit_text(d.valid_from.value_or(d.scan_time), d, calendar, Language::de) + ". " +
             desk;
    case Reason::expired:
      return "Ihr Ticket war nur bis " +
             limit_text(d.valid_until.value_or(d.scan_time), d, calendar, Language::de) +
             " gültig. " + desk;
    case Reason::category:
      return "Dieser Eingang ist nicht für Ihre Ticketart vorgesehen. Bitte nutzen Sie einen "
             "anderen Eingang oder wenden Sie sich an die Infotheke.";
    case Reason::already_admitted: {
      std::string text = "Dieses Ticket wurde heute bereits";
      if (d.prior) {
        text += " um " + calendar.local_time_text(d.prior->scan_time) + " Uhr an " +
                d.prior->key.kiosk_id;
      }
      return text +
             " verwendet. Falls Sie Ihr Namensschild verloren haben, wenden Sie sich bitte an die "
             "Infotheke.";
    }
    case Reason::error:
      return "Das hat leider nicht funktioniert. " + desk;
  }
  return "Das hat leider nicht funktioniert. " + desk;
}

std::string refusal_en(const Decision& d, Reason reason, std::string_view event_name,
                       const EventCalendar& calendar) {
  const std::string desk = "Please go to the staff desk.";
  switch (reason) {
    case Reason::invalid:
      return "This is not a ticket for " + std::string{event_name} + ". " + desk;
    case Reason::unknown_key:
      return "This ticket cannot be checked here. " + desk;
    case Reason::revoked:
      return "This ticket is no longer valid. " + desk;
    case Reason::canceled:
      return "This registration has been cancelled. " + desk;
    case Reason::blocked:
      return "This ticket does not allow entry. " + desk;
    case Reason::wrong_day: {
      const auto dates = valid_dates(d, calendar, Language::en);
      if (dates.empty()) {
        return "Your ticket is not valid on any day of " + std::string{event_name} + ". " + desk;
      }
      return "Your ticket is not valid today; it is valid on " + spoken_list(dates, Language::en) +
             ". " + desk;
    }
    case Reason::not_yet:
      return "Your ticket is valid from " +
             limit_text(d.valid_from.value_or(d.scan_time), d, calendar, Language::en) + ". " +
             desk;
    case Reason::expired:
      return "Your ticket was valid until " +
             limit_text(d.valid_until.value_or(d.scan_time), d, calendar, Language::en) + ". " +
             desk;
    case Reason::category:
      return "This entrance is not open to your type of ticket. Please use another entrance or go "
             "to the staff desk.";
    case Reason::already_admitted: {
      std::string text = "This ticket was already used today";
      if (d.prior) {
        text +=
            " at " + calendar.local_time_text(d.prior->scan_time) + " at " + d.prior->key.kiosk_id;
      }
      return text + ". If you have lost your badge, please go to the staff desk.";
    }
    case Reason::error:
      return "Something went wrong. " + desk;
  }
  return "Something went wrong. " + desk;
}

}  // namespace

std::string attendee_message(const Decision& decision, Language language,
                             std::string_view event_name, const EventCalendar& calendar) {
  if (decision.admitted) {
    const bool leaving = decision.kind == AdmissionKind::exit;
    if (language == Language::de) {
      return greeting(leaving ? "Auf Wiedersehen" : "Willkommen", decision.display_name);
    }
    return greeting(leaving ? "Goodbye" : "Welcome", decision.display_name);
  }
  assert(decision.reason.has_value() && "a refusal carries its reason");
  const Reason reason = decision.reason.value_or(Reason::error);
  return language == Language::de ? refusal_de(decision, reason, event_name, calendar)
                                  : refusal_en(decision, reason, event_name, calendar);
}

std::string staff_explanation(const Decision& decision, const EventCalendar& calendar) {
  std::string verdict;
  if (!decision.admitted) {
    verdict = decision.reason ? std::string{to_string(*decision.reason)} : "refused";
  } else {
    verdict = std::string{to_string(decision.kind)};
  }
  std::string out = verdict;
  if (decision.scan_time != Timestamp{})
    out += " at " + rules_text::local_stamp(decision.scan_time, calendar);
  out += ": " + decision.staff_detail;
  if (decision.kind == AdmissionKind::manual_entry && decision.admitted) {
    out += "; by " + decision.staff + ", because: " + decision.manual_reason;
  }
  return out;
}

}  // namespace einlass
