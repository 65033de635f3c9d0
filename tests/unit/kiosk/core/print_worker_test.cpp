#include "core/print_worker.h"

#include <catch2/catch.hpp>
#include <future>
#include <mutex>
#include <thread>

#include "core/admission_desk.h"
#include "kiosk_fixture.h"

using namespace einlass;
using test::first_morning;

namespace {

// Records what it was asked to print; fails while `fault` is set.
class RecordingPrinter final : public Printer {
 public:
  std::expected<void, PrintFault> print(const Badge& badge, const BadgeLayout&,
                                        const std::string& job_name) override {
    if (fault) return std::unexpected(*fault);
    std::this_thread::sleep_for(delay);
    std::lock_guard lock(mutex);
    printed.push_back({badge, job_name});
    return {};
  }
  PrinterStatus status() override {
    std::lock_guard lock(mutex);
    return {state, {}};
  }
  void set_state(PrinterState s) {
    std::lock_guard lock(mutex);
    state = s;
  }
  std::string describe() const override { return "recording"; }

  std::size_t count() {
    std::lock_guard lock(mutex);
    return printed.size();
  }

  std::mutex mutex;
  std::vector<std::pair<Badge, std::string>> printed;
  std::optional<PrintFault> fault;
  std::chrono::milliseconds delay{0};
  PrinterState state = PrinterState::ready;
};

struct Worker {
  test::KioskFixture fixture;
  Replica replica = std::move(*Replica::open(fixture.replica_path));
  ManualClock clock{first_morning()};
  AdmissionDesk desk =
      std::move(*AdmissionDesk::open(replica, Entrance{"K1", EntranceMode::entry, {}}, clock));
  RecordingPrinter printer;
  std::vector<PrintReport> reports;

  bool step() {
    return print_next_job(replica.db(), printer, BadgeLayout{}, clock,
                          [this](const PrintReport& r) { reports.push_back(r); });
  }
  PrintJob job(PrintJobId id) { return **PrintJobRepository(replica.db(), clock).find(id); }
};

}  // namespace

TEST_CASE("an admission's badge prints once and its job is done", "[kiosk]") {
  Worker w;
  const auto outcome = w.desk.scan(w.fixture.ticket(2), first_morning());
  REQUIRE(outcome.print_job);
  CHECK(w.step());
  CHECK_FALSE(w.step());
  REQUIRE(w.printer.printed.size() == 1);
  CHECK(w.printer.printed[0].first.name == "Ayşe Yılmaz");
  CHECK(w.printer.printed[0].first.category_label == "Referent");
  CHECK(w.printer.printed[0].first.reprint == 0);
  CHECK(w.printer.printed[0].second == "K1-1-r0-a1");
  CHECK(w.job(*outcome.print_job).state == PrintJobState::done);
  CHECK(w.job(*outcome.print_job).attempts == 1);
  REQUIRE(w.reports.size() == 2);
  CHECK(w.reports[0].state == PrintJobState::printing);
  CHECK(w.reports[1].state == PrintJobState::done);
}

TEST_CASE("a job sent before a crash is resumed once and marked", "[kiosk]") {
  Worker w;
  const auto outcome = w.desk.scan(w.fixture.ticket(1), first_morning());
  // The previous run recorded the attempt and died before hearing from the printer.
  REQUIRE(PrintJobRepository(w.replica.db(), w.clock).start_attempt(*outcome.print_job));
  CHECK(w.step());
  CHECK_FALSE(w.step());
  REQUIRE(w.printer.printed.size() == 1);
  CHECK(w.printer.printed[0].first.reprint == 1);
  CHECK(w.printer.printed[0].first.code.ends_with("-R0-A2"));
  CHECK(w.job(*outcome.print_job).state == PrintJobState::done);
}

TEST_CASE("a printer fault fails the job, keeps the admission and says why", "[kiosk]") {
  Worker w;
  const auto outcome = w.desk.scan(w.fixture.ticket(1), first_morning());
  w.printer.fault = PrintFault{PrinterState::media_empty, "media-empty-error"};
  CHECK(w.step());
  CHECK(w.printer.printed.empty());
  CHECK(w.job(*outcome.print_job).state == PrintJobState::failed);
  REQUIRE(w.reports.back().fault);
  CHECK(w.reports.back().fault->state == PrinterState::media_empty);
  // The admission stands: the same ticket is still already admitted.
  CHECK(w.desk.scan(w.fixture.ticket(1), first_morning()).decision.reason ==
        Reason::already_admitted);
  // A failed job is not retried by itself: the desk reprints.
  w.printer.fault.reset();
  CHECK_FALSE(w.step());
}

TEST_CASE("the worker thread prints committed jobs and drains on stop", "[kiosk]") {
  Worker w;
  std::mutex mutex;
  std::vector<PrintReport> reports;
  PrintWorker worker(w.fixture.replica_path, w.printer, BadgeLayout{}, w.clock,
                     [&](const PrintReport& r) {
                       std::lock_guard lock(mutex);
                       reports.push_back(r);
                     });
  REQUIRE(w.desk.scan(w.fixture.ticket(1), first_morning()).print_job);
  REQUIRE(worker.start());
  REQUIRE(w.desk.scan(w.fixture.ticket(2), first_morning()).print_job);
  worker.wake();
  for (int i = 0; i < 500; ++i) {
    {
      std::lock_guard lock(mutex);
      if (std::count_if(reports.begin(), reports.end(),
                        [](const PrintReport& r) { return r.state == PrintJobState::done; }) == 2)
        break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  worker.stop();
  CHECK(w.printer.printed.size() == 2);
  CHECK(PrintJobRepository(w.replica.db(), w.clock).unfinished()->empty());
}

TEST_CASE("stopping the worker finishes the badge in hand and records it", "[kiosk]") {
  Worker w;
  w.printer.delay = std::chrono::milliseconds(300);
  PrintWorker worker(w.fixture.replica_path, w.printer, BadgeLayout{}, w.clock,
                     [](const PrintReport&) {});
  REQUIRE(w.desk.scan(w.fixture.ticket(1), first_morning()).print_job);
  REQUIRE(w.desk.scan(w.fixture.ticket(2), first_morning()).print_job);
  REQUIRE(worker.start());
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // the first badge is printing
  worker.stop();
  CHECK(w.printer.count() == 1);
  const auto left = *PrintJobRepository(w.replica.db(), w.clock).unfinished();
  REQUIRE(left.size() == 1);  // the second waits for the next start, still queued
  CHECK(left[0].state == PrintJobState::queued);
}

TEST_CASE("a test page prints between badges and reports back", "[kiosk]") {
  Worker w;
  PrintWorker worker(w.fixture.replica_path, w.printer, BadgeLayout{}, w.clock,
                     [](const PrintReport&) {});
  REQUIRE(worker.start());
  std::promise<bool> outcome;
  Badge page;
  page.name = "Testseite";
  worker.print_test_page(page, "K1-test-page-1", [&](std::expected<void, PrintFault> printed) {
    outcome.set_value(printed.has_value());
  });
  auto done = outcome.get_future();
  REQUIRE(done.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
  CHECK(done.get());
  worker.stop();
  REQUIRE(w.printer.count() == 1);
  CHECK(w.printer.printed[0].second == "K1-test-page-1");
}

TEST_CASE("a worker that cannot open the replica says so at start", "[kiosk]") {
  Worker w;
  PrintWorker worker(w.fixture.dir / "missing.db", w.printer, BadgeLayout{}, w.clock,
                     [](const PrintReport&) {});
  auto started = worker.start();
  REQUIRE_FALSE(started);
  CHECK(started.error().find("print worker") != std::string::npos);
}

TEST_CASE("an idle worker watches the printer and reports when its state changes", "[kiosk]") {
  Worker w;
  PrintWorker worker(w.fixture.replica_path, w.printer, BadgeLayout{}, w.clock,
                     [](const PrintReport&) {});
  std::mutex mutex;
  std::vector<PrinterState> seen;
  worker.watch_printer(std::chrono::milliseconds(20), [&](const PrinterStatus& status) {
    std::lock_guard lock(mutex);
    seen.push_back(status.state);
  });
  REQUIRE(worker.start());
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  w.printer.set_state(PrinterState::media_empty);
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  worker.stop();
  std::lock_guard lock(mutex);
  CHECK(seen == std::vector<PrinterState>{PrinterState::ready, PrinterState::media_empty});
}
