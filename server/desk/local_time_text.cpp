#include "desk/local_time_text.h"

#include <date/tz.h>

#include <exception>

namespace einlass::desk_detail {

std::expected<LocalTimeText, std::string> LocalTimeText::create(const std::string& zone_name) {
  try {
    return LocalTimeText{date::locate_zone(zone_name)};
  } catch (const std::exception&) {
    return std::unexpected("unknown time zone \"" + zone_name + "\"");
  }
}

std::string LocalTimeText::iso(Timestamp t) const {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  return date::format("%FT%T%Ez", date::make_zoned(zone_, seconds));
}

std::string LocalTimeText::clock(Timestamp t) const {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(t);
  return date::format("%T", date::make_zoned(zone_, seconds));
}

}  // namespace einlass::desk_detail
