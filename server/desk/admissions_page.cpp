// GET /admissions: newest first in merge order, filtered, in pages that continue where the last
// one ended (a position, not an offset, so new admissions do not shift the pages).
#include <charconv>

#include "desk/admission_rows.h"
#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/json_fields.h"

namespace einlass {

namespace {

using namespace desk_detail;

// "<hlc wall>.<hlc logical>.<seq>.<kiosk>": the kiosk id last, so that no character of it can
// confuse the reader (kiosk ids hold no '.', but the page need not rely on it).
std::string position_text(const AdmissionPosition& p) {
  return std::to_string(p.hlc_wall) + "." + std::to_string(p.hlc_logical) + "." +
         std::to_string(p.seq) + "." + p.kiosk_id;
}

bool read_number(std::string_view& text, std::int64_t& out) {
  const auto dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const auto [end, error] = std::from_chars(text.data(), text.data() + dot, out);
  if (error != std::errc{} || end != text.data() + dot) return false;
  text.remove_prefix(dot + 1);
  return true;
}

std::optional<AdmissionPosition> parse_position(std::string_view text) {
  AdmissionPosition p;
  if (!read_number(text, p.hlc_wall) || !read_number(text, p.hlc_logical) ||
      !read_number(text, p.seq) || text.empty() || text.size() > 64)
    return std::nullopt;
  p.kiosk_id = std::string(text);
  return p;
}

}  // namespace

DeskResult<nlohmann::json> DeskService::admissions(const AdmissionFilter& filter) {
  return guarded("listing admissions", [&] {
    if (filter.limit < 1 || filter.limit > 200)
      fail(DeskError::Kind::invalid, "bad_request", "limit must be from 1 to 200");
    if (!filter.kind.empty() && filter.kind != "entry" && filter.kind != "exit" &&
        filter.kind != "manual_entry")
      fail(DeskError::Kind::invalid, "bad_request", "kind must be entry, exit or manual_entry");
    AdmissionRowQuery query;
    query.day = filter.day;
    query.kiosk = filter.kiosk;
    query.kind = filter.kind;
    query.ticket = filter.ticket;
    if (filter.before) {
      query.before = parse_position(*filter.before);
      if (!query.before)
        fail(DeskError::Kind::invalid, "bad_request", "before is not a page's next");
    }
    query.limit = filter.limit + 1;  // one more tells whether another page follows
    const EventView view = load_event_view(db_);
    auto rows = load_admissions(db_, view, query);
    std::optional<std::string> next;
    if (rows.size() > filter.limit) {
      rows.resize(filter.limit);
      next = position_text(rows.back().position);
    }
    auto items = nlohmann::json::array();
    for (auto& row : rows) items.push_back(std::move(row.json));
    return page(std::move(items), std::move(next));
  });
}

}  // namespace einlass
