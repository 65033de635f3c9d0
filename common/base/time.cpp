#include "base/time.h"

#include <cstdio>

namespace einlass {

Timestamp SystemClock::now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::int64_t to_unix_ms(Timestamp t) {
  return t.time_since_epoch().count();
}

Timestamp from_unix_ms(std::int64_t ms) {
  return Timestamp{std::chrono::milliseconds{ms}};
}

std::string format_utc(Timestamp t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%03ldZ", int(ymd.year()),
                unsigned(ymd.month()), unsigned(ymd.day()), long(hms.hours().count()),
                long(hms.minutes().count()), long(hms.seconds().count()),
                long(hms.subseconds().count()));
  return buf;
}

}  // namespace einlass
