#include "storage/column_codes.h"

#include <string>

#include "storage/sql_support.h"

namespace einlass::storage_detail {

namespace {
[[noreturn]] void unknown(std::string_view column, std::string_view text) {
  fail(StorageError::Kind::corrupt,
       "unknown value '" + std::string(text) + "' in column " + std::string(column));
}
}  // namespace

std::string_view to_column(ReentryPolicy policy) {
  switch (policy) {
    case ReentryPolicy::deny:
      return "deny";
    case ReentryPolicy::allow_after_exit:
      return "allow_after_exit";
  }
  return "allow_after_exit";
}

ReentryPolicy reentry_from_column(std::string_view text) {
  for (auto p : {ReentryPolicy::deny, ReentryPolicy::allow_after_exit}) {
    if (to_column(p) == text) return p;
  }
  unknown("event.reentry", text);
}

AttendeeStatus status_from_column(std::string_view text) {
  for (auto s : {AttendeeStatus::active, AttendeeStatus::canceled, AttendeeStatus::blocked}) {
    if (to_string(s) == text) return s;
  }
  unknown("attendees.status", text);
}

AdmissionKind admission_kind_from_column(std::string_view text) {
  for (auto k : {AdmissionKind::entry, AdmissionKind::exit, AdmissionKind::manual_entry}) {
    if (to_string(k) == text) return k;
  }
  unknown("admission_events.kind", text);
}

PrintJobState print_job_state_from_column(std::string_view text) {
  for (auto s : {PrintJobState::queued, PrintJobState::printing, PrintJobState::done,
                 PrintJobState::failed}) {
    if (to_string(s) == text) return s;
  }
  unknown("print_jobs.state", text);
}

}  // namespace einlass::storage_detail
