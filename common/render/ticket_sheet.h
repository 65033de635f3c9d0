#pragma once
// The printable ticket that organisers mail to attendees: a page with the QR code and what the
// attendee needs to recognise it as theirs.
#include <expected>
#include <filesystem>
#include <string>

namespace einlass {

struct TicketSheet {
  std::string event_name;
  std::string event_dates;  // "28.–29. März 2026"
  std::string attendee_name;
  std::string organisation;
  std::string category_label;   // "Referent"
  std::string category_colour;  // "#C0392B"
  std::string days_text;        // "Gültig: Sa 28.03. und So 29.03.2026"
  std::string ticket_id_text;   // "T000042"
  std::string code;             // the ticket's text form, drawn as QR
};

enum class DocumentFormat { pdf, png };

// Writes one A6 page. PNG is rendered at 300 dpi.
std::expected<void, std::string> render_ticket_sheet(const TicketSheet& sheet,
                                                     DocumentFormat format,
                                                     const std::filesystem::path& out);

}  // namespace einlass
