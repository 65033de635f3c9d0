#include "desk/desk_sql.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

namespace einlass::desk_detail {

SqlQuery::SqlQuery(Database& db, std::string_view sql) : st_(db.statement(sql)) {
  // A statement left half-stepped by a failed earlier use must start over, unbound.
  st_.tryReset();
  st_.clearBindings();
}

SqlQuery::~SqlQuery() {
  // Reset at once, so that no read transaction stays open between calls.
  st_.tryReset();
}

SqlQuery& SqlQuery::bind(const char* name, std::int64_t value) {
  st_.bind(name, value);
  return *this;
}

SqlQuery& SqlQuery::bind(const char* name, std::string_view value) {
  st_.bind(name, std::string(value));
  return *this;
}

bool SqlQuery::next() {
  return st_.executeStep();
}

std::int64_t SqlQuery::integer(int column) {
  return st_.getColumn(column).getInt64();
}

std::optional<std::int64_t> SqlQuery::maybe_integer(int column) {
  const auto value = st_.getColumn(column);
  if (value.isNull()) return std::nullopt;
  return value.getInt64();
}

std::string SqlQuery::text(int column) {
  return st_.getColumn(column).getString();
}

std::int64_t SqlQuery::single_integer() {
  if (!next()) return 0;
  return maybe_integer(0).value_or(0);
}

}  // namespace einlass::desk_detail
