#pragma once
// `einlass-admin import FILE`: registrations from a CSV file, all or nothing.
#include <expected>
#include <filesystem>

#include "admin/admin_error.h"
#include "event/event_config.h"
#include "storage/attendee_repository.h"
#include "storage/database.h"

namespace einlass {

// A file with any bad row changes nothing; the error lists every bad row as
// "FILE:LINE: FIELD: why", one a line.
std::expected<ImportSummary, AdminError> import_registrations(Database& db,
                                                              const EventConfig& event,
                                                              const std::filesystem::path& csv,
                                                              const Clock& clock);

}  // namespace einlass
