#include "soak/truth_ledger.h"

#include <algorithm>
#include <chrono>

namespace einlass::test {

UnixMs unix_now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

TruthLedger::TruthLedger(const Plan& plan) : plan_(plan), faults_(plan.faults.size()) {}

void TruthLedger::fault_started(int fault, UnixMs at) {
  faults_.at(static_cast<std::size_t>(fault)).started = at;
}

void TruthLedger::fault_confirmed(int fault, UnixMs at, std::string detail) {
  auto& f = faults_.at(static_cast<std::size_t>(fault));
  f.confirmed = at;
  if (!detail.empty()) f.detail = std::move(detail);
}

void TruthLedger::fault_ended(int fault, UnixMs at, std::string detail) {
  auto& f = faults_.at(static_cast<std::size_t>(fault));
  f.ended = at;
  if (!detail.empty()) f.detail += (f.detail.empty() ? "" : "; ") + detail;
}

bool TruthLedger::active(FaultKind kind, int kiosk) const {
  for (std::size_t i = 0; i < faults_.size(); ++i) {
    const auto& planned = plan_.faults[i];
    if (planned.kind != kind || faults_[i].started == 0 || faults_[i].ended != 0) continue;
    if (kiosk < 0 ||
        std::find(planned.kiosks.begin(), planned.kiosks.end(), kiosk) != planned.kiosks.end())
      return true;
  }
  return false;
}

void TruthLedger::dropped(int scan, int kiosk, std::string frame, UnixMs at) {
  Drop d;
  d.scan = scan;
  d.kiosk = kiosk;
  d.frame = std::move(frame);
  d.at = at;
  d.paper_out = active(FaultKind::paper_out, kiosk);
  d.kiosk_dead = active(FaultKind::kiosk_kill, kiosk);
  d.cut_off = active(FaultKind::link_cut, kiosk);
  d.server_down = active(FaultKind::server_kill);
  drops_.push_back(std::move(d));
}

void TruthLedger::forget_first_admission() {
  const auto first = std::find_if(drops_.begin(), drops_.end(), [&](const Drop& d) {
    return plan_.scans.at(static_cast<std::size_t>(d.scan)).expect == Expect::admitted;
  });
  if (first != drops_.end()) drops_.erase(first);
}

void TruthLedger::waited(int scan, std::string what, double seconds, bool met) {
  waits_.push_back({scan, std::move(what), seconds, met});
}

void TruthLedger::reprinted(int ticket, int kiosk, UnixMs) {
  reprints_[ticket] = kiosk;
}

std::map<int, int> TruthLedger::expected_admissions() const {
  std::map<int, int> out;
  for (const auto& d : drops_) {
    const auto& s = plan_.scans.at(static_cast<std::size_t>(d.scan));
    if (s.code == CodeKind::genuine && expects_admission(s.expect)) ++out[s.ticket];
  }
  return out;
}

std::set<int> TruthLedger::admitted_tickets() const {
  std::set<int> out;
  for (const auto& [ticket, n] : expected_admissions()) out.insert(ticket);
  return out;
}

std::multiset<int> TruthLedger::duplicate_tickets() const {
  std::multiset<int> out;
  for (const auto& d : drops_) {
    const auto& s = plan_.scans.at(static_cast<std::size_t>(d.scan));
    if (s.expect == Expect::duplicate) out.insert(s.ticket);
  }
  return out;
}

std::set<int> TruthLedger::paper_out_tickets() const {
  std::set<int> out;
  for (const auto& d : drops_) {
    const auto& s = plan_.scans.at(static_cast<std::size_t>(d.scan));
    if (d.paper_out && expects_admission(s.expect)) out.insert(s.ticket);
  }
  return out;
}

int TruthLedger::active_registrations() const {
  int canceled = 0;
  for (const auto& c : plan_.changes)
    if (c.kind == ChangeKind::cancel) ++canceled;
  return static_cast<int>(plan_.people.size()) - canceled;
}

}  // namespace einlass::test
