// einlass-admin: the organisers' command line. Parses options, calls server/admin, prints.
#include <CLI/CLI.hpp>
#include <array>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <random>

#include "admin/code_check.h"
#include "admin/event_database.h"
#include "admin/event_setup.h"
#include "admin/kiosk_provisioning.h"
#include "admin/organiser_actions.h"
#include "admin/registration_import.h"
#include "admin/server_setup.h"
#include "admin/staff_cards.h"
#include "admin/ticket_argument.h"
#include "admin/ticket_issuing.h"
#include "admin/time_argument.h"
#include "admin/tls_setup.h"
#include "base/date_text.h"
#include "hub/kiosk_commands.h"
#include "hub/status_report.h"
#include "secret_prompt.h"
#include "staff_commands.h"
#include "storage/audit_repository.h"
#include "storage/key_repository.h"

namespace {

using namespace einlass;

constexpr int kFailed = 1;
constexpr int kRefused = 3;  // `verify`: the code was read and refused

int fail(const AdminError& error) {
  std::cerr << "einlass-admin: " << error.message << '\n';
  return kFailed;
}

int fail(std::string message) {
  return fail(AdminError{std::move(message)});
}

EventId random_event_id() {
  std::random_device entropy;
  std::uniform_int_distribution<EventId> pick{1, 0xFFFFFFFFu};
  return pick(entropy);
}

// Who ran the command, for the audit log: the login behind sudo, else the user.
Actor command_line_actor() {
  std::string who = "einlass-admin";
  for (const char* var : {"SUDO_USER", "USER", "LOGNAME"}) {
    if (const char* value = std::getenv(var); value != nullptr && *value != '\0') {
      who = value;
      break;
    }
  }
  return Actor{"cli:" + who, SystemClock{}.now()};
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
  // cancel / block / reactivate / revoke / keys
  std::string ticket, reason;
  int key_id = 0;
  // provision-kiosk, revoke-kiosk
  std::string kiosk_name, server;
  // setup-server
  std::string listen = "0.0.0.0:7443";
  std::vector<std::string> hosts;
  std::optional<std::string> service_group;
  // staff-card
  std::string staff_name, card, card_out;
  // status, kiosk-command
  bool json = false;
  std::string command;
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

int run_import(EventDatabase& opened, const Options& o) {
  const SystemClock clock;
  auto summary = import_registrations(opened.db, opened.event, o.csv, clock);
  if (!summary) return fail(summary.error());
  std::cout << "imported " << o.csv << ": " << summary->added << " added, " << summary->updated
            << " updated, " << summary->unchanged << " unchanged\n";
  return 0;
}

int run_tickets(EventDatabase& opened, const Options& o) {
  auto issued = issue_tickets(opened.db, opened.event);
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
  auto files = write_ticket_sheets(*issued, opened.event, o.out_dir, formats);
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

int run_verify(EventDatabase& opened, const Options& o) {
  Timestamp at = SystemClock{}.now();
  if (!o.at.empty()) {
    auto parsed = parse_time_argument(o.at, opened.calendar);
    if (!parsed) return fail("--at: " + parsed.error());
    at = *parsed;
  }
  Entrance entrance{o.kiosk, o.exit_mode ? EntranceMode::exit : EntranceMode::entry, {}};
  for (const auto& name : o.categories) {
    const Category* category = find_category(opened.event, name);
    if (!category) return fail("--category: '" + name + "' is not a category of this event");
    entrance.admitted_categories.push_back(category->code);
  }
  auto result = check_code(opened, o.code, at, entrance);
  if (!result) return fail(result.error());
  std::cout << result->dump(2) << '\n';
  return (*result)["verdict"] == "admit" ? 0 : kRefused;
}

int run_status_change(EventDatabase& opened, const Options& o, AttendeeStatus status) {
  auto id = parse_ticket_argument(o.ticket);
  if (!id) return fail(id.error());
  if (auto changed = change_status(opened.db, *id, status, command_line_actor(), o.reason);
      !changed) {
    return fail(changed.error());
  }
  std::cout << format_ticket_id(*id) << ": " << to_string(status) << '\n';
  return 0;
}

int run_revoke(EventDatabase& opened, const Options& o) {
  auto id = parse_ticket_argument(o.ticket);
  if (!id) return fail(id.error());
  auto revoked = revoke_ticket(opened.db, *id, command_line_actor(), o.reason);
  if (!revoked) return fail(revoked.error());
  std::cout << format_ticket_id(*id) << (*revoked ? ": revoked\n" : ": was already revoked\n");
  return 0;
}

int run_keys_list(EventDatabase& opened) {
  auto keys = KeyRepository{opened.db}.keys();
  if (!keys) return fail(storage_failure(opened.db.path(), keys.error()));
  for (const auto& key : *keys) {
    std::cout << "key " << int(key.id) << "  created " << format_utc(key.created)
              << (key.retired() ? "  retired " + format_utc(*key.retired_at) : "  active") << '\n';
  }
  return 0;
}

int run_keys_rotate(EventDatabase& opened) {
  auto id = rotate_signing_key(opened.db, command_line_actor());
  if (!id) return fail(id.error());
  std::cout << "key " << int(*id)
            << " now signs new tickets; tickets signed with older keys stay valid until those "
               "keys are retired\n";
  return 0;
}

int run_keys_retire(EventDatabase& opened, const Options& o) {
  if (o.key_id < 1 || o.key_id > 255) return fail("keys retire: a key id is 1..255");
  const auto id = static_cast<KeyId>(o.key_id);
  if (auto retired = retire_signing_key(opened.db, id, command_line_actor()); !retired) {
    return fail(retired.error());
  }
  std::cout << "key " << o.key_id << " retired: tickets signed with it are now unknown_key\n";
  return 0;
}

int run_audit(EventDatabase& opened) {
  auto entries = AuditRepository{opened.db}.all();
  if (!entries) return fail(storage_failure(opened.db.path(), entries.error()));
  for (const auto& e : *entries) {
    std::cout << format_utc(e.at) << "  " << e.who << "  " << e.action << "  " << e.subject
              << (e.why.empty() ? "" : "  \"" + e.why + "\"") << '\n';
  }
  return 0;
}

int run_status(EventDatabase& opened, const Options& o) {
  auto report = load_status(opened.db, SystemClock{});
  if (!report) return fail(report.error().message);
  std::cout << (o.json ? status_json(*report) + "\n" : status_text(*report));
  return 0;
}

int run_kiosk_command(EventDatabase& opened, const Options& o) {
  CommandRequest request;
  request.kind = o.command == "pause"    ? CommandKind::pause
                 : o.command == "resume" ? CommandKind::resume
                                         : CommandKind::reprint;
  request.kiosk_id = o.kiosk_name;
  request.staff = command_line_actor().who;
  request.reason = o.reason;
  if (!o.ticket.empty()) {
    auto ticket = parse_ticket_argument(o.ticket);
    if (!ticket) return fail(ticket.error());
    request.ticket_id = *ticket;
  } else if (request.kind == CommandKind::reprint) {
    return fail("reprint: name the ticket whose badge to print, e.g. T000042");
  }
  auto queued = queue_command(opened.db, SystemClock{}, request);
  if (!queued) return fail(queued.error().message);
  std::cout << "command " << queued->id << " (" << o.command << ") queued for kiosk "
            << o.kiosk_name << "; the server delivers it while the kiosk is connected\n";
  return 0;
}

int run_provision_kiosk(EventDatabase& opened, const Options& o) {
  auto bundle = provision_kiosk(opened, o.kiosk_name, o.out_dir, command_line_actor(), o.server);
  if (!bundle) return fail(bundle.error());
  std::cout << "kiosk " << o.kiosk_name << ": " << bundle->replica.string() << " ("
            << bundle->attendees << " attendees, " << bundle->keys << " keys, "
            << bundle->revocations << " revocations, " << bundle->admissions << " admissions)\n";
  std::cout << "tls: " << bundle->certificate.string() << " (serial " << bundle->serial << "), "
            << bundle->private_key.string() << ", " << bundle->ca.string() << '\n';
  if (!bundle->config_written)
    std::cout << "config: " << bundle->config.string()
              << " kept as it was (add a [sync] section to let it sync)\n";
  else if (bundle->server)
    std::cout << "config: " << bundle->config.string() << " (syncs with " << *bundle->server
              << "; adapt the devices, then run einlass-kiosk --config " << bundle->config.string()
              << ")\n";
  else
    std::cout << "config: " << bundle->config.string()
              << " (no server address known: its [sync] section is commented out; adapt the "
                 "devices, then run einlass-kiosk --config "
              << bundle->config.string() << ")\n";
  return 0;
}

int run_revoke_kiosk(EventDatabase& opened, const Options& o) {
  auto revoked = revoke_kiosk_certificates(opened.db, o.kiosk_name, command_line_actor(), o.reason);
  if (!revoked) return fail(revoked.error());
  if (*revoked == 0)
    std::cout << "kiosk " << o.kiosk_name << ": its certificates were revoked before\n";
  else
    std::cout << "kiosk " << o.kiosk_name << ": " << *revoked
              << " certificate(s) revoked; the server refuses them from now on\n";
  return 0;
}

int run_setup_server(EventDatabase& opened, const Options& o) {
  auto setup =
      setup_server(opened, {o.out_dir, o.listen, o.hosts, o.service_group}, command_line_actor());
  if (!setup) return fail(setup.error());
  std::string names;
  for (const auto& name : setup->names) names += (names.empty() ? "" : ", ") + name;
  std::cout << "server certificate for " << names << ": " << setup->certificate.string() << ", "
            << setup->private_key.string() << ", " << setup->ca.string() << '\n';
  std::cout << "config: " << setup->config.string() << " (run einlass-server --config "
            << setup->config.string() << ")\n";
  if (setup->sync_address)
    std::cout << "sync address: " << *setup->sync_address
              << " (kiosk bundles made from now on point there)\n";
  else
    std::cout << "no sync address stored: give --host NAME_OR_IP (and a listen port other than "
                 "0), or provision kiosks with --server HOST:PORT\n";
  return 0;
}

int run_staff_card_add(EventDatabase& opened, const Options& o) {
  auto pin = read_secret_twice("PIN", "PIN (4-8 digits)");
  if (!pin) return fail("staff-card add: " + pin.error());
  auto issued = issue_staff_card(opened, command_line_actor(), o.staff_name, *pin);
  if (!issued) return fail(issued.error());
  std::cout << format_staff_card_id(issued->card.card_id) << '\n';
  if (o.card_out.empty()) {
    std::cout << issued->text << '\n';
    return 0;
  }
  const auto format = o.card_out.ends_with(".png") ? DocumentFormat::png : DocumentFormat::pdf;
  if (auto written = write_staff_card_sheet(opened.event, *issued, format, o.card_out); !written)
    return fail(written.error());
  std::cout << "card: " << o.card_out << '\n';
  return 0;
}

int run_staff_card_list(EventDatabase& opened) {
  auto cards = list_staff_cards(opened.db);
  if (!cards) return fail(cards.error());
  for (const auto& card : *cards) std::cout << format_staff_card_line(card) << '\n';
  return 0;
}

int run_staff_card_revoke(EventDatabase& opened, const Options& o) {
  auto id = parse_staff_card_id(o.card);
  if (!id) return fail("staff-card revoke: " + id.error());
  auto revoked = revoke_staff_card(opened.db, *id, command_line_actor(), o.reason);
  if (!revoked) return fail(revoked.error());
  std::cout << format_staff_card_id(*id) << (*revoked ? " revoked" : " was revoked before") << '\n';
  return 0;
}

struct StatusCommand {
  const char* name;
  const char* help;
  AttendeeStatus status;
  CLI::App* app = nullptr;
};

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

  std::array status_commands{
      StatusCommand{"cancel", "Cancel a registration", AttendeeStatus::canceled},
      StatusCommand{"block", "Block an attendee from entry", AttendeeStatus::blocked},
      StatusCommand{"reactivate", "Undo a cancellation or block", AttendeeStatus::active},
  };
  for (auto& command : status_commands) {
    command.app = app.add_subcommand(command.name, command.help);
    command.app->add_option("TICKET", o.ticket, "Ticket id, e.g. T000042")->required();
    command.app->add_option("--reason", o.reason, "Why (goes into the audit log)");
  }
  auto* revoke = app.add_subcommand("revoke", "Revoke a ticket (kiosks refuse it once synced)");
  revoke->add_option("TICKET", o.ticket, "Ticket id")->required();
  revoke->add_option("--reason", o.reason, "Why")->required();

  auto* keys = app.add_subcommand("keys", "Ticket signing keys");
  keys->require_subcommand(1);
  auto* keys_list = keys->add_subcommand("list", "List keys");
  auto* keys_rotate = keys->add_subcommand("rotate", "Add a key that signs new tickets");
  auto* keys_retire =
      keys->add_subcommand("retire", "Retire a key: its tickets become unknown_key");
  keys_retire->add_option("ID", o.key_id, "Key id")->required();
  auto* audit = app.add_subcommand("audit", "Print the audit log, oldest first");

  auto* provision = app.add_subcommand("provision-kiosk",
                                       "Write the bundle a kiosk runs from (no server needed)");
  provision->add_option("NAME", o.kiosk_name, "Kiosk id, e.g. K1 or entrance-north")->required();
  provision->add_option("--out", o.out_dir, "Folder for the bundle (replica.db, kiosk.toml, tls/)")
      ->required();
  provision->add_option("--server", o.server,
                        "einlass-server's HOST:PORT for the kiosk to sync with (default: the "
                        "address setup-server stored)");

  auto* revoke_kiosk = app.add_subcommand(
      "revoke-kiosk", "Revoke a kiosk's certificates: the server refuses it from then on");
  revoke_kiosk->add_option("NAME", o.kiosk_name, "Kiosk id")->required();
  revoke_kiosk->add_option("--reason", o.reason, "Why (goes into the audit log)")->required();

  auto* server_setup = app.add_subcommand(
      "setup-server", "Write einlass-server's TLS files and a commented server.toml");
  server_setup->add_option("--out", o.out_dir, "Folder for server.toml and tls/")->required();
  server_setup->add_option("--listen", o.listen, "Sync listen address, ADDR:PORT")
      ->capture_default_str();
  server_setup->add_option("--host", o.hosts,
                           "A name or IP address kiosks reach the server by (repeatable; the "
                           "first one goes into kiosk bundles)");
  server_setup->add_option("--service-group", o.service_group,
                           "The group einlass-server runs as (einlass when installed from the "
                           "package): tls/ 0750 and server.key 0640 of that group");

  auto* status = app.add_subcommand(
      "status", "Counts, kiosks and open alerts, also while einlass-server runs");
  status->add_flag("--json", o.json, "JSON for scripts instead of text");

  auto* kiosk_command = app.add_subcommand(
      "kiosk-command", "Order a kiosk to pause, resume or reprint a badge (through the server)");
  kiosk_command->add_option("NAME", o.kiosk_name, "Kiosk id")->required();
  kiosk_command->add_option("COMMAND", o.command, "pause, resume or reprint")
      ->required()
      ->check(CLI::IsMember({"pause", "resume", "reprint"}));
  kiosk_command->add_option("TICKET", o.ticket, "reprint: whose badge, e.g. T000042");
  kiosk_command->add_option("--reason", o.reason, "Why (goes into the audit log)")->required();

  auto* staff = app.add_subcommand("staff-card", "Staff cards that open staff mode on kiosks");
  staff->require_subcommand(1);
  auto* staff_add = staff->add_subcommand(
      "add", "Issue a card; the PIN is asked twice (or read as one line from stdin)");
  staff_add->add_option("NAME", o.staff_name, "The holder's name as the kiosk greets them")
      ->required();
  staff_add->add_option("--out", o.card_out, "Write a printable card (.pdf or .png)");
  auto* staff_list = staff->add_subcommand("list", "List every card issued");
  auto* staff_revoke = staff->add_subcommand("revoke", "Revoke a lost card");
  staff_revoke->add_option("ID", o.card, "Card id, e.g. S000001")->required();
  staff_revoke->add_option("--reason", o.reason, "Why (goes into the audit log)")->required();

  StaffCommandLine staff_accounts;
  add_staff_commands(app, staff_accounts);

  CLI11_PARSE(app, argc, argv);

  if (*init) return run_init(o);
  auto opened = open_event_database(o.db);
  if (!opened) return fail(opened.error());
  if (*import) return run_import(*opened, o);
  if (*tickets) return run_tickets(*opened, o);
  if (*verify) return run_verify(*opened, o);
  for (const auto& command : status_commands) {
    if (*command.app) return run_status_change(*opened, o, command.status);
  }
  if (*revoke) return run_revoke(*opened, o);
  if (*keys_list) return run_keys_list(*opened);
  if (*keys_rotate) return run_keys_rotate(*opened);
  if (*keys_retire) return run_keys_retire(*opened, o);
  if (*audit) return run_audit(*opened);
  if (*provision) return run_provision_kiosk(*opened, o);
  if (*revoke_kiosk) return run_revoke_kiosk(*opened, o);
  if (*server_setup) return run_setup_server(*opened, o);
  if (*status) return run_status(*opened, o);
  if (*kiosk_command) return run_kiosk_command(*opened, o);
  if (*staff_add) return run_staff_card_add(*opened, o);
  if (*staff_list) return run_staff_card_list(*opened);
  if (*staff_revoke) return run_staff_card_revoke(*opened, o);
  if (staff_command_chosen(staff_accounts))
    return run_staff_command(staff_accounts, opened->db, command_line_actor().who, std::cout,
                             std::cerr);
  return 2;
}
