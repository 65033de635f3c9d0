#include "core/print_worker.h"

#include <chrono>
#include <thread>

#include "core/badge_content.h"
#include "event/event_calendar.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"

namespace einlass {

namespace {

std::string job_name(const PrintJob& job) {
  return job.admission.kiosk_id + "-" + std::to_string(job.admission.seq) + "-r" +
         std::to_string(job.reprint) + "-a" + std::to_string(job.attempts);
}

// The badge for a job from the replica as it is now (a name corrected by sync since the scan
// prints corrected).
std::expected<Badge, std::string> badge_for(Database& db, const PrintJob& job, const Clock& clock) {
  auto event = EventRepository(db).load();
  if (!event) return std::unexpected(event.error().message);
  if (!*event) return std::unexpected("the replica holds no event");
  auto calendar = EventCalendar::create(**event);
  if (!calendar) return std::unexpected(calendar.error());
  auto holder = AttendeeRepository(db, clock).find_record(job.ticket_id);
  if (!holder) return std::unexpected(holder.error().message);
  if (!*holder) return std::unexpected("no badge fields for " + format_ticket_id(job.ticket_id));
  return make_badge(job, **holder, **event, *calendar);
}

}  // namespace

bool print_next_job(Database& db, Printer& printer, const BadgeLayout& layout, const Clock& clock,
                    const std::function<void(const PrintReport&)>& report) {
  PrintJobRepository jobs(db, clock);
  auto unfinished = jobs.unfinished();
  if (!unfinished) {
    report(PrintReport{{}, PrintJobState::queued, std::nullopt, unfinished.error().message});
    return false;
  }
  if (unfinished->empty()) return false;
  PrintJob job = unfinished->front();
  // Durable before the printer sees anything: if we die after sending, the restart knows this
  // copy may exist and marks the next one.
  if (auto started = jobs.start_attempt(job.id); !started) {
    report(PrintReport{job, PrintJobState::queued, std::nullopt, started.error().message});
    return false;
  }
  ++job.attempts;
  job.state = PrintJobState::printing;
  auto badge = badge_for(db, job, clock);
  if (!badge) {
    // Nothing was printed: if this cannot be recorded either, the job is simply tried again.
    (void)jobs.finish(job.id, PrintJobState::failed);
    report(PrintReport{job, PrintJobState::failed, PrintFault{PrinterState::error, badge.error()},
                       badge.error()});
    return true;
  }
  report(PrintReport{job, PrintJobState::printing, std::nullopt, {}});
  auto printed = printer.print(*badge, layout, job_name(job));
  const PrintJobState final_state = printed ? PrintJobState::done : PrintJobState::failed;
  // The badge is out (or failed); if we cannot record that, the job would be taken again at once
  // and print a second, marked copy while the attendee still stands there. Try a while first.
  auto finished = jobs.finish(job.id, final_state);
  for (int retry = 0; !finished && retry < 10; ++retry) {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    finished = jobs.finish(job.id, final_state);
  }
  if (!finished) {
    report(PrintReport{job, final_state, std::nullopt, finished.error().message});
    return false;
  }
  if (!printed)
    report(PrintReport{job, final_state, printed.error(), printed.error().message});
  else
    report(PrintReport{job, final_state, std::nullopt, {}});
  return true;
}

PrintWorker::PrintWorker(std::filesystem::path replica, Printer& printer, BadgeLayout layout,
                         const Clock& clock, std::function<void(const PrintReport&)> report)
    : replica_(std::move(replica)),
      printer_(printer),
      layout_(layout),
      clock_(clock),
      report_(std::move(report)) {}

PrintWorker::~PrintWorker() {
  stop();
}

std::expected<void, std::string> PrintWorker::start() {
  auto db = Database::open_existing(replica_, DatabaseKind::kiosk);
  if (!db) return std::unexpected("print worker: " + db.error().message);
  db_.emplace(std::move(*db));
  thread_ = std::thread([this] { run(); });
  return {};
}

void PrintWorker::print_test_page(Badge page, std::string job_name,
                                  std::function<void(std::expected<void, PrintFault>)> done) {
  {
    std::lock_guard lock(mutex_);
    test_page_ = TestPage{std::move(page), std::move(job_name), std::move(done)};
    pending_ = true;
  }
  wakeup_.notify_one();
}

void PrintWorker::watch_printer(std::chrono::milliseconds interval,
                                std::function<void(const PrinterStatus&)> changed) {
  watch_interval_ = interval;
  status_changed_ = std::move(changed);
}

void PrintWorker::check_printer() {
  if (!status_changed_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_check_ < watch_interval_) return;
  last_check_ = now;
  PrinterStatus status = printer_.status();
  if (last_status_ && last_status_->state == status.state && last_status_->detail == status.detail)
    return;
  last_status_ = status;
  status_changed_(status);
}

void PrintWorker::print_pending_test_page() {
  std::optional<TestPage> page;
  {
    std::lock_guard lock(mutex_);
    page.swap(test_page_);
  }
  if (page) page->done(printer_.print(page->page, layout_, page->job_name));
}

void PrintWorker::wake() {
  {
    std::lock_guard lock(mutex_);
    pending_ = true;
  }
  wakeup_.notify_one();
}

void PrintWorker::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wakeup_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void PrintWorker::run() {
  Database& db = *db_;
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      // The timeout re-reads the queue now and then, in case a wake-up was lost to a storage
      // error.
      const auto wait = status_changed_ ? std::min<std::chrono::milliseconds>(
                                              watch_interval_, std::chrono::seconds(2))
                                        : std::chrono::milliseconds(2000);
      wakeup_.wait_for(lock, wait, [this] { return pending_ || stopping_; });
      if (stopping_) return;
      pending_ = false;
    }
    check_printer();
    print_pending_test_page();
    while (print_next_job(db, printer_, layout_, clock_, report_)) {
      print_pending_test_page();
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
  }
}

}  // namespace einlass
