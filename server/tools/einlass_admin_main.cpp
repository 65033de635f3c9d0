// einlass-admin: the organisers' command line. Parses options, calls server/admin, prints.
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <random>

#include "admin/code_check.h"
#include "admin/event_database.h"
#include "admin/event_setup.h"
#include "admin/registration_import.h"
#include "admin/ticket_argument.h"
#include "admin/ticket_issuing.h"
#include "admin/time_argument.h"
#include "storage/attendee_repository.h"
#include "storage/audit_repository.h"
#include "storage/key_repository.h"
#include "storage/revocation_repository.h"

namespace {

using namespace einlass;

constexpr int kRefused = 3;  // `verify`: the code was read and refused

int fail(const AdminError& error) {
  std::cerr << "einlass-admin: " << error.message << '\n';
  return error.exit_code;
}

int fail(std::string message) {
  return fail(AdminError{std::move(message)});
}

// Who ran the command, for the audit trail: the login behind sudo, else the user.
std::string operator_name() {
  for (const char* var : {"SUDO_USER", "USER", "LOGNAME"}) {
    if (const char* value = std::getenv(var); value != nullptr && *value != '\0') return value;
  }
  return "einlass-admin";
}

// Writes the audit entry for an organiser's change; a failure is reported, not hidden.
int audited(Database& db, const std::string& action, const std::string& subject,
            const std::string& why) {
  auto written = AuditRepository{db}.append(
      {0, SystemClock{}.now(), "cli:" + operator_name(), action, subject, why});
  if (!written) return fail(storage_failure(db.path(), written.error()));
  return 0;
}

EventId random_event_id() {
  std::random_device entropy;
  std::uniform_int_distribution<EventId> pick{1, 0xFFFFFFFFu};
  return pick(entropy);
}

struct Options {
  std::string db = "einlass.db";
  // init
  std::string name, first_day, time_zone = "Europe/Berlin", reentry = "allow";
  int days = 1;
  // import
  std::string csv;
  // tickets
  std::string out_dir, format = "pdf,png";
  // verify
  std::string code, at, kiosk = "einlass-admin";
  bool exit_mode = false;
  std::vector<std::string> categories;
  // cancel / revoke / keys
  std::string ticket, reason;
  int key_id = 0;
};

int run_init(const Options& o) {
  auto first_day = parse_iso_date(o.first_day);
  if (!first_day) return fail("--first-day: " + first_day.error());
  NewEvent request{o.name, *first_day, o.days, o.time_zone,
                   o.reentry == "deny" ? ReentryPolicy::deny : ReentryPolicy::allow_after_exit};
  auto event = init_event(o.db, request, random_event_id(), SystemClock{}.now());
  if (!event) return fail(event.error());
  std::cout << "created " << o.db << ": \"" << event->name << "\", " << event->day_count
            << " day(s) from " << o.first_day << " (" << event->time_zone << "), event id "
            << event->id << ", signing key 1\n";
  return 0;
}

int run_import(const Options& o) {
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  const SystemClock clock;
  auto summary = import_registrations(opened->db, opened->event, o.csv, clock);
  if (!summary) return fail(summary.error());
  std::cout << "imported " << o.csv << ": " << summary->added << " added, " << summary->updated
            << " updated, " << summary->unchanged << " unchanged\n";
  return 0;
}

int run_tickets(const Options& o) {
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  auto issued = issue_tickets(opened->db, opened->event);
  if (!issued) return fail(issued.error());
  if (o.format == "text") {
    for (const auto& t : *issued) std::cout << t.code << '\n';
    return 0;
  }
  SheetFormats formats{o.format.find("pdf") != std::string::npos,
                       o.format.find("png") != std::string::npos};
  if ((!formats.pdf && !formats.png) || o.out_dir.empty()) {
    return fail("tickets: give --out DIR with --format pdf, png or pdf,png; or --format text");
  }
  auto files = write_ticket_sheets(*issued, opened->event, o.out_dir, formats);
  if (!files) return fail(files.error());
  std::size_t bare = 0;
  for (const auto& t : *issued) bare += t.without_badge_fields ? 1 : 0;
  std::cout << "wrote " << *files << " file(s) for " << issued->size() << " ticket(s) to "
            << o.out_dir << '\n';
  if (bare > 0) {
    std::cout << bare
              << " ticket(s) carry no name (too long for the code); kiosks print their "
                 "badge from the synced record\n";
  }
  return 0;
}

int run_verify(const Options& o) {
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  Timestamp at = SystemClock{}.now();
  if (!o.at.empty()) {
    auto parsed = parse_time_argument(o.at, opened->event.time_zone);
    if (!parsed) return fail("--at: " + parsed.error());
    at = *parsed;
  }
  Entrance entrance{o.kiosk, o.exit_mode ? EntranceMode::exit : EntranceMode::entry, {}};
  for (const auto& name : o.categories) {
    const Category* category = find_category(opened->event, name);
    if (!category) return fail("--category: '" + name + "' is not a category of this event");
    entrance.admitted_categories.push_back(category->code);
  }
  auto result = check_code(opened->db, opened->event, o.code, at, entrance);
  if (!result) return fail(result.error());
  std::cout << result->dump(2) << '\n';
  return (*result)["verdict"] == "admit" ? 0 : kRefused;
}

int run_status_change(const Options& o, AttendeeStatus status) {
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  auto id = parse_ticket_argument(o.ticket);
  if (!id) return fail(id.error());
  const SystemClock clock;
  auto changed = AttendeeRepository{opened->db, clock}.set_status(*id, status);
  if (!changed) return fail(storage_failure(o.db, changed.error()));
  if (!*changed) return fail(format_ticket_id(*id) + ": no such ticket");
  std::cout << format_ticket_id(*id) << ": " << to_string(status) << '\n';
  const std::string action = status == AttendeeStatus::active     ? "reactivate"
                             : status == AttendeeStatus::canceled ? "cancel"
                                                                  : "block";
  return audited(opened->db, action, format_ticket_id(*id), o.reason);
}

int run_revoke(const Options& o) {
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  auto id = parse_ticket_argument(o.ticket);
  if (!id) return fail(id.error());
  if (o.reason.empty()) return fail("revoke: --reason is required (it goes into the audit trail)");
  auto revoked = RevocationRepository{opened->db}.revoke(*id, SystemClock{}.now(), o.reason);
  if (!revoked) return fail(storage_failure(o.db, revoked.error()));
  std::cout << format_ticket_id(*id) << (*revoked ? ": revoked\n" : ": was already revoked\n");
  return *revoked ? audited(opened->db, "revoke", format_ticket_id(*id), o.reason) : 0;
}

int run_keys_list(const Options& o) {
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  auto keys = KeyRepository{opened->db}.keys();
  if (!keys) return fail(storage_failure(o.db, keys.error()));
  for (const auto& key : *keys) {
    std::cout << "key " << int(key.id) << "  created " << format_utc(key.created)
              << (key.retired() ? "  retired " + format_utc(*key.retired_at) : "  active") << '\n';
  }
  return 0;
}

int run_keys_rotate(const Options& o) {
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  KeyRepository keys{opened->db};
  auto id = keys.next_free_key_id();
  if (!id) return fail(storage_failure(o.db, id.error()));
  const auto key = SigningKey::generate();
  if (auto added = keys.add_signing_key(*id, key.to_pem(), key.public_key(), SystemClock{}.now());
      !added) {
    return fail(storage_failure(o.db, added.error()));
  }
  std::cout << "key " << int(*id)
            << " now signs new tickets; tickets signed with older keys stay valid until those "
               "keys are retired\n";
  return audited(opened->db, "rotate_key", "key " + std::to_string(*id), "");
}

int run_keys_retire(const Options& o) {
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  if (o.key_id < 1 || o.key_id > 255) return fail("keys retire: a key id is 1..255");
  auto retired =
      KeyRepository{opened->db}.retire(static_cast<KeyId>(o.key_id), SystemClock{}.now());
  if (!retired) return fail(storage_failure(o.db, retired.error()));
  if (!*retired) return fail("key " + std::to_string(o.key_id) + ": no such key");
  std::cout << "key " << o.key_id << " retired: tickets signed with it are now unknown_key\n";
  return audited(opened->db, "retire_key", "key " + std::to_string(o.key_id), "");
}

int run_audit(const Options& o) {
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  auto entries = AuditRepository{opened->db}.all();
  if (!entries) return fail(storage_failure(o.db, entries.error()));
  for (const auto& e : *entries) {
    std::cout << format_utc(e.at) << "  " << e.who << "  " << e.action << "  " << e.subject
              << (e.why.empty() ? "" : "  \"" + e.why + "\"") << '\n';
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"einlass-admin: create an event, import registrations, issue and check tickets"};
  app.require_subcommand(1);
  Options o;
  app.add_option("--db", o.db, "The event database")->envname("EINLASS_DB")->capture_default_str();

  auto* init = app.add_subcommand("init", "Create an event and its signing key in a new database");
  init->add_option("--name", o.name, "Event name")->required();
  init->add_option("--first-day", o.first_day, "First day, YYYY-MM-DD")->required();
  init->add_option("--days", o.days, "Number of days")
      ->check(CLI::Range(1, 32))
      ->capture_default_str();
  init->add_option("--time-zone", o.time_zone, "IANA time zone")->capture_default_str();
  init->add_option("--reentry", o.reentry, "Re-entry after an exit scan: allow or deny")
      ->check(CLI::IsMember({"allow", "deny"}))
      ->capture_default_str();

  auto* import = app.add_subcommand("import", "Import registrations from CSV (all or nothing)");
  import->add_option("FILE", o.csv, "CSV file")->required();

  auto* tickets = app.add_subcommand("tickets", "Issue signed tickets for active registrations");
  tickets->add_option("--out", o.out_dir, "Folder for PDF/PNG tickets");
  tickets->add_option("--format", o.format, "pdf, png, pdf,png or text")->capture_default_str();

  auto* verify = app.add_subcommand("verify", "Print the decision for a code as JSON");
  verify->add_option("CODE", o.code, "The ticket code")->required();
  verify->add_option("--at", o.at, "Decide as of this time (event-local, or with Z/offset)");
  verify->add_option("--kiosk", o.kiosk, "Kiosk id to decide as")->capture_default_str();
  verify->add_flag("--exit", o.exit_mode, "Decide as an exit");
  verify->add_option("--category", o.categories, "Admit only these categories (repeatable)");

  auto* cancel = app.add_subcommand("cancel", "Cancel a registration");
  cancel->add_option("TICKET", o.ticket, "Ticket id, e.g. T000042")->required();
  cancel->add_option("--reason", o.reason, "Why (goes into the audit log)");
  auto* block = app.add_subcommand("block", "Block an attendee from entry");
  block->add_option("TICKET", o.ticket, "Ticket id")->required();
  block->add_option("--reason", o.reason, "Why (goes into the audit log)");
  auto* reactivate = app.add_subcommand("reactivate", "Undo a cancellation or block");
  reactivate->add_option("TICKET", o.ticket, "Ticket id")->required();
  reactivate->add_option("--reason", o.reason, "Why (goes into the audit log)");
  auto* revoke = app.add_subcommand("revoke", "Revoke a ticket (kiosks refuse it once synced)");
  revoke->add_option("TICKET", o.ticket, "Ticket id")->required();
  revoke->add_option("--reason", o.reason, "Why")->required();

  auto* keys = app.add_subcommand("keys", "Ticket signing keys");
  keys->require_subcommand(1);
  auto* keys_list = keys->add_subcommand("list", "List keys");
  auto* audit = app.add_subcommand("audit", "Print the audit log, oldest first");
  auto* keys_rotate = keys->add_subcommand("rotate", "Add a key that signs new tickets");
  auto* keys_retire =
      keys->add_subcommand("retire", "Retire a key: its tickets become unknown_key");
  keys_retire->add_option("ID", o.key_id, "Key id")->required();

  CLI11_PARSE(app, argc, argv);

  if (*init) return run_init(o);
  if (*import) return run_import(o);
  if (*tickets) return run_tickets(o);
  if (*verify) return run_verify(o);
  if (*cancel) return run_status_change(o, AttendeeStatus::canceled);
  if (*block) return run_status_change(o, AttendeeStatus::blocked);
  if (*reactivate) return run_status_change(o, AttendeeStatus::active);
  if (*revoke) return run_revoke(o);
  if (*keys_list) return run_keys_list(o);
  if (*audit) return run_audit(o);
  if (*keys_rotate) return run_keys_rotate(o);
  if (*keys_retire) return run_keys_retire(o);
  return 2;
}
