// einlass-kiosk as a venue runs it: a provisioned bundle, no server, frames dropped into its
// dir: scanner, badges coming out of its file: printer.
#include <signal.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "kiosk_site.h"
#include "notify_socket.h"
#include "support/files.h"
#include "support/ipp_eve_printer.h"
#include "ticket/ticket.h"

using namespace einlass::test;
namespace fs = std::filesystem;

namespace {

const std::vector<Registrant> kPeople{
    {"Anna-Lena Müller", "Landesamt für Digitalisierung Sachsen-Anhalt"},
    {"Jürgen Weiß", "Bundesministerium des Innern", "Referent"},
    {"Özlem Yıldız", "Stadt Halle (Saale)", "Presse"},
    {"Maximilian-Alexander von Müller-Lüdenscheidt", "Zentrale Stelle für IT im Freistaat"},
    {"Søren Åberg", "Landkreis Saalekreis", "Aussteller"},
    {"Chloé Dubois-Straße", "Stadtverwaltung Magdeburg"},
    {"Ines Groß", "Kommunale IT-Union"},
    {"Ole Hansen", "Landesrechenzentrum"},
    {"Petra Schön", "Bundesamt für Sicherheit in der Informationstechnik"},
    {"Zoë Yilmaz", "Stadt Leipzig"},
};

std::string ticket_text(int n) {
  return einlass::format_ticket_id(static_cast<einlass::TicketId>(n));
}

nlohmann::json only_decision(const std::string& out, int ticket) {
  const auto lines = decisions_for(out, ticket_text(ticket));
  REQUIRE(lines.size() == 1);
  return nlohmann::json::parse(lines[0]);
}

std::size_t files_with_suffix(const fs::path& dir, const std::string& suffix) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().string().ends_with(suffix)) ++n;
  return n;
}

}  // namespace

TEST_CASE(
    "the kiosk admits every camera frame style, refuses forged and cancelled tickets and "
    "prints a badge per admission, without a server",
    "[integration][kiosk]") {
  KioskSite site(kPeople);
  REQUIRE(site.admin({"cancel", "T000010", "--reason", "Storniert"}).exit_code == 0);
  auto& kiosk = site.start_kiosk("K1");

  // Tickets 1..9 as a camera sees them, one style each.
  int ticket = 1;
  for (const auto style : kAllFrameStyles) {
    site.drop_frame("K1",
                    make_frame(site.code(ticket), style, static_cast<std::uint32_t>(ticket)).view(),
                    "frame-" + std::to_string(ticket), ticket % 2 == 0);
    ++ticket;
  }
  std::string forged = site.code(1);
  forged[forged.size() - 5] = forged[forged.size() - 5] == 'A' ? 'B' : 'A';
  site.drop_frame("K1", make_frame(forged, FrameStyle::clean, 77).view(), "frame-forged");
  site.drop_frame("K1", make_frame(site.code(10), FrameStyle::clean, 10).view(), "frame-10");

  const bool all_decided = wait_for_decisions(kiosk, 11, std::chrono::seconds(60));
  INFO(kiosk.out() << kiosk.err());
  REQUIRE(all_decided);
  const std::string out = kiosk.out();
  INFO(out);
  for (int t = 1; t <= 9; ++t) {
    INFO("ticket " << t << " in style " << to_string(kAllFrameStyles[t - 1]));
    const auto decision = only_decision(out, t);
    CHECK(decision["verdict"] == "admitted");
    CHECK(decision["kiosk"] == "K1");
    CHECK(decision["latency_ms"].get<double>() >= 0);
  }
  CHECK(only_decision(out, 10)["reason"] == "canceled");
  bool forged_refused = false;
  for (const auto& line : log_lines(out, "decision")) {
    const auto json = nlohmann::json::parse(line);
    if (json["ticket"].is_null() && json["reason"] == "invalid") forged_refused = true;
  }
  CHECK(forged_refused);
  // No names in the log, only ticket ids.
  for (const auto& person : kPeople) CHECK(out.find(person.name) == std::string::npos);

  // One badge per admission, as PDF and PNG, and every frame moved to done/.
  REQUIRE(kiosk.wait_for_output(
      [](const std::string& log) {
        std::size_t done = 0;
        for (const auto& line : log_lines(log, "print"))
          if (nlohmann::json::parse(line)["state"] == "done") ++done;
        return done >= 9;
      },
      std::chrono::seconds(60)));
  CHECK(files_with_suffix(site.badges("K1"), ".pdf") == 9);
  // Each badge carries its holder: the kiosk's n-th admission is the n-th frame's attendee.
  for (int seq = 1; seq <= 9; ++seq) {
    const auto text =
        run_process({"/usr/bin/pdftotext",
                     (site.badges("K1") / ("K1-" + std::to_string(seq) + "-r0-a1.pdf")).string(),
                     "-"})
            .out;
    const auto& person = kPeople[static_cast<std::size_t>(seq - 1)];
    INFO("badge " << seq << ": " << text);
    // Long names break over two lines on the badge: compare the first word.
    CHECK(text.find(person.name.substr(0, person.name.find_first_of(" -"))) != std::string::npos);
    CHECK(text.find(person.category) != std::string::npos);
  }
  CHECK(files_with_suffix(site.badges("K1"), ".png") == 9);
  CHECK(files_with_suffix(site.frames("K1") / "done", "") == 11);

  CHECK(kiosk.stop(SIGTERM) == 0);
  CHECK(log_lines(kiosk.out(), "stopped").size() == 1);
}

TEST_CASE("a ticket shown again is refused as already admitted, also after a restart",
          "[integration][kiosk]") {
  KioskSite site({kPeople.begin(), kPeople.begin() + 2});
  auto& kiosk = site.start_kiosk("K1");
  site.drop_frame("K1", make_frame(site.code(1), FrameStyle::clean, 1).view(), "a");
  REQUIRE(wait_for_decisions(kiosk, 1));
  CHECK(kiosk.stop(SIGTERM) == 0);

  site.start_kiosk("K1");
  site.drop_frame("K1", make_frame(site.code(1), FrameStyle::inverted, 2).view(), "b");
  REQUIRE(wait_for_decisions(kiosk, 2));
  const auto lines = decisions_for(kiosk.out(), "T000001");
  REQUIRE(lines.size() == 2);
  CHECK(nlohmann::json::parse(lines[0])["verdict"] == "admitted");
  CHECK(nlohmann::json::parse(lines[1])["reason"] == "already_admitted");
  CHECK(kiosk.stop(SIGTERM) == 0);
}

TEST_CASE("a kiosk sent SIGTERM again and again while it stops still ends cleanly",
          "[integration][kiosk]") {
  KioskSite site({kPeople.begin(), kPeople.begin() + 3});
  // Each round stops the kiosk under a stream of signals, one a millisecond, so some arrive
  // while it closes its print worker and replica: none may kill it before it says "stopped".
  for (int round = 1; round <= 3; ++round) {
    auto& kiosk = site.start_kiosk("K1");
    site.drop_frame("K1", make_frame(site.code(round), FrameStyle::clean, round).view(),
                    "f" + std::to_string(round));
    REQUIRE(wait_for_decisions(kiosk, static_cast<std::size_t>(round)));
    INFO("round " << round);
    CHECK(kiosk.stop_insisting(SIGTERM) == 0);
    CHECK(log_lines(kiosk.out(), "stopped").size() == static_cast<std::size_t>(round));
  }
}

TEST_CASE("a kiosk with a broken config says which key is wrong and does not start",
          "[integration][kiosk]") {
  KioskSite site({kPeople.front()});
  REQUIRE(site.admin({"provision-kiosk", "K1", "--out", site.bundle("K1").string()}).exit_code ==
          0);
  write_file(
      site.bundle("K1") / "kiosk.toml",
      "[kiosk]\nid = \"K1\"\nreplica = \"replica.db\"\n[devices]\nscanners = [\"dir:frames\"]\n"
      "printer = \"laser:printer\"\n");
  const auto r =
      run_process({EINLASS_KIOSK_BINARY, "--config", (site.bundle("K1") / "kiosk.toml").string()},
                  std::chrono::seconds(30));
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("devices.printer") != std::string::npos);
}

TEST_CASE(
    "a kiosk prints on a real IPP printer; out of paper sends the attendee to the desk and "
    "keeps the admission",
    "[integration][kiosk][ipp]") {
  IppEvePrinter printer;
  KioskSite site({kPeople.begin(), kPeople.begin() + 3});
  auto& kiosk = site.start_kiosk("K1", printer.uri());
  site.drop_frame("K1", make_frame(site.code(1), FrameStyle::clean, 1).view(), "a");
  REQUIRE(kiosk.wait_for_output(
      [](const std::string& out) { return out.find("\"state\":\"done\"") != std::string::npos; },
      std::chrono::seconds(60)));
  std::size_t spooled = 0;
  for (const auto& entry : fs::recursive_directory_iterator(printer.spool()))
    if (entry.is_regular_file()) ++spooled;
  CHECK(spooled >= 1);

  // The simulated printer notices the empty tray while it prints the next sheet; the badge
  // after that cannot print.
  write_file(printer.dir() / "media-empty", "");
  site.drop_frame("K1", make_frame(site.code(2), FrameStyle::clean, 2).view(), "b");
  site.drop_frame("K1", make_frame(site.code(3), FrameStyle::clean, 3).view(), "c");
  const bool failed = kiosk.wait_for_output(
      [](const std::string& out) { return out.find("\"state\":\"failed\"") != std::string::npos; },
      std::chrono::seconds(60));
  INFO(kiosk.out());
  REQUIRE(failed);
  CHECK(only_decision(kiosk.out(), 3)["verdict"] == "admitted");
  const auto fault = nlohmann::json::parse(log_lines(kiosk.out(), "print").back());
  CHECK(fault["ticket"] == "T000003");
  CHECK(fault["state"] == "failed");
  CHECK(fault["detail"].get<std::string>().find("media") != std::string::npos);
  CHECK(kiosk.stop(SIGTERM) == 0);
}

TEST_CASE("a replica that admitted as K1 refuses to run as another kiosk id",
          "[integration][kiosk]") {
  KioskSite site({kPeople.begin(), kPeople.begin() + 2});
  auto& kiosk = site.start_kiosk("K1");
  site.drop_frame("K1", make_frame(site.code(1), FrameStyle::clean, 1).view(), "a");
  REQUIRE(wait_for_decisions(kiosk, 1));
  CHECK(kiosk.stop(SIGTERM) == 0);

  // The same bundle started as another kiosk id is refused with a clear message.
  write_file(site.bundle("K1") / "other.toml",
             "[kiosk]\nid = \"K2\"\nreplica = \"replica.db\"\n[devices]\n"
             "scanners = [\"dir:frames\"]\nprinter = \"file:badges\"\n");
  const auto refused =
      run_process({EINLASS_KIOSK_BINARY, "--config", (site.bundle("K1") / "other.toml").string()},
                  std::chrono::seconds(30));
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("belongs to kiosk \"K1\"") != std::string::npos);
}

TEST_CASE("the kiosk tells systemd it is ready, keeps feeding the watchdog and says when it stops",
          "[integration][kiosk][systemd]") {
  KioskSite site({kPeople.front()});
  NotifySocket systemd(site.dir() / "notify");
  auto& kiosk = site.start_kiosk("K1", "", "", {systemd.environment(), "WATCHDOG_USEC=400000"});
  systemd.collect(std::chrono::milliseconds(1500));
  CHECK(systemd.count("READY=1") == 1);
  CHECK(systemd.count("WATCHDOG=1") >= 3);  // every 200 ms: half of WatchdogSec
  CHECK(kiosk.stop(SIGTERM) == 0);
  systemd.collect(std::chrono::milliseconds(300));
  CHECK(systemd.count("STOPPING=1") == 1);
}
