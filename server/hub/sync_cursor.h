#pragma once
// The pull cursor a kiosk keeps: "<event id>.<sync_log id>", the position after the last change it
// received. Opaque to the kiosk; only the server reads it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ticket/ticket.h"

namespace einlass {

struct SyncCursor {
  EventId event = 0;
  std::int64_t position = 0;  // a sync_log id
  bool operator==(const SyncCursor&) const = default;
};

std::string format_cursor(const SyncCursor& cursor);
// nullopt for anything format_cursor does not write (empty, garbage, negative, overflowing).
std::optional<SyncCursor> parse_cursor(std::string_view text);

// The position to continue from, or nullopt when the kiosk needs a snapshot: no cursor, one that
// does not parse, one of another event, or one beyond the newest change (the database was
// replaced by an older copy).
std::optional<std::int64_t> continue_from(std::string_view cursor, EventId event,
                                          std::int64_t newest);

}  // namespace einlass
