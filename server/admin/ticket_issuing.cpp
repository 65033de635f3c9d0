#include "admin/ticket_issuing.h"

#include "admin/event_database.h"
#include "admin/ticket_sheet_text.h"
#include "base/time.h"
#include "render/ticket_sheet.h"
#include "storage/attendee_repository.h"
#include "ticket/ticket_codec.h"
#include "ticket/ticket_issuer.h"

namespace einlass {

std::expected<std::vector<IssuedTicket>, AdminError> issue_tickets(Database& db,
                                                                   const EventConfig& event) {
  auto key = load_signing_key(db);
  if (!key) return std::unexpected(key.error());
  const SystemClock clock;  // only stamps updates, which issuing does not make
  auto registrations = AttendeeRepository{db, clock}.all();
  if (!registrations) return std::unexpected(storage_failure(db.path(), registrations.error()));

  std::vector<IssuedTicket> issued;
  for (auto& registration : *registrations) {
    if (registration.record.status != AttendeeStatus::active) continue;
    Ticket ticket = ticket_for(registration.record, event.id, key->first);
    bool without_badge_fields = false;
    if (!check_encodable(ticket)) {
      ticket.display_name.clear();
      ticket.organisation.clear();
      without_badge_fields = true;
    }
    if (auto ok = check_encodable(ticket); !ok) {
      return std::unexpected(AdminError{format_ticket_id(ticket.ticket_id) + ": " + ok.error()});
    }
    std::string code = issue_ticket(ticket, key->second);
    issued.push_back({std::move(registration), std::move(code), without_badge_fields});
  }
  return issued;
}

std::expected<std::size_t, AdminError> write_ticket_sheets(const std::vector<IssuedTicket>& tickets,
                                                           const EventConfig& event,
                                                           const std::filesystem::path& dir,
                                                           SheetFormats formats) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return std::unexpected(AdminError{dir.string() + ": " + ec.message()});
  std::size_t files = 0;
  for (const auto& issued : tickets) {
    const auto sheet = make_ticket_sheet(event, issued.registration, issued.code);
    const auto stem = dir / format_ticket_id(issued.registration.record.ticket_id);
    for (const auto& [wanted, format, extension] :
         {std::tuple{formats.pdf, DocumentFormat::pdf, ".pdf"},
          std::tuple{formats.png, DocumentFormat::png, ".png"}}) {
      if (!wanted) continue;
      auto path = stem;
      path += extension;
      if (auto written = render_ticket_sheet(sheet, format, path); !written) {
        return std::unexpected(AdminError{written.error()});
      }
      ++files;
    }
  }
  return files;
}

}  // namespace einlass
