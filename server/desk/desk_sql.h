#pragma once
// Internal to einlass_desk: the desk's own read queries (counts, pages, joins no repository
// offers), on the database's cached prepared statements. Parameters are always bound, never
// spliced into the text. Used inside guarded(): SQLite's exceptions end there.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "storage/database.h"

namespace SQLite {
class Statement;
}

namespace einlass::desk_detail {

class SqlQuery {
 public:
  SqlQuery(Database& db, std::string_view sql);
  ~SqlQuery();
  SqlQuery(const SqlQuery&) = delete;
  SqlQuery& operator=(const SqlQuery&) = delete;

  // Named parameters (":day") so that optional filters can be left out of the text.
  SqlQuery& bind(const char* name, std::int64_t value);
  SqlQuery& bind(const char* name, std::string_view value);

  bool next();  // steps to the next row; false after the last
  std::int64_t integer(int column);
  std::optional<std::int64_t> maybe_integer(int column);
  std::string text(int column);

  // The first column of the only row (count, max), 0 when it is NULL.
  std::int64_t single_integer();

 private:
  SQLite::Statement& st_;
};

}  // namespace einlass::desk_detail
