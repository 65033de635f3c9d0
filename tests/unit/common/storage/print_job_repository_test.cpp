#include "storage/print_job_repository.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "storage/admission_log.h"
#include "storage/kiosk_state_repository.h"
#include "storage_test_support.h"

using namespace einlass;
using test::admission;
using test::open_db;

namespace {
struct KioskFixture {
  test::TempDir dir;
  Database db = open_db(dir / "kiosk.db", DatabaseKind::kiosk);
  ManualClock clock{test::utc(2026, 3, 28, 8, 30)};
  PrintJobRepository jobs{db, clock};
  AdmissionLog log{db, clock};
};
}  // namespace

TEST_CASE("committing an admission stores the event, its queued print job and the next sequence",
          "[storage]") {
  KioskFixture f;
  const auto e = admission("kiosk-1", 1, 42);
  auto id = f.jobs.commit_admission(e);
  REQUIRE(id);

  CHECK(*f.log.all() == std::vector{e});
  auto job = *f.jobs.find(*id);
  REQUIRE(job);
  CHECK(job->admission == e.key);
  CHECK(job->state == PrintJobState::queued);
  CHECK(job->attempts == 0);
  CHECK(job->reprint == 0);
  CHECK(job->created == f.clock.now());
  CHECK(KioskStateRepository(f.db).next_sequence() == std::uint64_t{2});
}

TEST_CASE("a commit that fails half-way leaves neither the event nor the job", "[storage]") {
  KioskFixture f;
  // The event insert succeeds, the print job insert is refused: the transaction must undo both.
  f.db.connection().exec(
      "CREATE TEMP TRIGGER refuse_jobs BEFORE INSERT ON print_jobs BEGIN "
      "SELECT RAISE(ABORT, 'refused by the test'); END");
  auto id = f.jobs.commit_admission(admission("kiosk-1", 1, 42));
  REQUIRE_FALSE(id);
  CHECK(f.log.count() == 0);
  CHECK(f.jobs.unfinished()->empty());
  CHECK(KioskStateRepository(f.db).next_sequence() == std::uint64_t{1});
}

TEST_CASE("committing an admission under a used sequence number is refused", "[storage]") {
  KioskFixture f;
  REQUIRE(f.jobs.commit_admission(admission("kiosk-1", 1, 42)));
  auto again = f.jobs.commit_admission(admission("kiosk-1", 1, 42));
  REQUIRE_FALSE(again);
  CHECK(again.error().kind == StorageError::Kind::constraint);
  CHECK(f.jobs.unfinished()->size() == 1);
}

TEST_CASE("print jobs move through attempts to done and leave the unfinished list", "[storage]") {
  KioskFixture f;
  const auto first = *f.jobs.commit_admission(admission("kiosk-1", 1, 42));
  const auto second = *f.jobs.commit_admission(admission("kiosk-1", 2, 43));
  REQUIRE(f.jobs.start_attempt(first));
  f.clock.advance(std::chrono::seconds{2});
  REQUIRE(f.jobs.start_attempt(first));
  auto job = *f.jobs.find(first);
  CHECK(job->state == PrintJobState::printing);
  CHECK(job->attempts == 2);
  CHECK(job->updated == f.clock.now());

  REQUIRE(f.jobs.finish(first, PrintJobState::done));
  auto open = *f.jobs.unfinished();
  REQUIRE(open.size() == 1);
  CHECK(open[0].id == second);
  CHECK_FALSE(f.jobs.finish(999, PrintJobState::done));
}

TEST_CASE("an admission committed before the process is killed is there after restart",
          "[storage][crash]") {
  // A killed process leaves its page cache to the operating system, so this proves what survives
  // a crash of Einlass, not a power cut; that needs synchronous=FULL, which database_test checks.
  test::TempDir dir;
  const auto path = dir / "kiosk.db";
  { auto db = open_db(path, DatabaseKind::kiosk); }  // created; closed before forking

  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    // No Catch2 here: commit, then die without closing anything (no destructors, no checkpoint).
    auto db = Database::open_existing(path, DatabaseKind::kiosk);
    if (!db) ::_exit(10);
    ManualClock clock{test::utc(2026, 3, 28, 8, 30)};
    if (!PrintJobRepository(*db, clock).commit_admission(admission("kiosk-1", 1, 42))) {
      ::_exit(11);
    }
    ::kill(::getpid(), SIGKILL);
    ::_exit(12);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  INFO("child exit code " << (WIFEXITED(status) ? WEXITSTATUS(status) : 0)
                          << " (10: open failed, 11: commit failed)");
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGKILL);
  // The commit sits in the write-ahead log: nothing checkpointed it into the main file.
  CHECK(std::filesystem::file_size(path.string() + "-wal") > 0);

  auto db = Database::open_existing(path, DatabaseKind::kiosk);
  REQUIRE(db);
  ManualClock clock{test::utc(2026, 3, 28, 9)};
  CHECK(AdmissionLog(*db, clock).events_for_ticket(42)->size() == 1);
  auto open = *PrintJobRepository(*db, clock).unfinished();
  REQUIRE(open.size() == 1);
  CHECK(open[0].admission == EventKey{"kiosk-1", 1});
  CHECK(KioskStateRepository(*db).next_sequence() == std::uint64_t{2});
}

TEST_CASE("an exit is committed with the kiosk's counters and without a print job", "[storage]") {
  KioskFixture f;
  auto exit_event = admission("kiosk-1", 1, 42);
  exit_event.kind = AdmissionKind::exit;
  REQUIRE(f.jobs.commit_without_badge(exit_event));
  CHECK(*f.log.all() == std::vector{exit_event});
  CHECK(f.jobs.unfinished()->empty());
  CHECK(KioskStateRepository(f.db).next_sequence() == std::uint64_t{2});
  CHECK(KioskStateRepository(f.db).last_hlc() == exit_event.hlc);
  auto again = f.jobs.commit_without_badge(exit_event);
  REQUIRE_FALSE(again);
  CHECK(again.error().kind == StorageError::Kind::constraint);
}

TEST_CASE("reprints are numbered after the copies an admission already has", "[storage]") {
  KioskFixture f;
  const auto e = admission("kiosk-1", 1, 42);
  REQUIRE(f.jobs.commit_admission(e));
  auto first = f.jobs.add_reprint(e.key);
  REQUIRE(first);
  CHECK(first->reprint == 1);
  CHECK(first->ticket_id == 42);
  CHECK(first->state == PrintJobState::queued);
  CHECK(f.jobs.add_reprint(e.key)->reprint == 2);
  CHECK(f.jobs.unfinished()->size() == 3);
  // Reprint 2 was resumed after a crash: its second attempt came out labelled "Reprint 3".
  REQUIRE(f.jobs.start_attempt(first->id + 1));
  REQUIRE(f.jobs.start_attempt(first->id + 1));
  CHECK(f.jobs.add_reprint(e.key)->reprint == 4);
  auto unknown = f.jobs.add_reprint({"kiosk-1", 99});
  REQUIRE_FALSE(unknown);
  CHECK(f.jobs.unfinished()->size() == 4);
}

TEST_CASE("print jobs are counted by state, states without a job left out", "[storage]") {
  KioskFixture f;
  CHECK(f.jobs.counts_by_state()->empty());
  const auto first = *f.jobs.commit_admission(admission("kiosk-1", 1, 42));
  const auto second = *f.jobs.commit_admission(admission("kiosk-1", 2, 43));
  const auto third = *f.jobs.commit_admission(admission("kiosk-1", 3, 44));
  REQUIRE(f.jobs.commit_admission(admission("kiosk-1", 4, 45)));
  REQUIRE(f.jobs.start_attempt(first));
  REQUIRE(f.jobs.finish(first, PrintJobState::done));
  REQUIRE(f.jobs.start_attempt(second));
  REQUIRE(f.jobs.start_attempt(third));
  REQUIRE(f.jobs.finish(third, PrintJobState::failed));
  REQUIRE(f.jobs.add_reprint(admission("kiosk-1", 3, 44).key));
  const auto counts = f.jobs.counts_by_state();
  REQUIRE(counts);
  CHECK(*counts == std::map<PrintJobState, std::uint64_t>{{PrintJobState::queued, 2},
                                                          {PrintJobState::printing, 1},
                                                          {PrintJobState::done, 1},
                                                          {PrintJobState::failed, 1}});

  test::TempDir dir;
  Database server = open_db(dir / "server.db", DatabaseKind::server);
  const auto wrong = PrintJobRepository(server, f.clock).counts_by_state();
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().kind == StorageError::Kind::wrong_database_kind);
}
