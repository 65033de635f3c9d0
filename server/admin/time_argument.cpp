#include "admin/time_argument.h"

#include "base/date_text.h"
#include "base/text.h"

namespace einlass {

std::expected<Timestamp, std::string> parse_time_argument(std::string_view text,
                                                          const EventCalendar& calendar) {
  const std::string bad = "'" + std::string{text} +
                          "' is not a time like 2026-03-28T09:15 (event-local), "
                          "2026-03-28T08:15Z or 2026-03-28T09:15+01:00";
  if (text.size() < 16 || text[10] != 'T' || text[13] != ':') return std::unexpected(bad);
  auto date = parse_iso_date(text.substr(0, 10));
  int hour = 0, minute = 0, second = 0;
  if (!date || !read_fixed_digits(text, 11, 2, hour) || !read_fixed_digits(text, 14, 2, minute)) {
    return std::unexpected(bad);
  }
  std::size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!read_fixed_digits(text, pos + 1, 2, second)) return std::unexpected(bad);
    pos += 3;
  }
  if (hour > 23 || minute > 59 || second > 59) return std::unexpected(bad);
  using namespace std::chrono;
  const seconds time_of_day = hours{hour} + minutes{minute} + seconds{second};
  const std::string_view rest = text.substr(pos);
  if (rest.empty()) return calendar.at_local_time(*date, time_of_day);
  const sys_seconds wall = sys_days{*date} + time_of_day;  // the wall time read as UTC
  if (rest == "Z") return time_point_cast<milliseconds>(wall);
  int off_h = 0, off_m = 0;
  if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' ||
      !read_fixed_digits(rest, 1, 2, off_h) || !read_fixed_digits(rest, 4, 2, off_m) ||
      off_h > 14 || off_m > 59) {
    return std::unexpected(bad);
  }
  const auto offset = hours{off_h} + minutes{off_m};
  return time_point_cast<milliseconds>(rest[0] == '+' ? wall - offset : wall + offset);
}

}  // namespace einlass
