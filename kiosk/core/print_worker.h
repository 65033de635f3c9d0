#pragma once
// Prints the badges of committed admissions, one at a time, on its own thread and its own
// connection to the replica. It takes its work from the replica's unfinished print jobs, so after
// a crash it resumes exactly the jobs that were not finished, each once.
#include <condition_variable>
#include <expected>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "badge/badge.h"
#include "base/time.h"
#include "device/printer.h"
#include "storage/print_job_repository.h"

namespace einlass {

struct PrintReport {
  PrintJob job;                     // as it was sent (attempts counts this one)
  PrintJobState state;              // printing (about to send), done or failed
  std::optional<PrintFault> fault;  // why it failed
  std::string detail;               // storage trouble or the printer's words
};

// One step of the worker, without threads: takes the oldest unfinished job, records the
// attempt durably, renders and sends the badge, and records the outcome. A printer fault marks
// the job failed (the attendee is sent to the desk for a reprint); the admission stays.
// Returns false when there was nothing to do.
bool print_next_job(Database& db, Printer& printer, const BadgeLayout& layout, const Clock& clock,
                    const std::function<void(const PrintReport&)>& report);

class PrintWorker {
 public:
  PrintWorker(std::filesystem::path replica, Printer& printer, BadgeLayout layout,
              const Clock& clock, std::function<void(const PrintReport&)> report);
  ~PrintWorker();  // stops

  // Opens its own connection to the replica (an error says why it cannot) and starts with the
  // jobs a previous run left.
  std::expected<void, std::string> start();
  // While idle the worker asks the printer how it is every `interval` (paper out is better
  // seen before the next attendee than after) and calls `changed` on its thread when the answer
  // differs from the last one. Set before start().
  void watch_printer(std::chrono::milliseconds interval,
                     std::function<void(const PrinterStatus&)> changed);
  // A test page from staff mode, printed between two badges (never at the same time as one:
  // printers take one job at a time); `done` is called on the worker's thread.
  void print_test_page(Badge page, std::string job_name,
                       std::function<void(std::expected<void, PrintFault>)> done);
  // A job was committed.
  void wake();
  // Finishes the job in hand, then returns.
  void stop();

 private:
  void run();
  void print_pending_test_page();
  void check_printer();

  std::filesystem::path replica_;
  Printer& printer_;
  BadgeLayout layout_;
  const Clock& clock_;
  std::function<void(const PrintReport&)> report_;
  std::mutex mutex_;
  std::condition_variable wakeup_;
  bool pending_ = true;
  bool stopping_ = false;
  struct TestPage {
    Badge page;
    std::string job_name;
    std::function<void(std::expected<void, PrintFault>)> done;
  };
  std::optional<TestPage> test_page_;
  std::optional<Database> db_;
  std::chrono::milliseconds watch_interval_{0};
  std::function<void(const PrinterStatus&)> status_changed_;
  std::optional<PrinterStatus> last_status_;
  std::chrono::steady_clock::time_point last_check_{};
  std::thread thread_;
};

}  // namespace einlass
