#include "eventlog/merge.h"

#include <algorithm>
#include <cstddef>
#include <map>
#include <tuple>
#include <utility>

namespace einlass {

namespace {

bool is_entry(AdmissionKind kind) {
  return kind != AdmissionKind::exit;
}

// A total order over everything an event says, so that which version of a conflicting key is
// kept does not depend on arrival order. The earliest stamp wins: the version written first.
auto content_tie(const AdmissionEvent& e) {
  return std::tie(e.hlc, e.key, e.scan_time, e.ticket_id, e.kind, e.event_day, e.staff, e.reason);
}
bool content_less(const AdmissionEvent& a, const AdmissionEvent& b) {
  return content_tie(a) < content_tie(b);
}

// The merge order: hybrid clock first, then the key so that equal stamps still order totally.
bool merge_order(const AdmissionEvent& a, const AdmissionEvent& b) {
  return std::tie(a.hlc, a.key.kiosk_id, a.key.seq) < std::tie(b.hlc, b.key.kiosk_id, b.key.seq);
}

// One version per key, conflicts reported. Sorting by (key, content) puts equal events next to
// each other whatever order they came in.
std::vector<AdmissionEvent> unique_by_key(std::span<const AdmissionEvent> events,
                                          std::vector<KeyConflict>& conflicts) {
  std::vector<AdmissionEvent> sorted(events.begin(), events.end());
  std::sort(sorted.begin(), sorted.end(), [](const AdmissionEvent& a, const AdmissionEvent& b) {
    if (a.key != b.key) return a.key < b.key;
    return content_less(a, b);
  });
  sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());

  std::vector<AdmissionEvent> kept;
  kept.reserve(sorted.size());
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t end = i + 1;
    while (end < sorted.size() && sorted[end].key == sorted[i].key) ++end;
    kept.push_back(sorted[i]);
    if (end - i > 1) {
      conflicts.push_back(KeyConflict{
          sorted[i].key,
          std::vector<AdmissionEvent>(sorted.begin() + static_cast<std::ptrdiff_t>(i),
                                      sorted.begin() + static_cast<std::ptrdiff_t>(end))});
    }
    i = end;
  }
  return kept;
}

// The earliest revocation per ticket: a ticket revoked twice was revoked from the first time on.
std::map<TicketId, Timestamp> earliest_revocations(std::span<const Revocation> revocations) {
  std::map<TicketId, Timestamp> earliest;
  for (const auto& r : revocations) {
    auto [it, inserted] = earliest.emplace(r.ticket_id, r.revoked_at);
    if (!inserted) it->second = std::min(it->second, r.revoked_at);
  }
  return earliest;
}

void apply(MergedEvent& merged, TicketDayState& state, ReentryPolicy policy) {
  const AdmissionEvent& e = merged.event;
  if (!is_entry(e.kind)) {
    // Exits never duplicate anything; they only end a stay.
    ++state.exits;
    state.on_site = false;
    return;
  }
  ++state.entries;
  const bool given_back = policy == ReentryPolicy::allow_after_exit && !state.on_site;
  if (state.admitted && !given_back) {
    merged.duplicate_of = state.current_admission;
  } else {
    if (!state.admitted) state.first_admission = e.key;
    state.admitted = true;
    state.current_admission = e.key;
  }
  state.on_site = true;
}

}  // namespace

MergeResult merge_events(std::span<const AdmissionEvent> events,
                         std::span<const Revocation> revocations, ReentryPolicy policy) {
  MergeResult result;
  std::vector<AdmissionEvent> kept = unique_by_key(events, result.conflicts);
  std::sort(kept.begin(), kept.end(), merge_order);

  const auto revoked = earliest_revocations(revocations);
  std::map<std::pair<TicketId, int>, TicketDayState> states;
  result.events.reserve(kept.size());
  for (auto& e : kept) {
    MergedEvent merged{std::move(e), std::nullopt, false};
    auto [it, inserted] = states.try_emplace({merged.event.ticket_id, merged.event.event_day});
    TicketDayState& state = it->second;
    if (inserted) {
      state.ticket_id = merged.event.ticket_id;
      state.event_day = merged.event.event_day;
    }
    apply(merged, state, policy);
    if (is_entry(merged.event.kind)) {
      const auto r = revoked.find(merged.event.ticket_id);
      merged.admitted_after_revocation = r != revoked.end() && merged.event.scan_time >= r->second;
    }
    result.events.push_back(std::move(merged));
  }

  result.states.reserve(states.size());
  for (auto& [ticket_day, state] : states) result.states.push_back(std::move(state));
  return result;
}

const TicketDayState* find_state(const MergeResult& merged, TicketId ticket, int event_day) {
  const auto it =
      std::lower_bound(merged.states.begin(), merged.states.end(), std::pair{ticket, event_day},
                       [](const TicketDayState& s, const std::pair<TicketId, int>& k) {
                         return std::pair{s.ticket_id, s.event_day} < k;
                       });
  if (it == merged.states.end() || it->ticket_id != ticket || it->event_day != event_day) {
    return nullptr;
  }
  return &*it;
}

const MergedEvent* find_event(const MergeResult& merged, const EventKey& key) {
  const auto it = std::find_if(merged.events.begin(), merged.events.end(),
                               [&](const MergedEvent& m) { return m.event.key == key; });
  return it == merged.events.end() ? nullptr : &*it;
}

std::size_t count_on_site(const MergeResult& merged, int event_day) {
  return static_cast<std::size_t>(std::count_if(
      merged.states.begin(), merged.states.end(),
      [&](const TicketDayState& s) { return s.event_day == event_day && s.on_site; }));
}

}  // namespace einlass
