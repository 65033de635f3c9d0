#include "staff_commands.h"

#include <algorithm>
#include <array>
#include <ostream>

#include "secret_prompt.h"
#include "staff/login_name.h"
#include "staff/password_policy.h"
#include "staff/staff_auth.h"

namespace einlass {

namespace {

constexpr int kFailed = 1;

// What to print, or why it failed.
template <class T>
using Outcome = std::expected<T, std::string>;

Outcome<StaffRole> parse_role(const std::string& text) {
  if (auto role = staff_role_from_string(text)) return *role;
  return std::unexpected("unknown role '" + text + "' (viewer, desk or admin)");
}

Outcome<std::string> parse_login(const std::string& typed) {
  std::string login = normalise_login(typed);
  if (!valid_login(login)) return std::unexpected(login_rule());
  return login;
}

Outcome<std::string> new_password(const std::string& login) {
  return read_secret_twice("password", "New password for " + login + " (at least " +
                                           std::to_string(kMinPasswordCharacters) + " characters)");
}

std::string member_line(const StaffMember& member, std::size_t login_width) {
  std::string line = member.login;
  line.resize(std::max(login_width, line.size()), ' ');
  std::string role(to_string(member.role));
  role.resize(6, ' ');
  line += "  " + role + "  created " + format_utc(member.created_at);
  if (member.disabled_at) line += "  disabled " + format_utc(*member.disabled_at);
  return line;
}

Outcome<std::string> run_add(StaffAccounts& accounts, const StaffCommandLine& line,
                             const std::string& actor) {
  auto login = parse_login(line.login);
  if (!login) return std::unexpected(login.error());
  auto role = parse_role(line.role_name);
  if (!role) return std::unexpected(role.error());
  auto password = new_password(*login);
  if (!password) return std::unexpected(password.error());
  auto added = accounts.add(*login, *role, *password, actor);
  if (!added) return std::unexpected(added.error().message);
  return "staff account " + added->login + " added (" + std::string(to_string(added->role)) + ")";
}

Outcome<std::string> run_list(StaffAccounts& accounts, const StaffCommandLine&,
                              const std::string&) {
  auto members = accounts.list();
  if (!members) return std::unexpected(members.error().message);
  std::size_t width = 0;
  for (const auto& m : *members) width = std::max(width, m.login.size());
  std::string text;
  for (const auto& m : *members) text += (text.empty() ? "" : "\n") + member_line(m, width);
  return text;
}

Outcome<std::string> run_disable(StaffAccounts& accounts, const StaffCommandLine& line,
                                 const std::string& actor) {
  auto login = parse_login(line.login);
  if (!login) return std::unexpected(login.error());
  if (auto done = accounts.disable(*login, actor); !done)
    return std::unexpected(done.error().message);
  return "staff account " + *login + " disabled; its sessions have ended";
}

Outcome<std::string> run_password(StaffAccounts& accounts, const StaffCommandLine& line,
                                  const std::string& actor) {
  auto login = parse_login(line.login);
  if (!login) return std::unexpected(login.error());
  // Asked first, so that nobody types a password twice for a login that does not exist.
  if (auto member = accounts.find(*login); !member) return std::unexpected(member.error().message);
  auto password = new_password(*login);
  if (!password) return std::unexpected(password.error());
  if (auto done = accounts.set_password(*login, *password, actor); !done)
    return std::unexpected(done.error().message);
  return "password of " + *login + " changed; its sessions have ended";
}

Outcome<std::string> run_role(StaffAccounts& accounts, const StaffCommandLine& line,
                              const std::string& actor) {
  auto login = parse_login(line.login);
  if (!login) return std::unexpected(login.error());
  auto role = parse_role(line.role_name);
  if (!role) return std::unexpected(role.error());
  if (auto done = accounts.set_role(*login, *role, actor); !done)
    return std::unexpected(done.error().message);
  return "staff account " + *login + " is now " + std::string(to_string(*role));
}

// The subcommands, each with what runs it; the CLI::App's name is the one in errors.
struct Subcommand {
  CLI::App* StaffCommandLine::*app;
  Outcome<std::string> (*run)(StaffAccounts&, const StaffCommandLine&, const std::string& actor);
};

constexpr std::array<Subcommand, 5> kSubcommands{{
    {&StaffCommandLine::add, run_add},
    {&StaffCommandLine::list, run_list},
    {&StaffCommandLine::disable, run_disable},
    {&StaffCommandLine::password, run_password},
    {&StaffCommandLine::role, run_role},
}};

const Subcommand* chosen(const StaffCommandLine& line) {
  for (const auto& command : kSubcommands)
    if (*(line.*command.app)) return &command;
  return nullptr;
}

}  // namespace

void add_staff_commands(CLI::App& app, StaffCommandLine& line) {
  auto* staff = app.add_subcommand("staff", "Staff accounts of the dashboard");
  staff->require_subcommand(1);
  const std::string login_help = "Login: 1-64 of a-z, 0-9, '.', '_', '-'";
  const std::string role_help = "viewer (reads), desk (also admits and reprints) or admin";

  line.add = staff->add_subcommand(
      "add", "Add an account; the password is asked twice (or read as one line from stdin)");
  line.add->add_option("LOGIN", line.login, login_help)->required();
  line.add->add_option("--role", line.role_name, role_help)->required();

  line.list = staff->add_subcommand("list", "List every account: login, role, created, disabled");

  line.disable =
      staff->add_subcommand("disable", "Disable an account and end its sessions at once");
  line.disable->add_option("LOGIN", line.login, login_help)->required();

  line.password = staff->add_subcommand(
      "password", "Set a new password (asked twice, or one line from stdin); ends the sessions");
  line.password->add_option("LOGIN", line.login, login_help)->required();

  line.role = staff->add_subcommand("role", "Change an account's role");
  line.role->add_option("LOGIN", line.login, login_help)->required();
  line.role->add_option("--role", line.role_name, role_help)->required();
}

bool staff_command_chosen(const StaffCommandLine& line) {
  return chosen(line) != nullptr;
}

int run_staff_command(const StaffCommandLine& line, Database& db, const std::string& actor,
                      std::ostream& out, std::ostream& err) {
  const Subcommand* command = chosen(line);
  if (!command) return kFailed;  // a caller's bug: see staff_command_chosen()
  const SystemClock clock;
  StaffAccounts accounts{db, clock, system_random_bytes()};
  const auto result = command->run(accounts, line, actor);
  if (!result) {
    err << "einlass-admin: staff " << (line.*command->app)->get_name() << ": " << result.error()
        << '\n';
    return kFailed;
  }
  if (!result->empty()) out << *result << '\n';
  return 0;
}

}  // namespace einlass
