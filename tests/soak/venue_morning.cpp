// The venue morning: the doors open at 8:00 and the attendees of a seeded plan arrive at four
// kiosks run as real processes on loopback, while the server is killed twice, two kiosks lose the
// network, a kiosk is killed during a print, a printer runs out of paper and a kiosk's clock is
// ten minutes ahead. Afterwards every record is compared with the truth (see README.md).
//
//   venue_morning [--full] [--seed N] [--plan] [--sabotage kiosk-restart|truth]
#define CATCH_CONFIG_RUNNER
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "event/event_calendar.h"
#include "soak/fault_injector.h"
#include "soak/frame_stock.h"
#include "soak/morning_report.h"
#include "soak/observe.h"
#include "soak/venue_checker.h"

namespace {

using namespace einlass::test;
using namespace std::chrono_literals;
namespace fs = std::filesystem;
using Steady = std::chrono::steady_clock;

constexpr std::uint32_t kDefaultSeed = 20260328;
constexpr int kSkipped = 77;  // ctest's SKIP_RETURN_CODE

// Set from the command line before the test case runs.
struct CommandLine {
  bool full = false;
  bool plan_only = false;  // --plan
  unsigned seed = kDefaultSeed;
  std::string sabotage;  // --sabotage
};
CommandLine& command_line() {
  static CommandLine options;
  return options;
}

double seconds_between(Steady::time_point from, Steady::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

// The event's "today" is the Berlin date. A morning that runs into midnight there (with K1's
// clock ten minutes ahead) would count its admissions on two days; such a run is skipped.
bool crosses_local_midnight(std::chrono::seconds span) {
  einlass::EventConfig event;
  event.first_day = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()) -
                    std::chrono::days(1);
  event.day_count = 3;
  const auto calendar = einlass::EventCalendar::create(event);
  if (!calendar) return false;
  const auto now =
      std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
  return calendar->local_date(now) != calendar->local_date(now + span + kClockSkew);
}

// Waits for what a scan needs before its frame goes in; the ledger keeps how long it took.
void meet(const PlannedScan& scan, VenueRig& rig, TruthLedger& ledger) {
  const auto started = Steady::now();
  bool met = true;
  std::string what;
  switch (scan.needs) {
    case Needs::nothing:
      return;
    case Needs::first_known: {
      const auto& first = ledger.plan().scans.at(static_cast<std::size_t>(scan.first));
      const auto where = "ticket_id = " + std::to_string(first.ticket);
      what = kiosk_name(first.kiosk) + "'s admission of " + ticket_text(first.ticket) +
             " on the server and at " + kiosk_name(scan.kiosk);
      met = eventually(
          [&] {
            return server_events(rig.venue(), where) >= 1 &&
                   kiosk_events(rig.venue(), kiosk_name(scan.kiosk), where) >= 1;
          },
          90s);
      break;
    }
    case Needs::cut_off:
      what = "K2 and K3 offline";
      for (const auto& f : ledger.plan().faults)
        if (f.kind == FaultKind::link_cut)
          for (const int k : f.kiosks) met = wait_until_offline(rig.kiosk(k), 90s) && met;
      break;
    case Needs::status_known: {
      what = "the change to " + ticket_text(scan.ticket) + " at " + kiosk_name(scan.kiosk);
      const auto t = std::to_string(scan.ticket);
      met = eventually(
          [&] {
            return scalar(rig.replica(scan.kiosk),
                          "SELECT (SELECT count(*) FROM attendees WHERE ticket_id = " + t +
                              " AND status = 'canceled') + (SELECT count(*) FROM revocations "
                              "WHERE ticket_id = " +
                              t + ")") >= 1;
          },
          90s);
      break;
    }
  }
  ledger.waited(scan.id, what, seconds_between(started, Steady::now()), met);
}

void drop(const PlannedScan& scan, VenueRig& rig, const FrameStock& stock, TruthLedger& ledger) {
  const auto name = stock.name(scan.id);
  fs::rename(stock.path(scan.id), rig.frames(scan.kiosk) / name);
  ledger.dropped(scan.id, scan.kiosk, name, unix_now_ms());
}

int fault_with_victim(const Plan& plan, int scan) {
  for (std::size_t i = 0; i < plan.faults.size(); ++i)
    if (plan.faults[i].victim == scan) return static_cast<int>(i);
  return -1;
}

// The desk reprints the badges the empty printer could not print, once the server knows the
// admissions (the attendees were sent there).
void reprint_at_desk(VenueRig& rig, TruthLedger& ledger) {
  for (const int ticket : ledger.paper_out_tickets()) {
    const std::string body =
        R"({"kiosk":")" + kiosk_name(kIppKiosk) + R"(","reason":"Drucker hatte kein Papier"})";
    const bool ordered = eventually(
        [&] {
          const auto reply =
              rig.api("POST", "/api/v1/attendees/" + ticket_text(ticket) + "/reprint", body);
          return reply && reply->status == 202;
        },
        90s);
    if (ordered)
      ledger.reprinted(ticket, kIppKiosk, unix_now_ms());
    else
      ledger.note("the desk could not order a reprint for " + ticket_text(ticket));
  }
}

void keep_logs(VenueRig& rig) {
  const fs::path out = fs::current_path() / "venue_morning_logs";
  fs::remove_all(out);
  fs::create_directories(out);
  std::error_code ec;
  for (const auto& entry : fs::recursive_directory_iterator(rig.dir(), ec)) {
    const auto ext = entry.path().extension();
    if (!entry.is_regular_file() || (ext != ".out" && ext != ".err" && ext != ".log")) continue;
    auto name = fs::relative(entry.path(), rig.dir()).string();
    std::replace(name.begin(), name.end(), '/', '_');
    fs::copy_file(entry.path(), out / name, fs::copy_options::overwrite_existing, ec);
  }
  std::printf("logs kept in %s\n", out.c_str());
}

void run_morning() {
  const auto begun = Steady::now();
  const auto& options = command_line();
  const Plan plan =
      make_plan(options.full ? full_options(options.seed) : short_options(options.seed));
  TruthLedger ledger(plan);
  RunTimes times;
  times.mode = options.full ? "full" : "short";
  std::printf("venue morning (%s, seed %u): %zu registered, %zu scans, %.0f s of doors\n",
              times.mode.c_str(), plan.options.seed, plan.people.size(), plan.scans.size(),
              static_cast<double>(plan.options.doors.count()) / 1000);
  std::fflush(stdout);

  VenueRig rig(plan);
  FrameStock stock(plan, rig.dir() / "staging", [&](int ticket) { return rig.code(ticket); });
  rig.open();
  stock.wait();
  FaultInjector faults(rig, ledger);
  const bool sabotage_restart = options.sabotage == "kiosk-restart";

  const auto doors = Steady::now();
  times.setup_s = seconds_between(begun, doors);
  ledger.doors_opened(unix_now_ms());
  // The morning's clock stops while the driver waits (for a kiosk to go idle, for a precondition,
  // for a process to start): a step that starts late moves every later step by as much, so the
  // plan's spacing between a change and its scan, or a fault and the next, always holds.
  Steady::duration slip{};
  for (const Step& step : timeline(plan)) {
    std::this_thread::sleep_until(doors + slip + step.at);
    const auto late = Steady::now() - (doors + slip + step.at);
    if (late > 20ms) slip += late;
    switch (step.kind) {
      case StepKind::change: {
        const auto& c = plan.changes.at(static_cast<std::size_t>(step.index));
        std::string error;
        if (!rig.change(c.kind, c.ticket, error))
          ledger.note("einlass-admin could not change " + ticket_text(c.ticket) + ": " + error);
        break;
      }
      case StepKind::fault_start:
        faults.start(step.index);
        break;
      case StepKind::fault_end:
        if (sabotage_restart &&
            plan.faults.at(static_cast<std::size_t>(step.index)).kind == FaultKind::kiosk_kill) {
          ledger.fault_ended(step.index, unix_now_ms(), "NOT restarted (--sabotage kiosk-restart)");
          break;
        }
        faults.end(step.index);
        break;
      case StepKind::scan: {
        const auto& scan = plan.scans.at(static_cast<std::size_t>(step.index));
        if (const int f = fault_with_victim(plan, scan.id); f >= 0) faults.prepare_victim(f);
        meet(scan, rig, ledger);
        drop(scan, rig, stock, ledger);
        break;
      }
    }
  }
  const auto closed = Steady::now();
  times.morning_s = seconds_between(doors, closed);
  times.slip_s = std::chrono::duration<double>(slip).count();
  std::printf("doors closed after %.1f s; converging\n", times.morning_s);
  std::fflush(stdout);

  // Everything settles: links back, kiosks idle, records agreeing; the desk reprints meanwhile.
  reprint_at_desk(rig, ledger);
  const auto deadline = closed + (options.full ? 240s : 150s);
  std::vector<std::string> differences;
  do {
    differences = check_morning(ledger, observe(rig, false));
    if (differences.empty()) break;
    std::this_thread::sleep_for(1s);
  } while (Steady::now() < deadline);
  const auto converged = Steady::now();
  times.convergence_s = seconds_between(closed, converged);

  if (options.sabotage == "truth") ledger.forget_first_admission();
  const Observations seen = observe(rig, true);
  differences = check_morning(ledger, seen);
  times.checks_s = seconds_between(converged, Steady::now());
  times.total_s = seconds_between(begun, Steady::now());
  std::fputs(morning_summary(ledger, seen, differences, times).c_str(), stdout);
  std::fflush(stdout);
  if (!differences.empty()) keep_logs(rig);
  CHECK(differences.empty());
}

}  // namespace

TEST_CASE("the venue morning: 8:00, the doors open, under faults", "[soak][venue_morning]") {
  run_morning();
}

int main(int argc, char** argv) {
  Catch::Session session;
  using Catch::clara::Opt;
  auto& options = command_line();
  session.cli(session.cli() |
              Opt(options.full)["--full"]("500 attendees over four compressed minutes") |
              Opt(options.seed, "N")["--seed"]("the plan's seed (default 20260328)") |
              Opt(options.plan_only)["--plan"]("print the plan and exit, running nothing") |
              Opt(options.sabotage, "what")["--sabotage"](
                  "prove the checker fails: kiosk-restart (K4 stays dead) or truth (the "
                  "truth forgets one admission)"));
  if (const int rc = session.applyCommandLine(argc, argv); rc != 0) return rc;
  if (!options.sabotage.empty() && options.sabotage != "kiosk-restart" &&
      options.sabotage != "truth") {
    std::fprintf(stderr, "--sabotage takes kiosk-restart or truth\n");
    return 2;
  }
  // A few minutes for the short morning, a quarter of an hour for the full one, with margin.
  if (!options.plan_only && crosses_local_midnight(options.full ? 1200s : 600s)) {
    std::printf("skipped: the morning would run into midnight in Europe/Berlin\n");
    return kSkipped;
  }
  if (options.plan_only) {
    const Plan plan =
        make_plan(options.full ? full_options(options.seed) : short_options(options.seed));
    std::fputs(describe(plan).c_str(), stdout);
    return 0;
  }
  return session.run();
}
