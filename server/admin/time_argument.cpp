#include "admin/time_argument.h"

#include <date/tz.h>

#include <charconv>

namespace einlass {

namespace {

// Reads exactly `digits` decimal digits at `pos`.
bool read_number(std::string_view text, std::size_t pos, std::size_t digits, int& out) {
  if (pos + digits > text.size()) return false;
  const char* first = text.data() + pos;
  const auto [end, ec] = std::from_chars(first, first + digits, out);
  return ec == std::errc{} && end == first + digits;
}

}  // namespace

std::expected<std::chrono::year_month_day, std::string> parse_iso_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  const bool shape = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                     read_number(text, 0, 4, y) && read_number(text, 5, 2, m) &&
                     read_number(text, 8, 2, d);
  const std::chrono::year_month_day date{std::chrono::year{y},
                                         std::chrono::month{static_cast<unsigned>(m)},
                                         std::chrono::day{static_cast<unsigned>(d)}};
  if (!shape || !date.ok()) {
    return std::unexpected("'" + std::string{text} + "' is not a date of the form YYYY-MM-DD");
  }
  return date;
}

std::expected<Timestamp, std::string> parse_time_argument(std::string_view text,
                                                          std::string_view time_zone) {
  const std::string bad = "'" + std::string{text} +
                          "' is not a time like 2026-03-28T09:15 (event-local), "
                          "2026-03-28T08:15Z or 2026-03-28T09:15+01:00";
  if (text.size() < 16 || text[10] != 'T' || text[13] != ':') return std::unexpected(bad);
  auto date = parse_iso_date(text.substr(0, 10));
  int hour = 0, minute = 0, second = 0;
  if (!date || !read_number(text, 11, 2, hour) || !read_number(text, 14, 2, minute)) {
    return std::unexpected(bad);
  }
  std::size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!read_number(text, pos + 1, 2, second)) return std::unexpected(bad);
    pos += 3;
  }
  if (hour > 23 || minute > 59 || second > 59) return std::unexpected(bad);
  using namespace std::chrono;
  const auto local_seconds =
      sys_days{*date}.time_since_epoch() + hours{hour} + minutes{minute} + seconds{second};
  const std::string_view rest = text.substr(pos);
  if (rest.empty()) {
    try {
      const auto* zone = date::locate_zone(std::string{time_zone});
      const date::local_seconds local{duration_cast<seconds>(local_seconds)};
      // A time in the hour skipped by a DST change is taken as the later instant (as clocks do).
      const auto utc = zone->to_sys(local, date::choose::latest);
      return time_point_cast<milliseconds>(utc);
    } catch (const std::exception& e) {
      return std::unexpected("time zone '" + std::string{time_zone} + "': " + e.what());
    }
  }
  if (rest == "Z") return Timestamp{duration_cast<milliseconds>(local_seconds)};
  int off_h = 0, off_m = 0;
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' ||
      !read_number(rest, 1, 2, off_h) || !read_number(rest, 4, 2, off_m) || off_h > 14 ||
      off_m > 59) {
    return std::unexpected(bad);
  }
  const auto offset = hours{off_h} + minutes{off_m};
  const auto utc = rest[0] == '+' ? local_seconds - offset : local_seconds + offset;
  return Timestamp{duration_cast<milliseconds>(utc)};
}

}  // namespace einlass
