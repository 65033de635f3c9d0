#include "storage/event_repository.h"

#include "base/date_text.h"
#include "storage/column_codes.h"
#include "storage/sql_support.h"

namespace einlass {

namespace sd = storage_detail;

namespace {

std::chrono::year_month_day date_from_column(std::string_view text) {
  auto date = parse_iso_date(text);
  if (!date) sd::fail(StorageError::Kind::corrupt, "stored first day: " + date.error());
  return *date;
}

}  // namespace

StorageResult<void> EventRepository::save(const EventConfig& event) {
  return sd::guarded("saving the event", [&] {
    if (!event.first_day.ok()) {
      sd::fail(StorageError::Kind::constraint, "the event's first day is not a valid date");
    }
    sd::WriteTransaction tx(db_);
    sd::Query(db_,
              "INSERT INTO event (singleton, event_id, name, time_zone, first_day, day_count, "
              "reentry) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6) "
              "ON CONFLICT (singleton) DO UPDATE SET event_id = excluded.event_id, "
              "name = excluded.name, time_zone = excluded.time_zone, "
              "first_day = excluded.first_day, day_count = excluded.day_count, "
              "reentry = excluded.reentry")
        .bind(1, std::int64_t{event.id})
        .bind(2, event.name)
        .bind(3, event.time_zone)
        .bind(4, format_iso_date(event.first_day))
        .bind(5, std::int64_t{event.day_count})
        .bind(6, sd::to_column(event.reentry))
        .exec();
    sd::Query(db_, "DELETE FROM categories").exec();
    for (const auto& c : event.categories) {
      sd::Query(db_,
                "INSERT INTO categories (code, slug, label_de, label_en, colour) "
                "VALUES (?1, ?2, ?3, ?4, ?5)")
          .bind(1, std::int64_t{c.code})
          .bind(2, c.slug)
          .bind(3, c.label_de)
          .bind(4, c.label_en)
          .bind(5, c.colour)
          .exec();
    }
    tx.commit();
  });
}

StorageResult<std::optional<EventConfig>> EventRepository::load() {
  return sd::guarded("loading the event", [&]() -> std::optional<EventConfig> {
    EventConfig event;
    {
      sd::Query q(db_,
                  "SELECT event_id, name, time_zone, first_day, day_count, reentry FROM event");
      if (!q.step()) return std::nullopt;
      event.id = sd::narrow_from_db<EventId>(q.int64(0), "event.event_id");
      event.name = q.text(1);
      event.time_zone = q.text(2);
      event.first_day = date_from_column(q.text(3));
      event.day_count = sd::narrow_from_db<int>(q.int64(4), "event.day_count");
      event.reentry = sd::reentry_from_column(q.text(5));
    }
    event.categories.clear();
    sd::Query q(db_, "SELECT code, slug, label_de, label_en, colour FROM categories ORDER BY code");
    while (q.step()) {
      event.categories.push_back(Category{
          sd::narrow_from_db<CategoryCode>(q.int64(0), "categories.code"),
          q.text(1),
          q.text(2),
          q.text(3),
          q.text(4),
      });
    }
    return event;
  });
}

}  // namespace einlass
