#pragma once
// Internal to einlass_storage: enums as the text stored in their columns and back. Text rather
// than numbers so that a look at the file with sqlite3 explains itself; the CHECK constraints in
// the schema list the same words.
#include <string_view>

#include "event/attendee.h"
#include "event/event_config.h"
#include "eventlog/admission_event.h"
#include "storage/print_job_repository.h"

namespace einlass::storage_detail {

std::string_view to_column(ReentryPolicy policy);

// These fail with StorageError::Kind::corrupt on a word the schema does not allow.
ReentryPolicy reentry_from_column(std::string_view text);
AttendeeStatus status_from_column(std::string_view text);
AdmissionKind admission_kind_from_column(std::string_view text);
PrintJobState print_job_state_from_column(std::string_view text);

}  // namespace einlass::storage_detail
