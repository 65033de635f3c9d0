#pragma once
// Internal to einlass_desk: instants as staff read them, in the event's time zone (the export's
// "2026-03-28T09:12:05+01:00", an alert's "10:42:07").
#include <expected>
#include <string>

#include "base/time.h"

namespace date {
class time_zone;  // Howard Hinnant's date/tz, kept out of this header
}

namespace einlass::desk_detail {

class LocalTimeText {
 public:
  // Refuses a zone name the system's tz database does not know.
  static std::expected<LocalTimeText, std::string> create(const std::string& zone_name);

  // ISO 8601 with the zone's offset at that instant, whole seconds.
  std::string iso(Timestamp t) const;
  // "HH:MM:SS"
  std::string clock(Timestamp t) const;

 private:
  explicit LocalTimeText(const date::time_zone* zone) : zone_(zone) {}
  const date::time_zone* zone_;  // owned by the tz database, lives forever
};

}  // namespace einlass::desk_detail
