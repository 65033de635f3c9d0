#include "admin/registration_import.h"

#include <fstream>
#include <iterator>

#include "admin/event_database.h"
#include "admin/registration_csv.h"

namespace einlass {

namespace {

// 50,000 attendees with long organisation names stay far below this.
constexpr std::uintmax_t kMaxCsvBytes = 64u << 20;

std::expected<std::string, AdminError> read_file(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return std::unexpected(AdminError{path.string() + ": " + ec.message()});
  if (size > kMaxCsvBytes) {
    return std::unexpected(AdminError{path.string() + ": " + std::to_string(size) +
                                      " bytes is more than a registration file can be (64 MiB)"});
  }
  std::ifstream in{path, std::ios::binary};
  if (!in) return std::unexpected(AdminError{path.string() + ": cannot be read"});
  return std::string{std::istreambuf_iterator<char>{in}, {}};
}

}  // namespace

std::expected<ImportSummary, AdminError> import_registrations(Database& db,
                                                              const EventConfig& event,
                                                              const std::filesystem::path& csv,
                                                              const Clock& clock) {
  auto content = read_file(csv);
  if (!content) return std::unexpected(content.error());
  auto parsed = parse_registrations_csv(*content, event);
  if (!parsed) {
    std::string message;
    for (const auto& error : parsed.error()) {
      if (!message.empty()) message += '\n';
      message += csv.string();
      if (error.line > 0) message += ":" + std::to_string(error.line);
      message += ": ";
      if (!error.field.empty()) message += error.field + ": ";
      message += error.message;
    }
    message += "\n" + csv.string() + ": nothing imported (" +
               std::to_string(parsed.error().size()) + " problem" +
               (parsed.error().size() == 1 ? "" : "s") + ")";
    return std::unexpected(AdminError{message});
  }
  auto summary = AttendeeRepository{db, clock}.upsert(*parsed);
  if (!summary) return std::unexpected(storage_failure(db.path(), summary.error()));
  return *summary;
}

}  // namespace einlass
