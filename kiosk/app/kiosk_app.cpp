#include "app/kiosk_app.h"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <deque>
#include <optional>
#include <utility>
#include <vector>

#include "app/refusal_tally.h"
#include "app/scanner_pump.h"
#include "app/scanner_trouble.h"
#include "app/screen_presenter.h"
#include "app/staff_mode.h"
#include "core/admission_desk.h"
#include "core/decision_log.h"
#include "core/print_worker.h"
#include "core/replica.h"
#include "devices/open_devices.h"
#include "link/sync_client.h"
#include "screen/screen_server.h"
#include "service/service_notifier.h"
#include "storage/print_job_repository.h"
#include "sync/replica_sync.h"

namespace einlass {

namespace asio = boost::asio;

class KioskApp::Impl final : public StaffActions {
 public:
  Impl(const KioskConfig& config, asio::io_context& io, LogSink log, Replica replica,
       std::unique_ptr<Printer> printer, std::unique_ptr<Indicator> indicator)
      : config_(config),
        io_(io),
        signals_(io, SIGINT, SIGTERM),
        log_(std::move(log)),
        replica_(std::move(replica)),
        printer_(std::move(printer)),
        indicator_(std::move(indicator)),
        worker_(config.replica, *printer_, config.badge, clock_,
                [this](const PrintReport& report) {
                  asio::post(io_, [this, report] { on_print_report(report); });
                }),
        screen_(
            io, ScreenServerOptions{config.screen_address, config.screen_port},
            [this](StaffCommand command) { on_staff_command(std::move(command)); },
            [this](std::string_view line) { log_status("screen", line); }),
        staff_(replica_, clock_, *this, config.staff_timeout),
        result_timer_(io),
        staff_timer_(io),
        lights_timer_(io),
        watchdog_timer_(io) {
    status_.kiosk_name = config.kiosk_id;
  }

  std::expected<void, std::string> open_desk() {
    auto entrance =
        resolve_entrance(config_.kiosk_id, config_.mode, config_.categories, replica_.event());
    if (!entrance) return std::unexpected(entrance.error());
    auto desk = AdmissionDesk::open(replica_, *entrance, clock_);
    if (!desk) return std::unexpected(desk.error());
    desk_.emplace(std::move(*desk));
    return {};
  }

  std::expected<unsigned short, std::string> start() {
    auto port = screen_.start();
    if (!port) return std::unexpected(port.error().message);
    show_waiting_screen();
    signals_.async_wait([this](const boost::system::error_code& ec, int) {
      if (!ec) stop();
    });
    worker_.watch_printer(std::chrono::seconds(10), [this](const PrinterStatus& status) {
      asio::post(io_, [this, status] { on_printer_status(status); });
    });
    if (auto started = worker_.start(); !started) return std::unexpected(started.error());
    for (const auto& uri : config_.scanners) {
      auto pump = std::make_unique<ScannerPump>(
          [uri] { return open_scanner(uri); },
          [this](ScannedCode code) {
            asio::post(io_, [this, code = std::move(code)] { on_code(code); });
          },
          [this, uri](const DeviceError& problem) {
            asio::post(io_, [this, uri, problem] {
              scanners_.note(uri, problem);
              log_status("scanner_problem", uri + ": " + problem.message);
            });
          });
      pump->start();
      pumps_.push_back(std::move(pump));
    }
    if (auto linked = start_link(); !linked) return std::unexpected(linked.error());
    schedule_watchdog();
    notifier_.ready();
    notifier_.status("admitting");
    log_status("started", "screen on " + config_.screen_address + ":" + std::to_string(*port));
    return *port;
  }

  void stop() {
    if (stopping_) return;
    stopping_ = true;
    notifier_.stopping();
    for (auto& pump : pumps_) pump->stop();
    if (link_) link_->stop();
    worker_.stop();  // finishes the badge in hand
    result_timer_.cancel();
    staff_timer_.cancel();
    lights_timer_.cancel();
    watchdog_timer_.cancel();
    signals_.cancel();
    (void)indicator_->set({});
    screen_.stop();
    log_status("stopped", "");
  }

  // StaffActions
  void pause(bool paused) override {
    paused_ = paused;
    log_status(paused ? "paused" : "resumed", staff_.card_text());
  }
  bool paused() const override { return paused_; }
  std::optional<LastBadge> last_badge() const override { return last_badge_; }
  void wake_printer() override { worker_.wake(); }
  void print_test_page() override {
    Badge badge;
    badge.event_name = replica_.event().name;
    badge.name = "Testseite · Test page";
    badge.organisation = config_.kiosk_id;
    badge.category_label = "Test";
    badge.category_colour = "#7F8C8D";
    badge.code = "EINLASS-TEST:" + config_.kiosk_id;
    const std::string job =
        config_.kiosk_id + "-test-page-" + std::to_string(to_unix_ms(clock_.now()));
    worker_.print_test_page(badge, job, [this](std::expected<void, PrintFault> printed) {
      asio::post(io_, [this, printed] {
        if (stopping_) return;
        log_status("test_page", printed ? "printed" : printed.error().message);
        if (!staff_.active()) return;
        show(staff_.menu(printed ? Bilingual{"Testseite gedruckt.", "Test page printed."}
                                 : Bilingual{"Testseite fehlgeschlagen: " + printed.error().message,
                                             "Test page failed: " + printed.error().message}));
      });
    });
  }
  void log_staff_action(std::string_view what, std::string_view detail) override {
    log_status(what, detail);
  }

 private:
  // What attendees see between scans: the idle screen, or the paused one.
  void show_waiting_screen() {
    show(paused_ ? ScreenContent{PausedScreen{}}
                 : ScreenContent{IdleScreen{replica_.event().name}});
  }

  void show(ScreenContent content) {
    showing_idle_ = std::holds_alternative<IdleScreen>(content);
    screen_.show(ScreenView{std::move(content), status_});
  }

  void back_to_idle_after_result() {
    result_timer_.expires_after(config_.result_duration);
    result_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec || stopping_ || staff_.active()) return;
      show_waiting_screen();
    });
  }

  void signal(IndicatorLights lights) {
    if (auto set = indicator_->set(lights); !set)
      log_status("indicator_problem", set.error().message);
    lights_timer_.expires_after(std::chrono::milliseconds(lights.buzzer ? 400 : 1500));
    lights_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (!ec) (void)indicator_->set({});
    });
  }

  void on_code(const ScannedCode& code) {
    if (stopping_) return;
    if (is_staff_card(code.text)) {
      show(staff_.present_card(code.text));
      close_staff_mode_when_it_expires();
      return;
    }
    if (staff_.active()) {
      log_status("scan_ignored", "staff mode is open");
      return;
    }
    if (paused_) {
      show(PausedScreen{});
      return;
    }
    staff_timer_.cancel();
    if (claiming_) {  // one attendee at a time: the next code waits for the claim's answer
      waiting_codes_.push_back(code);
      return;
    }
    auto evaluation = desk_->evaluate(code.text, code.arrived);
    const bool claim = link_ && link_->online() && evaluation.decision.admitted &&
                       evaluation.decision.kind != AdmissionKind::exit;
    if (!claim) {
      finish_scan(code, desk_->conclude(std::move(evaluation)));
      return;
    }
    // Online: the server decides whether another kiosk admitted the ticket a moment ago
    // (scenario 3). Past the deadline, or offline, the kiosk decides alone.
    claiming_ = true;
    const Claim request{0, evaluation.decision.ticket_id, evaluation.decision.event_day};
    claimed_ = std::move(evaluation);
    link_->claim(request, config_.sync->claim_deadline,
                 [this, code](std::optional<ClaimResult> answer) {
                   on_claim_answer(code, std::move(answer));
                 });
  }

  void on_claim_answer(const ScannedCode& code, std::optional<ClaimResult> answer) {
    claiming_ = false;
    auto evaluation = std::move(*claimed_);
    claimed_.reset();
    bool stale = std::exchange(replica_moved_, false);
    if (stopping_) return;
    if (answer && !answer->granted && !answer->admissions.empty()) {
      auto kept = sync_->store_admissions(answer->admissions);
      if (kept)
        update_desk(kept->highest_hlc, kept->next_sequence_raised, false);
      else
        log_status("sync", "claim: admissions not stored: " + kept.error().message);
      stale = true;
    }
    // Decided again only when what it was decided from changed: what the claim brought, or
    // changes that arrived while it was out.
    if (stale) evaluation = desk_->evaluate(code.text, code.arrived);
    if (answer && !answer->granted && answer->admissions.empty() && evaluation.decision.admitted)
      finish_scan(code, desk_->refuse_claimed_elsewhere(std::move(evaluation), answer->claimed_by));
    else
      finish_scan(code, desk_->conclude(std::move(evaluation)));
    if (!waiting_codes_.empty()) {
      const ScannedCode next = std::move(waiting_codes_.front());
      waiting_codes_.pop_front();
      on_code(next);
    }
  }

  void finish_scan(const ScannedCode& code, const ScanOutcome& outcome) {
    const Timestamp decided = clock_.now();
    const double latency_ms =
        std::chrono::duration<double, std::milli>(decided - code.arrived).count();
    log_(decision_log_line(outcome.decision, config_.kiosk_id, decided, latency_ms));
    if (outcome.failure) log_status("commit_failed", *outcome.failure);
    show(present_outcome(outcome, replica_.event(), replica_.calendar()));
    signal(outcome.decision.admitted ? IndicatorLights{true, false, false}
                                     : IndicatorLights{false, true, true});
    refusals_.note(outcome.decision, decided);  // after the attendee has their answer
    if (outcome.print_job && outcome.committed) {
      last_badge_ =
          LastBadge{*outcome.committed, outcome.decision.ticket_id, outcome.decision.display_name};
      last_print_job_ = *outcome.print_job;
      worker_.wake();
    }
    if (outcome.committed && link_) link_->events_committed();
    back_to_idle_after_result();
  }

  std::expected<void, std::string> start_link() {
    if (!config_.sync) return {};
    sync_.emplace(replica_, config_.kiosk_id, clock_);
    SyncClientOptions options;
    options.kiosk_id = config_.kiosk_id;
    options.host = config_.sync->server_host;
    options.port = config_.sync->server_port;
    options.ca = config_.sync->ca;
    options.certificate = config_.sync->certificate;
    options.private_key = config_.sync->private_key;
    options.heartbeat_interval = config_.sync->heartbeat_interval;
    options.idle_timeout = 3 * options.heartbeat_interval + std::chrono::seconds(2);
    SyncClientHooks hooks;
    hooks.heartbeat = [this] { return heartbeat(); };
    hooks.received = [this](const ClientStep& step) { on_received(step); };
    hooks.link_changed = [this](bool online) {
      status_.online = online;
      if (showing_idle_) show_waiting_screen();  // the status strip updates
    };
    auto link = SyncClient::create(io_, *sync_, options, std::move(hooks),
                                   [this](std::string_view line) { log_status("sync", line); });
    if (!link) return std::unexpected("sync: " + link.error());
    link_ = std::move(*link);
    link_->start();
    return {};
  }

  Heartbeat heartbeat() {
    Heartbeat beat;
    beat.health.printer = printer_health(status_.printer);
    beat.health.printer_detail = printer_detail_;
    auto scanners = scanners_.report();
    beat.health.scanner = scanners.health;
    beat.health.scanner_detail = std::move(scanners.detail);
    beat.health.paused = paused_;
    beat.health.refusals = refusals_.counts();
    beat.health.recent_refusals = refusals_.recent();
    if (auto jobs = PrintJobRepository(replica_.db(), clock_).counts_by_state(); jobs) {
      for (const auto& [state, count] : *jobs)
        beat.health.print_jobs.emplace(to_string(state), count);
      print_jobs_uncounted_ = false;
    } else if (!std::exchange(print_jobs_uncounted_, true)) {
      // Once per failure, not every heartbeat: the heartbeat then reports no jobs.
      log_status("print_jobs", "not counted: " + jobs.error().message);
    }
    if (auto unsynced = sync_->outbox().unsynced(); unsynced) beat.unsynced = *unsynced;
    beat.hlc = desk_->last_hlc();
    if (auto done = sync_->last_command(); done) beat.last_command = *done;
    beat.kiosk_time_ms = to_unix_ms(clock_.now());
    return beat;
  }

  static PrinterHealth printer_health(PrinterState state) {
    switch (state) {
      case PrinterState::ready:
      case PrinterState::printing:
        return PrinterHealth::ok;
      case PrinterState::media_empty:
        return PrinterHealth::paper_out;
      case PrinterState::offline:
        return PrinterHealth::offline;
      case PrinterState::error:
        return PrinterHealth::error;
    }
    return PrinterHealth::unknown;
  }

  void on_received(const ClientStep& step) {
    if (claiming_ && step.replica_changed) replica_moved_ = true;
    update_desk(step.observed, step.sequence_raised, step.config_changed);
    for (const auto& command : step.commands) carry_out(command);
  }

  // What arrived from the server, as far as the desk's own state is concerned.
  void update_desk(std::optional<Hlc> observed, bool sequence_raised, bool config_changed) {
    if (observed) desk_->observe(*observed);
    if (!sequence_raised && !config_changed) return;
    // The event, the keys or our own counters changed underneath the desk: open it afresh.
    if (auto reopened = open_desk(); !reopened)
      log_status("sync", "desk not reopened: " + reopened.error());
  }

  void carry_out(const Command& command) {
    auto done = sync_->last_command();
    if (done && *done >= command.id) return;  // carried out before a restart
    switch (command.kind) {
      case CommandKind::pause:
      case CommandKind::resume:
        pause(command.kind == CommandKind::pause);
        if (!staff_.active() && !claiming_) show_waiting_screen();
        break;
      case CommandKind::reprint:
        reprint_for(command);
        break;
    }
    log_status("command", std::to_string(command.id) + " " + std::string(to_string(command.kind)) +
                              " by " + command.staff);
    if (auto noted = sync_->set_last_command(command.id); !noted)
      log_status("sync", "command not recorded: " + noted.error().message);
  }

  void reprint_for(const Command& command) {
    auto history = replica_.history(command.ticket_id);
    if (!history) {
      log_status("command_failed", history.error().message);
      return;
    }
    const auto admission = std::find_if(history->rbegin(), history->rend(), [](const auto& e) {
      return e.kind != AdmissionKind::exit;
    });
    if (admission == history->rend()) {
      log_status("command_failed", "reprint: ticket " + std::to_string(command.ticket_id) +
                                       " has no admission this kiosk knows");
      return;
    }
    auto job = PrintJobRepository(replica_.db(), clock_).add_reprint(admission->key);
    if (!job) {
      log_status("command_failed", "reprint: " + job.error().message);
      return;
    }
    worker_.wake();
  }

  void on_print_report(const PrintReport& report) {
    if (report.job.id == 0) {
      log_status("print_problem", report.detail);
      return;
    }
    log_(print_log_line(report.job, report.job.ticket_id, config_.kiosk_id, clock_.now(),
                        report.state, report.detail));
    // While stopping, the badge in hand still finishes and is logged; the screen is closing.
    if (stopping_) return;
    if (report.state == PrintJobState::done) status_.printer = PrinterState::ready;
    if (report.state != PrintJobState::failed) return;
    status_.printer = report.fault ? report.fault->state : PrinterState::error;
    printer_detail_ = report.fault ? report.fault->message : report.detail;
    // The admission stands; the attendee still in front of the kiosk is sent to the desk.
    if (report.job.id == last_print_job_ && !staff_.active())
      show(PrinterTroubleScreen{last_badge_ ? last_badge_->name : std::string{}});
    notifier_.status("printer: " + std::string(to_string(status_.printer)));
  }

  void on_printer_status(const PrinterStatus& status) {
    log_status("printer_status", std::string(to_string(status.state)) +
                                     (status.detail.empty() ? "" : ": " + status.detail));
    if (stopping_) return;
    printer_detail_ = status.detail;  // "media-low" while it still prints: the dashboard warns
    if (status.state == status_.printer) return;
    status_.printer = status.state;
    notifier_.status("printer: " + std::string(to_string(status.state)));
    if (showing_idle_) show(IdleScreen{replica_.event().name});  // the status strip updates
  }

  void on_staff_command(StaffCommand command) {
    if (stopping_) return;
    auto next = staff_.on_command(command);
    if (next) {
      show(std::move(*next));
      close_staff_mode_when_it_expires();
      return;
    }
    // Staff mode ended (or never began): back to what attendees see.
    staff_timer_.cancel();
    show_waiting_screen();
  }

  // Staff who walk away leave no menu open: once the session has timed out (its rules are
  // StaffSession's), the screen goes back to what attendees see.
  void close_staff_mode_when_it_expires() {
    staff_timer_.expires_after(std::chrono::seconds(5));
    staff_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec || stopping_) return;
      if (staff_.active()) {
        close_staff_mode_when_it_expires();
        return;
      }
      show_waiting_screen();
    });
  }

  void schedule_watchdog() {
    const auto interval = notifier_.watchdog_interval();
    if (!interval) return;
    watchdog_timer_.expires_after(*interval);
    watchdog_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec || stopping_) return;
      // This handler runs on the loop every admission runs on: if the loop hangs, systemd
      // stops hearing from us and restarts the kiosk.
      notifier_.alive();
      schedule_watchdog();
    });
  }

  void log_status(std::string_view what, std::string_view detail) {
    log_(status_log_line(what, config_.kiosk_id, clock_.now(), detail));
  }

  const KioskConfig config_;
  asio::io_context& io_;
  // Declared before everything it guards, so it is destroyed last: a second SIGTERM or Ctrl-C
  // while the print worker finishes its badge or the replica closes is swallowed instead of
  // killing the kiosk half-way (exit 143).
  asio::signal_set signals_;
  LogSink log_;
  SystemClock clock_;
  Replica replica_;
  std::unique_ptr<Printer> printer_;
  std::unique_ptr<Indicator> indicator_;
  std::optional<AdmissionDesk> desk_;
  PrintWorker worker_;
  ScreenServer screen_;
  StaffMode staff_;
  ScreenStatus status_;
  ServiceNotifier notifier_;
  std::vector<std::unique_ptr<ScannerPump>> pumps_;
  asio::steady_timer result_timer_;
  asio::steady_timer staff_timer_;
  asio::steady_timer lights_timer_;
  asio::steady_timer watchdog_timer_;
  bool stopping_ = false;
  bool paused_ = false;
  bool showing_idle_ = false;
  std::optional<LastBadge> last_badge_;
  PrintJobId last_print_job_ = 0;
  std::optional<ReplicaSync> sync_;
  std::unique_ptr<SyncClient> link_;
  bool claiming_ = false;
  std::optional<AdmissionDesk::Evaluation> claimed_;  // the scan whose claim is out
  bool replica_moved_ = false;                        // the replica changed while a claim was out
  std::deque<ScannedCode> waiting_codes_;
  ScannerTrouble scanners_;
  std::string printer_detail_;  // the printer's own words with its latest status
  RefusalTally refusals_;
  bool print_jobs_uncounted_ = false;  // counting them failed, and that was logged
};

std::expected<std::unique_ptr<KioskApp>, std::string> KioskApp::create(const KioskConfig& config,
                                                                       asio::io_context& io,
                                                                       LogSink log) {
  auto replica = Replica::open(config.replica);
  if (!replica) return std::unexpected(replica.error());
  auto printer = open_printer(config.printer);
  if (!printer) return std::unexpected("devices.printer: " + printer.error().message);
  auto indicator = open_indicator(config.indicator);
  if (!indicator) return std::unexpected("devices.indicator: " + indicator.error().message);
  auto impl = std::make_unique<Impl>(config, io, std::move(log), std::move(*replica),
                                     std::move(*printer), std::move(*indicator));
  if (auto desk = impl->open_desk(); !desk) return std::unexpected(desk.error());
  return std::unique_ptr<KioskApp>(new KioskApp(std::move(impl)));
}

KioskApp::KioskApp(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
KioskApp::~KioskApp() = default;

std::expected<unsigned short, std::string> KioskApp::start() {
  return impl_->start();
}
void KioskApp::stop() {
  impl_->stop();
}

}  // namespace einlass
