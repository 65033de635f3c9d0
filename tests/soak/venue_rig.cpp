#include "soak/venue_rig.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>

#include "integration/process.h"

namespace einlass::test {

namespace {

constexpr const char* kStaffLogin = "einlass-desk";
constexpr const char* kStaffPassword = "morning-queue-2026";

std::vector<Registrant> registrants(const Plan& plan) {
  std::vector<Registrant> out;
  for (const auto& p : plan.people) out.push_back({p.name, p.organisation, p.category});
  return out;
}

// libfaketime moves the kiosk's wall clock; ASan must then tolerate a library preloaded before
// it, with the rest of its options kept.
std::vector<std::string> skewed_clock() {
  const char* asan = std::getenv("ASAN_OPTIONS");
  return {"LD_PRELOAD=" EINLASS_FAKETIME_LIBRARY,
          "FAKETIME=+" + std::to_string(kClockSkew.count() / 60) + "m",
          "FAKETIME_DONT_FAKE_MONOTONIC=1",
          "ASAN_OPTIONS=" + std::string(asan != nullptr ? asan : "") + ":verify_asan_link_order=0"};
}

bool replica_holds(const std::filesystem::path& replica, const PlannedChange& c) {
  const auto t = std::to_string(c.ticket);
  return scalar(replica, c.kind == ChangeKind::cancel
                             ? "SELECT count(*) FROM attendees WHERE ticket_id = " + t +
                                   " AND status = 'canceled'"
                             : "SELECT count(*) FROM revocations WHERE ticket_id = " + t) == 1;
}

}  // namespace

VenueRig::VenueRig(const Plan& plan) : plan_(plan), venue_(registrants(plan)) {
  const auto r = run_process({EINLASS_ADMIN_BINARY, "--db", server_db().string(), "staff", "add",
                              kStaffLogin, "--role", "desk"},
                             std::chrono::seconds(60), std::string(kStaffPassword) + "\n");
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
}

bool VenueRig::change(ChangeKind kind, int ticket, std::string& error) {
  const auto r =
      venue_.admin({kind == ChangeKind::cancel ? "cancel" : "revoke", ticket_text(ticket),
                    "--reason", kind == ChangeKind::cancel ? "Storniert" : "Ticket weitergegeben"});
  error = r.err;
  return r.exit_code == 0;
}

void VenueRig::open() {
  for (const auto& c : plan_.changes) {
    if (c.at) continue;
    std::string error;
    INFO(error);
    REQUIRE(change(c.kind, c.ticket, error));
  }
  venue_.start_server();
  client_ = std::make_unique<HttpsClient>(venue_.web_port(), dir() / "server" / "tls" / "ca.crt");
  printer_ = std::make_unique<IppEvePrinter>();
  for (int k = 0; k < kVenueKiosks; ++k) {
    const auto& faults = plan_.faults;
    const bool behind_proxy = std::any_of(faults.begin(), faults.end(), [k](const PlannedFault& f) {
      return f.kind == FaultKind::link_cut &&
             std::find(f.kiosks.begin(), f.kiosks.end(), k) != f.kiosks.end();
    });
    if (behind_proxy) {
      links_[static_cast<std::size_t>(k)] = std::make_unique<FaultProxy>();
      via_port_[static_cast<std::size_t>(k)] = venue_.through(*links_[static_cast<std::size_t>(k)]);
    }
    start_kiosk(k);
  }
  for (int k = 0; k < kVenueKiosks; ++k) {
    INFO(kiosk_name(k) << ":\n" << kiosk(k).out() << kiosk(k).err());
    REQUIRE(wait_until_online(kiosk(k), 1, std::chrono::seconds(60)));
  }
  // The doors open once every kiosk knows last night's cancellations and revocations.
  for (int k = 0; k < kVenueKiosks; ++k)
    for (const auto& c : plan_.changes) {
      if (c.at) continue;
      INFO(kiosk_name(k) << " never heard of the change to " << ticket_text(c.ticket));
      REQUIRE(eventually([&] { return replica_holds(replica(k), c); }, std::chrono::seconds(60)));
    }
}

void VenueRig::start_kiosk(int k) {
  const auto id = kiosk_name(k);
  const int via = via_port_[static_cast<std::size_t>(k)];
  if (k == kIppKiosk) {
    // SyncSite's kiosks print into folders; K4 is started with the same sync section, printing
    // on the IPP printer.
    const std::string sync =
        "\n[sync]\nserver = \"127.0.0.1:" + std::to_string(via != 0 ? via : venue_.server_port()) +
        "\"\nca = \"tls/ca.crt\"\ncertificate = \"tls/kiosk.crt\"\n"
        "private_key = \"tls/kiosk.key\"\nheartbeat_seconds = 1\n";
    venue_.site().start_kiosk(id, printer_->uri(), sync);
    return;
  }
  venue_.start_kiosk(id, via, "", k == kSkewedKiosk ? skewed_clock() : std::vector<std::string>{});
}

std::optional<HttpsReply> VenueRig::api(const std::string& method, const std::string& target,
                                        const std::string& body) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      if (!session_) session_ = client_->sign_in(kStaffLogin, kStaffPassword);
      if (!session_) return std::nullopt;
      auto reply = client_->as(*session_, method, target, body);
      if (reply.status != 401) return reply;
      session_.reset();
    } catch (const std::exception&) {
      // Not listening (killed): the caller polls again.
      session_.reset();
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace einlass::test
