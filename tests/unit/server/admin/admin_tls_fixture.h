#pragma once
// An event database in a temp folder, opened as einlass-admin opens it.
#include <SQLiteCpp/Database.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "admin/event_database.h"
#include "admin/event_setup.h"
#include "admin/organiser_actions.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

namespace einlass::test {

struct AdminTlsFixture {
  TempDir dir;
  Actor actor{"cli:anna", utc(2026, 3, 1, 9, 0)};
  EventDatabase event = open();

  EventDatabase open() {
    using namespace std::chrono;
    auto created =
        init_event(dir / "event.db", NewEvent{"Digitale Verwaltung 2026", year{2026} / 3 / 28, 2},
                   0x1234, actor.at);
    REQUIRE(created);
    auto opened = open_event_database(dir / "event.db");
    REQUIRE(opened);
    return std::move(*opened);
  }

  int count(const std::string& sql) { return event.db.connection().execAndGet(sql).getInt(); }
};

inline unsigned file_mode(const std::filesystem::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777u;
}

}  // namespace einlass::test
