#include "soak/venue_plan.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <set>

namespace einlass::test {

namespace {

// std::mt19937 is specified to the bit; the standard distributions are not, so the few this plan
// needs are written out here and a seed gives the same plan with any standard library.
class SeededRandom {
 public:
  explicit SeededRandom(std::uint32_t seed) : engine_(seed) {}
  // In (0, 1).
  double uniform() { return (static_cast<double>(engine_()) + 0.5) / 4294967296.0; }
  // In [0, n).
  int below(int n) { return std::min(n - 1, static_cast<int>(uniform() * n)); }
  bool chance(double p) { return uniform() < p; }
  std::uint32_t bits() { return static_cast<std::uint32_t>(engine_()); }
  template <typename T>
  const T& pick(const std::vector<T>& items) {
    return items[static_cast<std::size_t>(below(static_cast<int>(items.size())))];
  }

 private:
  std::mt19937 engine_;
};

constexpr std::array kFirstNames = {
    "Anna-Lena", "Jürgen", "Özlem",      "Søren",      "Chloé",      "Ines",     "Ole",
    "Petra",     "Zoë",    "Karl",       "Björn",      "Mareike",    "Hülya",    "Jörg",
    "Renée",     "Tobias", "Friederike", "Mustafa",    "Agnieszka",  "Matthias", "Lüder",
    "Sabine",    "Dragan", "Birte",      "Konstantin", "Małgorzata", "Uwe",      "Elif",
    "Gérard",    "Svenja", "Hannes",     "Maximilian"};
constexpr std::array kSurnames = {
    "Müller",    "Weiß",   "Yıldız",    "Åberg",      "Dubois-Straße",
    "Groß",      "Hansen", "Schön",     "Bauer",      "Schäfer",
    "Krüger",    "Lößner", "Nowak",     "Öztürk",     "Meyer-Lüdenscheidt",
    "Fuchs",     "Köhler", "Wagner",    "Zimmermann", "Hoffmann",
    "Kowalczyk", "Brandt", "Sauerbrey", "Jäger",      "von Bülow",
    "Ahrens",    "Peters", "Ünal"};
constexpr std::array kOrganisations = {"Landesamt für Digitalisierung Sachsen-Anhalt",
                                       "Bundesministerium des Innern",
                                       "Stadt Halle (Saale)",
                                       "Landkreis Saalekreis",
                                       "Stadtverwaltung Magdeburg",
                                       "Kommunale IT-Union",
                                       "Landesrechenzentrum",
                                       "Bundesamt für Sicherheit in der Informationstechnik",
                                       "Stadt Leipzig",
                                       "Landkreis Harz",
                                       "Dataport AöR",
                                       "Senatsverwaltung für Inneres, Berlin",
                                       "Gemeinde Kötzschau",
                                       "IT.Niedersachsen"};

// German labels and how often each category registers.
constexpr std::array<std::pair<const char*, int>, 5> kCategories = {
    {{"Teilnehmer", 75}, {"Referent", 8}, {"Aussteller", 8}, {"Presse", 5}, {"Organisation", 4}}};

std::string pick_category(SeededRandom& random) {
  int roll = random.below(100);
  for (const auto& [label, share] : kCategories) {
    if (roll < share) return label;
    roll -= share;
  }
  return kCategories[0].first;
}

std::vector<Person> make_people(int n, SeededRandom& random) {
  std::vector<Person> people;
  people.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Person p;
    p.name = std::string(kFirstNames[static_cast<std::size_t>(random.below(kFirstNames.size()))]) +
             " " + kSurnames[static_cast<std::size_t>(random.below(kSurnames.size()))];
    p.organisation = kOrganisations[static_cast<std::size_t>(random.below(kOrganisations.size()))];
    p.category = pick_category(random);
    people.push_back(std::move(p));
  }
  return people;
}

// Printed tickets and phones in the proportions of a German administrative congress: a little
// over half print theirs. Only styles the kiosk reads in one still frame: an attendee whose code
// the camera misses holds it up again, which a folder of stills cannot show.
FrameStyle pick_style(SeededRandom& random) {
  const int roll = random.below(100);
  if (roll < 35) return FrameStyle::clean;
  if (roll < 45) return FrameStyle::tilted;
  if (roll < 50) return FrameStyle::blurred;
  if (roll < 55) return FrameStyle::upside_down;
  if (roll < 80) return FrameStyle::moire_screen;
  return FrameStyle::inverted;
}

Millis fraction(Millis doors, double f) {
  return Millis(static_cast<std::int64_t>(f * static_cast<double>(doors.count())));
}

// Arrivals peak a few minutes after the doors open and tail off: an Erlang(3) curve whose mode is
// at 18 % of the morning, cut at 92 % (the last ones come just before the first talk), and one in
// eight whenever it suits them.
Millis arrival_time(Millis doors, SeededRandom& random) {
  const double theta = 0.09 * static_cast<double>(doors.count());
  if (random.chance(0.125)) return fraction(doors, 0.92 * random.uniform());
  for (;;) {
    double t = 0;
    for (int i = 0; i < 3; ++i) t -= theta * std::log(random.uniform());
    if (t < 0.92 * static_cast<double>(doors.count())) return Millis(static_cast<std::int64_t>(t));
  }
}

struct Window {
  Millis from;
  Millis to;
  bool contains(Millis t) const { return t >= from && t < to; }
};

// A scan before the plan's ids are known: `first` points into the same list.
struct Draft {
  PlannedScan scan;
  int order = 0;  // creation order, for ties
};

// The index of the first fault of `kind` (make_plan adds one of each kind before looking).
std::size_t fault_index(const std::vector<PlannedFault>& faults, FaultKind kind) {
  for (std::size_t i = 0; i < faults.size(); ++i)
    if (faults[i].kind == kind) return i;
  return 0;
}

}  // namespace

std::string kiosk_name(int kiosk) {
  return "K" + std::to_string(kiosk + 1);
}

PlanOptions short_options(std::uint32_t seed) {
  PlanOptions o;
  o.seed = seed;
  return o;
}

PlanOptions full_options(std::uint32_t seed) {
  PlanOptions o;
  o.seed = seed;
  o.registrations = 520;
  o.doors = Millis(240'000);
  o.service = Millis(500);
  o.guard = Millis(3'000);
  o.server_down = Millis(6'000);
  o.link_cut = Millis(60'000);
  o.kiosk_down = Millis(8'000);
  o.paper_out = Millis(30'000);
  o.forged = 6;
  o.other_event = 3;
  o.unknown_key = 3;
  o.canceled_before = 5;
  o.canceled_during = 3;
  o.revoked_before = 5;
  o.revoked_during = 3;
  o.repeat_same_kiosk = 6;
  o.repeat_other_kiosk = 6;
  o.offline_duplicates = 6;
  return o;
}

Plan make_plan(const PlanOptions& options) {
  SeededRandom random(options.seed);
  Plan plan;
  plan.options = options;
  plan.people = make_people(options.registrations, random);
  const Millis doors = options.doors;

  // Faults first: the queue and the special scans are placed around them.
  auto& faults = plan.faults;
  const auto add_fault = [&](FaultKind kind, double at, Millis length, std::vector<int> kiosks) {
    const Millis start = fraction(doors, at);
    faults.push_back({kind, start, start + length, std::move(kiosks), -1});
  };
  add_fault(FaultKind::paper_out, 0.10, options.paper_out, {kIppKiosk});
  add_fault(FaultKind::server_kill, 0.22, options.server_down, {});
  add_fault(FaultKind::link_cut, 0.36, options.link_cut, {1, 2});
  add_fault(FaultKind::kiosk_kill, 0.58, options.kiosk_down, {kIppKiosk});
  add_fault(FaultKind::server_kill, 0.74, options.server_down, {});
  const std::size_t kill_index = fault_index(faults, FaultKind::kiosk_kill);
  const PlannedFault paper = faults[fault_index(faults, FaultKind::paper_out)];
  const PlannedFault cut = faults[fault_index(faults, FaultKind::link_cut)];
  const PlannedFault kill = faults[kill_index];

  // Who is whom: tickets in a shuffled order, handed out to the roles.
  std::vector<int> tickets(static_cast<std::size_t>(options.registrations));
  for (int i = 0; i < options.registrations; ++i) tickets[static_cast<std::size_t>(i)] = i + 1;
  for (std::size_t i = tickets.size(); i > 1; --i)
    std::swap(tickets[i - 1], tickets[static_cast<std::size_t>(random.below(static_cast<int>(i)))]);
  std::size_t next_ticket = 0;
  const auto take = [&] { return tickets.at(next_ticket++); };

  std::vector<Draft> drafts;
  const auto add_scan = [&](Millis at, int kiosk, int ticket, CodeKind code, Expect expect,
                            Needs needs = Needs::nothing, int first = -1) {
    PlannedScan s;
    s.at = at;
    s.kiosk = kiosk;
    s.ticket = ticket;
    s.code = code;
    s.style = pick_style(random);
    s.frame_seed = random.bits();
    s.expect = expect;
    s.needs = needs;
    s.first = first;
    drafts.push_back({s, static_cast<int>(drafts.size())});
    return static_cast<int>(drafts.size()) - 1;
  };

  // Cancelled and revoked before the doors open: they come like anyone else.
  std::vector<std::pair<int, Expect>> queued;  // ticket (0 = foreign code) and what it must give
  std::vector<CodeKind> queued_codes;
  const auto enqueue = [&](int ticket, CodeKind code, Expect expect) {
    queued.emplace_back(ticket, expect);
    queued_codes.push_back(code);
  };
  for (int i = 0; i < options.canceled_before; ++i) {
    const int t = take();
    plan.changes.push_back({std::nullopt, t, ChangeKind::cancel});
    enqueue(t, CodeKind::genuine, Expect::canceled);
  }
  for (int i = 0; i < options.revoked_before; ++i) {
    const int t = take();
    plan.changes.push_back({std::nullopt, t, ChangeKind::revoke});
    enqueue(t, CodeKind::genuine, Expect::revoked);
  }
  // Cancelled and revoked during the morning: each comes a while after the change, to K1 (never
  // cut off, never killed), once K1 holds the change.
  const int during = options.canceled_during + options.revoked_during;
  for (int i = 0; i < during; ++i) {
    const int t = take();
    const bool cancel = i < options.canceled_during;
    const Millis at = fraction(doors, 0.12 + 0.50 * i / std::max(1, during));
    plan.changes.push_back({at, t, cancel ? ChangeKind::cancel : ChangeKind::revoke});
    add_scan(at + fraction(doors, 0.10), kSkewedKiosk, t, CodeKind::genuine,
             cancel ? Expect::canceled : Expect::revoked, Needs::status_known);
  }

  // Pinned to K4: one attendee while its paper is out, and the one whose badge is printing when
  // it is killed.
  add_scan(paper.at + (paper.back - paper.at) / 2, kIppKiosk, take(), CodeKind::genuine,
           Expect::admitted);
  faults[kill_index].victim =
      add_scan(kill.at, kIppKiosk, take(), CodeKind::genuine, Expect::admitted);

  // Duplicates while K2 and K3 are cut off: K2 then K3, or K1 (online) then K2 or K3.
  for (int i = 0; i < options.offline_duplicates; ++i) {
    const Millis at = cut.at + (cut.back - cut.at) / 4 +
                      (cut.back - cut.at) / 2 * i / std::max(1, options.offline_duplicates);
    const int t = take();
    const bool both_cut = i % 2 == 0;
    const int first_kiosk = both_cut ? 1 : kSkewedKiosk;
    const int second_kiosk = both_cut ? 2 : 1 + random.below(2);
    const int first =
        add_scan(at, first_kiosk, t, CodeKind::genuine, Expect::admitted, Needs::cut_off);
    add_scan(at + Millis(1'500), second_kiosk, t, CodeKind::genuine, Expect::duplicate,
             Needs::cut_off, first);
  }

  // Everyone else queues: the registered who come, and the holders of foreign or forged codes.
  const int no_shows = static_cast<int>(std::lround(options.no_show * options.registrations));
  const std::size_t comers = tickets.size() - static_cast<std::size_t>(no_shows);
  while (next_ticket < comers) enqueue(take(), CodeKind::genuine, Expect::admitted);
  for (int i = 0; i < options.forged; ++i)
    enqueue(1 + random.below(options.registrations), CodeKind::forged, Expect::invalid);
  for (int i = 0; i < options.other_event; ++i)
    enqueue(900'001 + i, CodeKind::other_event, Expect::invalid);
  for (int i = 0; i < options.unknown_key; ++i)
    enqueue(800'001 + i, CodeKind::unknown_key, Expect::unknown_key);

  // The queue: each arrival goes to the line where it is served first (or, one in four, to any
  // line). K4 takes nobody from its line around its printer changes and while it is dead, so that
  // the driver can switch them with K4 idle and every badge is known to fall before or after.
  const std::vector<Window> k4_closed = {{paper.at - options.guard, paper.at + options.guard},
                                         {paper.back - options.guard, paper.back + options.guard},
                                         {kill.at - options.guard, kill.back + options.guard}};
  std::vector<std::pair<Millis, std::size_t>> arrivals;
  for (std::size_t i = 0; i < queued.size(); ++i)
    arrivals.emplace_back(arrival_time(doors, random), i);
  std::stable_sort(arrivals.begin(), arrivals.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::array<Millis, kVenueKiosks> busy{};
  std::vector<std::pair<Millis, int>> pinned;
  for (const auto& d : drafts) pinned.emplace_back(d.scan.at, d.scan.kiosk);
  std::sort(pinned.begin(), pinned.end());
  std::size_t next_pinned = 0;
  for (const auto& [arrived, index] : arrivals) {
    for (; next_pinned < pinned.size() && pinned[next_pinned].first <= arrived; ++next_pinned) {
      const auto [at, kiosk] = pinned[next_pinned];
      busy[static_cast<std::size_t>(kiosk)] =
          std::max(busy[static_cast<std::size_t>(kiosk)], at + options.service);
    }
    std::array<Millis, kVenueKiosks> start{};
    for (int k = 0; k < kVenueKiosks; ++k) {
      Millis s = std::max(arrived, busy[static_cast<std::size_t>(k)]);
      if (k == kIppKiosk)
        for (bool moved = true; moved;) {
          moved = false;
          for (const auto& w : k4_closed)
            if (w.contains(s)) s = w.to, moved = true;
        }
      start[static_cast<std::size_t>(k)] = s;
    }
    int chosen = 0;
    if (random.chance(0.25)) {
      chosen = random.below(kVenueKiosks);
    } else {
      for (int k = 1; k < kVenueKiosks; ++k)
        if (start[static_cast<std::size_t>(k)] < start[static_cast<std::size_t>(chosen)])
          chosen = k;
    }
    const Millis at = start[static_cast<std::size_t>(chosen)];
    busy[static_cast<std::size_t>(chosen)] = at + options.service;
    add_scan(at, chosen, queued[index].first, queued_codes[index], queued[index].second);
  }

  // Repeats, from admissions on a settled link: never K4 (killed), not while the server is down,
  // not on a cut kiosk while its link is down. Reconnecting after the fault can take a while (the
  // kiosks back off up to 30 s); the second scan's precondition waits for that.
  const auto settled = [&](int kiosk, Millis t) {
    if (kiosk == kIppKiosk) return false;
    for (const auto& f : faults) {
      const bool hit = f.kind == FaultKind::server_kill ||
                       (f.kind == FaultKind::link_cut &&
                        std::find(f.kiosks.begin(), f.kiosks.end(), kiosk) != f.kiosks.end());
      if (hit && Window{f.at - Millis(1'000), f.back + Millis(3'000)}.contains(t)) return false;
    }
    return true;
  };
  std::vector<int> candidates;
  for (int i = 0; i < static_cast<int>(drafts.size()); ++i) {
    const auto& s = drafts[static_cast<std::size_t>(i)].scan;
    if (s.code == CodeKind::genuine && s.expect == Expect::admitted && s.needs == Needs::nothing &&
        s.at < fraction(doors, 0.80) && settled(s.kiosk, s.at))
      candidates.push_back(i);
  }
  std::set<int> repeated;
  const auto pick_candidate = [&]() -> int {
    for (int tries = 0; tries < 1000 && !candidates.empty(); ++tries) {
      const int c = random.pick(candidates);
      if (repeated.insert(drafts[static_cast<std::size_t>(c)].scan.ticket).second) return c;
    }
    return -1;
  };
  for (int i = 0; i < options.repeat_same_kiosk; ++i) {
    const int c = pick_candidate();
    if (c < 0) break;
    const auto first = drafts[static_cast<std::size_t>(c)].scan;
    add_scan(first.at + Millis(1'200), first.kiosk, first.ticket, CodeKind::genuine,
             Expect::already_admitted, Needs::nothing, c);
  }
  for (int i = 0; i < options.repeat_other_kiosk; ++i) {
    const int c = pick_candidate();
    if (c < 0) break;
    const auto first = drafts[static_cast<std::size_t>(c)].scan;
    // Another of K1..K3, one whose link is settled then; or a little later.
    Millis at = first.at + fraction(doors, 0.06);
    const int offset = 1 + random.below(2);
    int kiosk = -1;
    for (; kiosk < 0; at += Millis(1'000))
      for (const int k : {(first.kiosk + offset) % 3, (first.kiosk + 3 - offset) % 3})
        if (kiosk < 0 && settled(k, at)) kiosk = k;
    at -= Millis(1'000);
    add_scan(at, kiosk, first.ticket, CodeKind::genuine, Expect::already_admitted,
             Needs::first_known, c);
  }

  // Ids in time order; references follow.
  std::stable_sort(drafts.begin(), drafts.end(), [](const Draft& a, const Draft& b) {
    return a.scan.at != b.scan.at ? a.scan.at < b.scan.at : a.order < b.order;
  });
  std::map<int, int> id_of;
  for (int i = 0; i < static_cast<int>(drafts.size()); ++i)
    id_of[drafts[static_cast<std::size_t>(i)].order] = i;
  for (int i = 0; i < static_cast<int>(drafts.size()); ++i) {
    PlannedScan s = drafts[static_cast<std::size_t>(i)].scan;
    s.id = i;
    if (s.first >= 0) s.first = id_of.at(s.first);
    plan.scans.push_back(s);
  }
  for (auto& f : faults)
    if (f.victim >= 0) f.victim = id_of.at(f.victim);
  return plan;
}

std::vector<Step> timeline(const Plan& plan) {
  std::vector<std::pair<int, Step>> ranked;  // rank decides among steps at the same time
  for (int i = 0; i < static_cast<int>(plan.changes.size()); ++i) {
    const auto& c = plan.changes[static_cast<std::size_t>(i)];
    if (c.at) ranked.push_back({0, {*c.at, StepKind::change, i}});
  }
  for (int i = 0; i < static_cast<int>(plan.faults.size()); ++i) {
    const auto& f = plan.faults[static_cast<std::size_t>(i)];
    if (f.kind != FaultKind::kiosk_kill) ranked.push_back({1, {f.at, StepKind::fault_start, i}});
    ranked.push_back({3, {f.back, StepKind::fault_end, i}});
  }
  for (const auto& s : plan.scans) ranked.push_back({2, {s.at, StepKind::scan, s.id}});
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
    return a.second.at != b.second.at ? a.second.at < b.second.at : a.first < b.first;
  });
  std::vector<Step> steps;
  for (const auto& [rank, step] : ranked) {
    steps.push_back(step);
    if (step.kind != StepKind::scan) continue;
    // A kiosk kill strikes while its victim's badge prints: right after that scan.
    for (int i = 0; i < static_cast<int>(plan.faults.size()); ++i) {
      const auto& f = plan.faults[static_cast<std::size_t>(i)];
      if (f.kind == FaultKind::kiosk_kill && f.victim == step.index)
        steps.push_back({f.at, StepKind::fault_start, i});
    }
  }
  return steps;
}

std::string describe(const Plan& plan) {
  std::string text;
  char line[200];
  for (const auto& c : plan.changes)
    if (!c.at)
      text += std::string("  before     ") + (c.kind == ChangeKind::cancel ? "cancel" : "revoke") +
              " T" + std::to_string(1'000'000 + c.ticket).substr(1) + "\n";
  for (const auto& step : timeline(plan)) {
    const double at = static_cast<double>(step.at.count()) / 1000;
    switch (step.kind) {
      case StepKind::change: {
        const auto& c = plan.changes.at(static_cast<std::size_t>(step.index));
        std::snprintf(line, sizeof line, "%8.3f s  %s T%06d\n", at,
                      c.kind == ChangeKind::cancel ? "cancel" : "revoke", c.ticket);
        break;
      }
      case StepKind::fault_start:
      case StepKind::fault_end: {
        const auto& f = plan.faults.at(static_cast<std::size_t>(step.index));
        std::string kiosks;
        for (const int k : f.kiosks) kiosks += " " + kiosk_name(k);
        std::snprintf(line, sizeof line, "%8.3f s  %s %s%s\n", at,
                      step.kind == StepKind::fault_start ? "start" : "end",
                      std::string(to_string(f.kind)).c_str(), kiosks.c_str());
        break;
      }
      case StepKind::scan: {
        const auto& s = plan.scans.at(static_cast<std::size_t>(step.index));
        static constexpr const char* kCodes[] = {"", " forged", " other-event", " unknown-key"};
        static constexpr const char* kNeeds[] = {"", " (once the first is known)",
                                                 " (once K2 and K3 are offline)",
                                                 " (once the change is known)"};
        std::snprintf(line, sizeof line, "%8.3f s  scan %d %s T%06d%s %s -> %s%s\n", at, s.id,
                      kiosk_name(s.kiosk).c_str(), s.ticket, kCodes[static_cast<int>(s.code)],
                      std::string(to_string(s.style)).c_str(),
                      std::string(to_string(s.expect)).c_str(), kNeeds[static_cast<int>(s.needs)]);
        break;
      }
    }
    text += line;
  }
  return text;
}

bool is_phone(FrameStyle style) {
  return style == FrameStyle::moire_screen || style == FrameStyle::inverted;
}

bool expects_admission(Expect expect) {
  return expect == Expect::admitted || expect == Expect::duplicate;
}

std::string_view to_string(Expect expect) {
  switch (expect) {
    case Expect::admitted:
      return "admitted";
    case Expect::already_admitted:
      return "already_admitted";
    case Expect::duplicate:
      return "admitted (duplicate)";
    case Expect::invalid:
      return "invalid";
    case Expect::unknown_key:
      return "unknown_key";
    case Expect::canceled:
      return "canceled";
    case Expect::revoked:
      return "revoked";
  }
  return "?";
}

std::string_view to_string(FaultKind kind) {
  switch (kind) {
    case FaultKind::paper_out:
      return "paper out";
    case FaultKind::server_kill:
      return "server killed";
    case FaultKind::link_cut:
      return "links cut";
    case FaultKind::kiosk_kill:
      return "kiosk killed during a print";
  }
  return "?";
}

std::string_view refusal_reason(Expect expect) {
  switch (expect) {
    case Expect::admitted:
    case Expect::duplicate:
      return "";
    case Expect::already_admitted:
      return "already_admitted";
    case Expect::invalid:
      return "invalid";
    case Expect::unknown_key:
      return "unknown_key";
    case Expect::canceled:
      return "canceled";
    case Expect::revoked:
      return "revoked";
  }
  return "";
}

}  // namespace einlass::test
