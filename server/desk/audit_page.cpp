// GET /audit: the staff and organiser actions, newest first, paged by entry id.
#include "desk/audit_page.h"

#include "desk/desk_failure.h"
#include "desk/desk_service.h"
#include "desk/desk_sql.h"
#include "desk/json_fields.h"

namespace einlass {

namespace desk_detail {

namespace {

constexpr const char* kSelect = "SELECT id, at, who, action, subject, why FROM audit_log ";

nlohmann::json entry_json(SqlQuery& q) {
  return {{"id", q.integer(0)},  {"at", q.integer(1)},   {"who", q.text(2)},
          {"action", q.text(3)}, {"subject", q.text(4)}, {"why", q.text(5)}};
}

}  // namespace

nlohmann::json audit_about(Database& db, std::string_view subject) {
  SqlQuery q(db, std::string(kSelect) + "WHERE subject = :subject ORDER BY id");
  q.bind(":subject", subject);
  auto out = nlohmann::json::array();
  while (q.next()) out.push_back(entry_json(q));
  return out;
}

}  // namespace desk_detail

using namespace desk_detail;

DeskResult<nlohmann::json> DeskService::audit(std::optional<std::int64_t> before,
                                              std::size_t limit) {
  return guarded("reading the audit log", [&] {
    if (limit < 1 || limit > 200)
      fail(DeskError::Kind::invalid, "bad_request", "limit must be from 1 to 200");
    SqlQuery q(db_, std::string(kSelect) + (before ? "WHERE id < :before " : "") +
                        "ORDER BY id DESC LIMIT :limit");
    if (before) q.bind(":before", *before);
    q.bind(":limit", static_cast<std::int64_t>(limit + 1));
    auto items = nlohmann::json::array();
    std::optional<std::string> next;
    while (q.next()) {
      if (items.size() == limit) {
        next = std::to_string(items.back()["id"].get<std::int64_t>());
        break;
      }
      items.push_back(entry_json(q));
    }
    return page(std::move(items), std::move(next));
  });
}

}  // namespace einlass
