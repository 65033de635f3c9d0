// Property tests: the merge depends only on the set of events, never on delivery order or on how
// often an event arrived, and merging in steps gives what merging at once gives.
#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "eventlog/hlc.h"
#include "eventlog/merge.h"
#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;

namespace {

struct EventSet {
  std::vector<AdmissionEvent> events;
  std::vector<Revocation> revocations;
};

int uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution{lo, hi}(rng);
}

// Many tickets, kiosks and days; entries, exits and manual entries; kiosk clocks that are off and
// occasionally jump back; times on whole minutes so that stamps of different kiosks collide.
EventSet random_event_set(std::uint32_t seed) {
  std::mt19937 rng{seed};
  const std::vector<std::string> kiosks{"kiosk-1", "kiosk-2", "kiosk-3", "kiosk-4",
                                        "kiosk-5", "exit-1",  "desk"};
  const auto first_morning = test::utc(2026, 3, 28, 7);
  std::vector<HlcClock> clocks(kiosks.size());
  std::vector<std::uint64_t> next_seq(kiosks.size(), 1);
  std::vector<std::chrono::minutes> skew(kiosks.size());
  for (auto& s : skew) s = std::chrono::minutes{uniform(rng, -3, 3)};

  EventSet set;
  const int count = uniform(rng, 50, 400);
  for (int i = 0; i < count; ++i) {
    const auto k = static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(kiosks.size()) - 1));
    const int day = uniform(rng, 1, 3);
    const auto scan =
        first_morning + std::chrono::days{day - 1} + std::chrono::minutes{uniform(rng, 0, 10 * 60)};
    AdmissionEvent e;
    e.key = EventKey{kiosks[k], next_seq[k]++};
    e.ticket_id = static_cast<TicketId>(uniform(rng, 1, 40));
    e.event_day = day;
    e.scan_time = scan;
    const int kind = uniform(rng, 0, 99);
    if (kiosks[k] == "exit-1" || kind < 25) {
      e.kind = AdmissionKind::exit;
    } else if (kiosks[k] == "desk" || kind < 35) {
      e.kind = AdmissionKind::manual_entry;
      e.staff = "staff-" + std::to_string(uniform(rng, 1, 3));
      e.reason = "reason " + std::to_string(uniform(rng, 1, 5));
    }
    if (uniform(rng, 0, 9) == 0) {
      // Heard from another kiosk during a sync.
      const auto other = static_cast<std::size_t>(uniform(rng, 0, static_cast<int>(k)));
      clocks[k].observe(clocks[other].last(), scan + skew[k]);
    }
    e.hlc = clocks[k].now(scan + skew[k]);
    set.events.push_back(std::move(e));
  }
  for (int i = uniform(rng, 0, 8); i > 0; --i) {
    set.revocations.push_back(
        Revocation{static_cast<TicketId>(uniform(rng, 1, 40)),
                   first_morning + std::chrono::minutes{uniform(rng, 0, 3 * 24 * 60)}, "test"});
  }
  return set;
}

// The same events again, shuffled, some of them several times.
template <class T>
std::vector<T> shuffled_with_repeats(const std::vector<T>& items, std::mt19937& rng) {
  std::vector<T> out = items;
  const int repeats = uniform(rng, 0, static_cast<int>(items.size()));
  for (int i = 0; i < repeats && !items.empty(); ++i) {
    out.push_back(items[static_cast<std::size_t>(uniform(rng, 0, int(items.size()) - 1))]);
  }
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

std::vector<AdmissionEvent> plain(const std::vector<MergedEvent>& merged) {
  std::vector<AdmissionEvent> out;
  for (const auto& m : merged) out.push_back(m.event);
  return out;
}

// A kiosk that lost its replica reuses some sequence numbers for other scans.
void add_key_clashes(EventSet& set, std::mt19937& rng) {
  const auto original = set.events;
  for (int i = 0; i < 5; ++i) {
    auto clash = original[static_cast<std::size_t>(uniform(rng, 0, int(original.size()) - 1))];
    clash.ticket_id = static_cast<TicketId>(uniform(rng, 1, 40));
    clash.hlc.logical += static_cast<std::uint32_t>(uniform(rng, 0, 1));
    set.events.push_back(clash);
  }
}

}  // namespace

TEST_CASE("merging is independent of order and repetition", "[eventlog][merge][property]") {
  std::mt19937 rng{20260328};
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    const auto set = random_event_set(seed);
    for (const auto policy : {ReentryPolicy::allow_after_exit, ReentryPolicy::deny}) {
      const auto expected = merge_events(set.events, set.revocations, policy);
      REQUIRE(expected.events.size() == set.events.size());  // nothing dropped
      REQUIRE(expected.conflicts.empty());
      for (int round = 0; round < 25; ++round) {
        const auto events = shuffled_with_repeats(set.events, rng);
        const auto revocations = shuffled_with_repeats(set.revocations, rng);
        const auto merged = merge_events(events, revocations, policy);
        INFO("seed " << seed << ", round " << round);
        REQUIRE(merged == expected);
      }
    }
  }
}

TEST_CASE("the random event sets exercise every flag", "[eventlog][merge][property]") {
  // Guards the property test against generating sets where nothing interesting happens.
  std::set<std::string> seen;
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    const auto set = random_event_set(seed);
    const auto merged = merge_events(set.events, set.revocations, ReentryPolicy::allow_after_exit);
    for (const auto& m : merged.events) {
      if (m.duplicate_of) seen.insert("duplicate");
      if (m.admitted_after_revocation) seen.insert("after revocation");
      if (m.event.kind == AdmissionKind::manual_entry && m.duplicate_of) seen.insert("manual dup");
    }
    for (const auto& s : merged.states) {
      if (s.admitted && !s.on_site) seen.insert("left");
      if (s.current_admission != s.first_admission) seen.insert("re-entry");
    }
    for (std::size_t i = 1; i < merged.events.size(); ++i) {
      if (merged.events[i].event.hlc == merged.events[i - 1].event.hlc) seen.insert("equal stamps");
    }
  }
  CHECK(seen == std::set<std::string>{"duplicate", "after revocation", "manual dup", "left",
                                      "re-entry", "equal stamps"});
}

// A conflict inside A is settled by merge(A), so merging in steps reports fewer conflicts than
// merging at once; the history (events, flags, states) must come out the same either way.
TEST_CASE("merging in steps gives the same history as merging at once, key clashes included",
          "[eventlog][merge][property]") {
  std::mt19937 rng{4711};
  for (std::uint32_t seed = 100; seed < 140; ++seed) {
    auto set = random_event_set(seed);
    add_key_clashes(set, rng);
    for (const auto policy : {ReentryPolicy::allow_after_exit, ReentryPolicy::deny}) {
      // A and B overlap: an event may have reached the server and a kiosk alike.
      std::vector<AdmissionEvent> a, b;
      for (const auto& e : set.events) {
        const int where = uniform(rng, 0, 2);
        if (where != 1) a.push_back(e);
        if (where != 0) b.push_back(e);
      }
      std::vector<AdmissionEvent> both = a;
      both.insert(both.end(), b.begin(), b.end());

      auto stepwise = plain(merge_events(a, set.revocations, policy).events);
      stepwise.insert(stepwise.end(), b.begin(), b.end());
      INFO("seed " << seed);
      const auto in_steps = merge_events(stepwise, set.revocations, policy);
      const auto at_once = merge_events(both, set.revocations, policy);
      REQUIRE(in_steps.events == at_once.events);
      REQUIRE(in_steps.states == at_once.states);
      // And merging a merged history again changes nothing.
      const auto again = merge_events(plain(at_once.events), set.revocations, policy);
      REQUIRE(again.events == at_once.events);
      REQUIRE(again.states == at_once.states);
    }
  }
}

TEST_CASE("conflicting versions of a key resolve the same way in any order",
          "[eventlog][merge][property]") {
  std::mt19937 rng{99};
  for (std::uint32_t seed = 200; seed < 220; ++seed) {
    auto set = random_event_set(seed);
    const auto original = set.events;
    add_key_clashes(set, rng);
    const auto expected = merge_events(set.events, set.revocations, ReentryPolicy::deny);
    REQUIRE_FALSE(expected.conflicts.empty());
    REQUIRE(expected.events.size() == original.size());
    for (int round = 0; round < 10; ++round) {
      const auto merged = merge_events(shuffled_with_repeats(set.events, rng), set.revocations,
                                       ReentryPolicy::deny);
      REQUIRE(merged == expected);
    }
  }
}
