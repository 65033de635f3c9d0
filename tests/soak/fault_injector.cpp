#include "soak/fault_injector.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <thread>

#include "integration/process.h"
#include "support/files.h"

namespace einlass::test {

namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr auto kNoticeTimeout = 60s;  // generous: the sanitizer build is two to three times slower

// A plain HTTP GET on 127.0.0.1; the status code, or 0 when nobody answered.
int http_get(int port, const std::string& target) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return 0;
  timeval limit{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  int status = 0;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
    const std::string request = "GET " + target + " HTTP/1.0\r\nHost: localhost\r\n\r\n";
    if (::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size())) {
      char head[64] = {};
      if (::read(fd, head, sizeof head - 1) > 12) status = std::atoi(head + 9);  // "HTTP/1.x NNN"
    }
  }
  ::close(fd);
  return status;
}

std::size_t regular_files(const fs::path& folder, const std::string& ending = "") {
  std::size_t n = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    const auto name = entry.path().filename().string();
    if (entry.is_regular_file() && !name.starts_with(".") && name.ends_with(ending)) ++n;
  }
  return n;
}

std::size_t print_lines(const DaemonProcess& kiosk, const std::string& ticket,
                        const std::string& state) {
  std::size_t n = 0;
  for (const auto& line : log_lines(kiosk.out(), "print")) {
    const auto json = nlohmann::json::parse(line);
    if (json.value("ticket", "") == ticket && json.value("state", "") == state) ++n;
  }
  return n;
}

}  // namespace

bool FaultInjector::quiet(int k, std::chrono::seconds timeout) {
  return eventually(
      [&] {
        return regular_files(rig_.frames(k)) == 0 &&
               scalar(rig_.replica(k),
                      "SELECT count(*) FROM print_jobs WHERE state IN ('queued', 'printing')") == 0;
      },
      timeout);
}

std::string FaultInjector::printer_reasons() {
  const auto test = rig_.printer().dir() / "state.test";
  if (!fs::exists(test))
    write_file(test,
               "{ OPERATION Get-Printer-Attributes\nGROUP operation-attributes-tag\n"
               "ATTR charset attributes-charset utf-8\n"
               "ATTR naturalLanguage attributes-natural-language en\n"
               "ATTR uri printer-uri $uri\n"
               "ATTR keyword requested-attributes printer-state-reasons\n"
               "DISPLAY printer-state-reasons }\n");
  const auto r = run_process({"/usr/bin/ipptool", "-t", rig_.printer().uri(), test.string()}, 30s);
  const auto at = r.out.find("printer-state-reasons (keyword) = ");
  if (at == std::string::npos) return "?";
  const auto from = at + std::string("printer-state-reasons (keyword) = ").size();
  return r.out.substr(from, r.out.find('\n', from) - from);
}

void FaultInjector::set_paper(bool loaded) {
  // The printer's own media page, as a technician refilling the tray would use it.
  const std::string level = loaded ? "250" : "0";
  http_get(rig_.printer().port(),
           "/media?size1=na_letter_8.5x11in&type1=stationery&level1=" + level +
               "&size3=na_number-10_4.125x9.5in&type3=envelope&level3=-2");
}

std::size_t FaultInjector::spooled_badges() {
  return regular_files(rig_.printer().spool(), ".pdf");
}

void FaultInjector::prepare_victim(int fault) {
  const auto& f = ledger_.plan().faults.at(static_cast<std::size_t>(fault));
  const int k = f.kiosks.at(0);
  if (!quiet(k, kNoticeTimeout)) ledger_.note(kiosk_name(k) + " was not idle before the kill");
  write_file(rig_.printer().dir() / "slow", "");
  spool_before_kill_ = spooled_badges();
  const auto& victim = ledger_.plan().scans.at(static_cast<std::size_t>(f.victim));
  prints_before_kill_ = print_lines(rig_.kiosk(k), ticket_text(victim.ticket), "printing");
}

void FaultInjector::start(int fault) {
  const auto& f = ledger_.plan().faults.at(static_cast<std::size_t>(fault));
  switch (f.kind) {
    case FaultKind::paper_out: {
      const int k = f.kiosks.at(0);
      if (!quiet(k, kNoticeTimeout)) ledger_.note(kiosk_name(k) + " was not idle at paper out");
      ledger_.fault_started(fault, unix_now_ms());
      write_file(rig_.printer().dir() / "media-empty", "");
      set_paper(false);
      const bool noticed =
          eventually([&] { return printer_reasons().starts_with("media-empty"); }, kNoticeTimeout);
      ledger_.fault_confirmed(fault, unix_now_ms(),
                              noticed ? "the printer reports " + printer_reasons()
                                      : "the printer never reported an empty tray");
      break;
    }
    case FaultKind::server_kill: {
      ledger_.fault_started(fault, unix_now_ms());
      const int status = rig_.server().stop(SIGKILL);
      ledger_.fault_confirmed(fault, unix_now_ms(), "exit status " + std::to_string(status));
      break;
    }
    case FaultKind::link_cut: {
      ledger_.fault_started(fault, unix_now_ms());
      for (const int k : f.kiosks) rig_.link(k).cut();
      bool noticed = true;
      for (const int k : f.kiosks)
        noticed = wait_until_offline(rig_.kiosk(k), kNoticeTimeout) && noticed;
      ledger_.fault_confirmed(fault, unix_now_ms(),
                              noticed ? "both kiosks went offline" : "a kiosk never went offline");
      break;
    }
    case FaultKind::kiosk_kill: {
      const int k = f.kiosks.at(0);
      const auto& victim = ledger_.plan().scans.at(static_cast<std::size_t>(f.victim));
      const auto ticket = ticket_text(victim.ticket);
      // Strike while the printer holds the badge's job and is still printing it.
      const bool printing = eventually(
          [&] {
            return print_lines(rig_.kiosk(k), ticket, "printing") > prints_before_kill_ &&
                   spooled_badges() > spool_before_kill_;
          },
          kNoticeTimeout);
      ledger_.fault_started(fault, unix_now_ms());
      const int status = rig_.kiosk(k).stop(SIGKILL);
      killed_at_ = unix_now_ms();
      fs::remove(rig_.printer().dir() / "slow");
      // The kill must have come before the printer finished, or it proved nothing.
      if (printing && print_lines(rig_.kiosk(k), ticket, "done") > 0)
        ledger_.waited(victim.id, "K4's kill to strike before the victim's badge was done", 0,
                       false);
      ledger_.fault_confirmed(fault, killed_at_,
                              (printing ? "killed while printing " + ticket
                                        : "the victim's badge never started printing; killed") +
                                  " (exit status " + std::to_string(status) + ")");
      if (!printing) ledger_.waited(victim.id, "the victim's badge printing", 0, false);
      break;
    }
  }
}

void FaultInjector::end(int fault) {
  const auto& f = ledger_.plan().faults.at(static_cast<std::size_t>(fault));
  switch (f.kind) {
    case FaultKind::paper_out: {
      const int k = f.kiosks.at(0);
      if (!quiet(k, kNoticeTimeout)) ledger_.note(kiosk_name(k) + " was not idle at paper back");
      fs::remove(rig_.printer().dir() / "media-empty");
      set_paper(true);
      const bool loaded = eventually([&] { return printer_reasons() == "none"; }, kNoticeTimeout);
      ledger_.fault_ended(fault, unix_now_ms(),
                          loaded ? "refilled" : "the printer still reports " + printer_reasons());
      break;
    }
    case FaultKind::server_kill:
      rig_.restart_server();
      ledger_.fault_ended(fault, unix_now_ms());
      break;
    case FaultKind::link_cut:
      for (const int k : f.kiosks) rig_.link(k).heal();
      ledger_.fault_ended(fault, unix_now_ms());
      break;
    case FaultKind::kiosk_kill: {
      // The printer keeps printing the job it holds; a restart before it is done would find the
      // printer busy. Three seconds a job while "slow" was there.
      while (unix_now_ms() - killed_at_ < 4'000) std::this_thread::sleep_for(50ms);
      rig_.start_kiosk(f.kiosks.at(0));
      ledger_.fault_ended(fault, unix_now_ms());
      break;
    }
  }
}

}  // namespace einlass::test
