#include "admin/staff_cards.h"

#include "admin/audited_change.h"
#include "admin/ticket_sheet_text.h"
#include "base/text.h"
#include "staffcard/pin.h"
#include "staffcard/staff_card_codec.h"
#include "staffcard/staff_card_issuer.h"

namespace einlass {

namespace {

// Dark slate: a staff card must not look like any attendee category's sheet.
constexpr const char* kStaffSheetColour = "#2C3E50";

}  // namespace

std::expected<IssuedStaffCard, AdminError> issue_staff_card(EventDatabase& event,
                                                            const Actor& actor,
                                                            std::string_view name,
                                                            std::string_view pin,
                                                            PinHashParams pin_hash) {
  Database& db = event.db;
  const std::string_view staff_name = trim(name);
  if (auto ok = check_staff_name(staff_name); !ok) {
    return std::unexpected(AdminError{"staff-card: " + ok.error()});
  }
  if (auto ok = check_pin_policy(pin); !ok) {
    return std::unexpected(AdminError{"staff-card: " + ok.error()});
  }
  if (auto ok = check_pin_hash_params(pin_hash); !ok) {
    return std::unexpected(AdminError{"staff-card: " + ok.error()});
  }
  auto key = load_signing_key(db);
  if (!key) return std::unexpected(key.error());

  StaffCard card;
  card.event_id = event.event.id;
  card.key_id = key->first;
  card.staff_name = std::string{staff_name};
  card.issued_at = actor.at;
  // The slow hash before the transaction, so the write lock is held for milliseconds only.
  card.pin = make_pin_verifier(pin, pin_hash);

  auto change = AuditedChange::begin(db);
  if (!change) return std::unexpected(change.error());
  auto id = StaffCardRepository{db}.add(card.staff_name, card.key_id, card.issued_at);
  if (!id) return std::unexpected(storage_failure(db.path(), id.error()));
  card.card_id = *id;
  if (auto ok = check_encodable(card); !ok) {
    return std::unexpected(AdminError{"staff-card: " + ok.error()});
  }
  IssuedStaffCard issued{card, sign_staff_card(card, key->second)};
  if (auto done = change->finish(actor, "issue_staff_card", format_staff_card_id(card.card_id), "");
      !done) {
    return std::unexpected(done.error());
  }
  return issued;
}

std::expected<bool, AdminError> revoke_staff_card(Database& db, StaffCardId id, const Actor& actor,
                                                  std::string_view why) {
  if (trim(why).empty()) {
    return std::unexpected(
        AdminError{"staff-card revoke: --reason is required (it goes into the audit log)"});
  }
  auto change = AuditedChange::begin(db);
  if (!change) return std::unexpected(change.error());
  auto revoked = StaffCardRepository{db}.revoke(id, actor.at, why);
  if (!revoked) return std::unexpected(storage_failure(db.path(), revoked.error()));
  switch (*revoked) {
    case StaffCardRevocation::no_such_card:
      return std::unexpected(AdminError{format_staff_card_id(id) + ": no such staff card"});
    case StaffCardRevocation::already_revoked:
      return false;  // nothing changed, nothing to audit
    case StaffCardRevocation::revoked:
      break;
  }
  if (auto done = change->finish(actor, "revoke_staff_card", format_staff_card_id(id), why);
      !done) {
    return std::unexpected(done.error());
  }
  return true;
}

std::expected<std::vector<StaffCardRecord>, AdminError> list_staff_cards(Database& db) {
  auto all = StaffCardRepository{db}.all();
  if (!all) return std::unexpected(storage_failure(db.path(), all.error()));
  return std::move(*all);
}

std::string format_staff_card_line(const StaffCardRecord& record) {
  std::string line = format_staff_card_id(record.id) + "  " + record.staff_name + "  issued " +
                     format_utc(record.issued_at) + "  key " + std::to_string(record.key_id);
  if (record.revoked_at) {
    line += "  revoked " + format_utc(*record.revoked_at);
    if (!record.revoke_reason.empty()) line += ": " + record.revoke_reason;
  }
  return line;
}

std::expected<void, AdminError> write_staff_card_sheet(const EventConfig& event,
                                                       const IssuedStaffCard& issued,
                                                       DocumentFormat format,
                                                       const std::filesystem::path& out) {
  TicketSheet sheet;
  sheet.event_name = event.name;
  sheet.event_dates = format_event_dates(event);
  sheet.attendee_name = issued.card.staff_name;
  sheet.organisation = "Staff-Karte · staff card";
  sheet.category_label = "PERSONAL · STAFF";
  sheet.category_colour = kStaffSheetColour;
  sheet.days_text = "Nur mit PIN gültig – PIN nie weitergeben · valid with PIN only";
  sheet.ticket_id_text = format_staff_card_id(issued.card.card_id);
  sheet.code = issued.text;
  if (auto written = render_ticket_sheet(sheet, format, out); !written) {
    return std::unexpected(AdminError{written.error()});
  }
  return {};
}

}  // namespace einlass
