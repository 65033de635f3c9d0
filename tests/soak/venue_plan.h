#pragma once
// The venue morning's schedule, made from a seed alone: who registered, who comes when and to
// which kiosk (a simulated queue), holding which code (printed or on a phone), what each scan
// must give, and when the faults happen. Pure: the same options give the same plan without
// processes or clocks, so the plan is tested on its own and a failed run is replayed by its seed.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/frames/frame_maker.h"

namespace einlass::test {

using Millis = std::chrono::milliseconds;

inline constexpr int kVenueKiosks = 4;  // K1..K4; K4 prints on IPP, the others into folders
inline constexpr int kSkewedKiosk = 0;  // K1's clock runs ten minutes ahead
inline constexpr int kIppKiosk = 3;     // K4: out of paper once, killed during a print once
inline constexpr std::chrono::seconds kClockSkew{600};

// "K1".."K4" for 0..3.
std::string kiosk_name(int kiosk);

struct PlanOptions {
  std::uint32_t seed = 1;
  int registrations = 100;  // tickets T000001..
  Millis doors{40'000};     // arrivals happen within this (the compressed morning)
  Millis service{400};      // how long one attendee takes at a kiosk, for the queue
  Millis guard{2'000};      // K4 takes nobody from its line this close to a printer change
  Millis server_down{3'000};
  Millis link_cut{10'000};  // K2 and K3 cut off from the server
  Millis kiosk_down{5'000};
  Millis paper_out{6'000};
  double no_show = 0.04;  // registered but never coming
  int forged = 2;         // a real ticket altered: the signature no longer fits
  int other_event = 1;    // a genuine-looking ticket of another event
  int unknown_key = 1;    // signed with a key the event does not hold
  int canceled_before = 2;
  int canceled_during = 1;
  int revoked_before = 2;
  int revoked_during = 1;
  int repeat_same_kiosk = 2;   // scans again at once at the same kiosk
  int repeat_other_kiosk = 2;  // tries again later at another kiosk, all online
  int offline_duplicates = 2;  // the second scan at a kiosk cut off from the first's admission
};

// About a minute of wall time, every fault kind at least once (the ctest).
PlanOptions short_options(std::uint32_t seed);
// 500 attendees over four compressed minutes; the links are cut for a minute.
PlanOptions full_options(std::uint32_t seed);

struct Person {
  std::string name;
  std::string organisation;
  std::string category;  // the German label, as the CSV import takes it
};

enum class CodeKind {
  genuine,      // the ticket einlass-admin issued
  forged,       // that ticket with its category changed: the signature no longer fits
  other_event,  // signed for another event
  unknown_key,  // this event, signed with a key id the kiosks do not hold
};

enum class Expect {
  admitted,
  already_admitted,
  duplicate,  // admitted, and the server must keep it and raise a duplicate alert
  invalid,
  unknown_key,
  canceled,
  revoked,
};

enum class Needs {
  nothing,
  first_known,   // the first scan's admission is on the server and in this kiosk's replica
  cut_off,       // every kiosk of the link cut has noticed that it is offline
  status_known,  // the ticket's cancellation or revocation has reached this kiosk
};

struct PlannedScan {
  int id = 0;    // index in Plan::scans; frames are named in this order
  Millis at{0};  // after the doors opened
  int kiosk = 0;
  int ticket = 0;  // the ticket the code names (1-based); foreign codes name made-up ones
  CodeKind code = CodeKind::genuine;
  FrameStyle style = FrameStyle::clean;
  std::uint32_t frame_seed = 1;
  Expect expect = Expect::admitted;
  Needs needs = Needs::nothing;
  int first = -1;  // a repeat's or duplicate's first scan
};

enum class FaultKind {
  paper_out,    // K4's printer runs out of paper; `back` it is refilled
  server_kill,  // SIGKILL; restarted at `back`
  link_cut,     // K2 and K3 lose the server; healed at `back`
  kiosk_kill,   // K4 killed with SIGKILL while printing `victim`'s badge; restarted at `back`
};

struct PlannedFault {
  FaultKind kind = FaultKind::server_kill;
  Millis at{0};
  Millis back{0};
  std::vector<int> kiosks;  // the kiosks it hits (none for the server)
  int victim = -1;          // kiosk_kill: the scan whose badge is printing when it strikes
};

enum class ChangeKind { cancel, revoke };

struct PlannedChange {
  std::optional<Millis> at;  // nullopt: before the doors open
  int ticket = 0;
  ChangeKind kind = ChangeKind::cancel;
};

struct Plan {
  PlanOptions options;
  std::vector<Person> people;  // ticket n is people[n - 1]
  std::vector<PlannedScan> scans;
  std::vector<PlannedFault> faults;
  std::vector<PlannedChange> changes;
};

Plan make_plan(const PlanOptions& options);

// What the driver does, in order: every scan, fault edge and status change at its time. Steps at
// the same time keep this order: changes, fault starts, scans, then fault ends; a kiosk kill's
// start comes right after its victim's scan.
enum class StepKind { change, fault_start, scan, fault_end };

struct Step {
  Millis at{0};
  StepKind kind = StepKind::scan;
  int index = 0;  // into scans, faults or changes
};

std::vector<Step> timeline(const Plan& plan);

// The plan as text, one step a line ("  12.345 s  scan 17 K2 T000042 moire_screen -> admitted"),
// for `venue_morning --plan`.
std::string describe(const Plan& plan);

bool is_phone(FrameStyle style);
bool expects_admission(Expect expect);
std::string_view to_string(Expect expect);
std::string_view to_string(FaultKind kind);
// The reason word a refusal must carry ("already_admitted", "invalid", ...); empty for admissions.
std::string_view refusal_reason(Expect expect);

}  // namespace einlass::test
