#pragma once
// The parts of a snapshot gathered in memory until the last one arrives, so the replica is
// replaced all at once or not at all. A snapshot cut short by a disconnect is dropped: the next
// connection asks again from the unchanged cursor.
#include <optional>
#include <vector>

#include "sync/messages.h"

namespace einlass {

struct StagedSnapshot {
  std::optional<ReplicaConfig> config;
  std::vector<AttendeeRecord> attendees;
  std::vector<Revocation> revocations;
  std::vector<AdmissionEvent> admissions;
  std::string cursor;
};

class SnapshotStaging {
 public:
  // Takes one part. Returns the whole snapshot when `part` is the last (more == false) and
  // starts over empty; nullopt while parts are still to come.
  std::optional<StagedSnapshot> add(Changes&& part);
  void reset() { staged_.reset(); }
  bool in_progress() const { return staged_.has_value(); }

 private:
  std::optional<StagedSnapshot> staged_;
};

}  // namespace einlass
