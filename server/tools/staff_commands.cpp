#include "staff_commands.h"

#include <algorithm>
#include <ostream>

#include "staff/login_name.h"
#include "staff/staff_auth.h"
#include "staff_password_prompt.h"

namespace einlass {

namespace {

constexpr int kFailed = 1;

struct Failure {
  std::string message;
};

template <class T>
using Outcome = std::expected<T, Failure>;

Outcome<StaffRole> parse_role(const std::string& text) {
  if (auto role = staff_role_from_string(text)) return *role;
  return std::unexpected(Failure{"unknown role '" + text + "' (viewer, desk or admin)"});
}

Outcome<std::string> parse_login(const std::string& typed) {
  std::string login = normalise_login(typed);
  if (!valid_login(login)) return std::unexpected(Failure{login_rule()});
  return login;
}

Outcome<std::string> new_password(const std::string& login) {
  auto password = read_new_password(login);
  if (!password) return std::unexpected(Failure{password.error()});
  return std::move(*password);
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
  if (!added) return std::unexpected(Failure{added.error().message});
  return "staff account " + added->login + " added (" + std::string(to_string(added->role)) + ")";
}

Outcome<std::string> run_list(StaffAccounts& accounts) {
  auto members = accounts.list();
  if (!members) return std::unexpected(Failure{members.error().message});
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
    return std::unexpected(Failure{done.error().message});
  return "staff account " + *login + " disabled; its sessions have ended";
}

Outcome<std::string> run_password(StaffAccounts& accounts, const StaffCommandLine& line,
                                  const std::string& actor) {
  auto login = parse_login(line.login);
  if (!login) return std::unexpected(login.error());
  // Asked first, so that nobody types a password twice for a login that does not exist.
  if (auto member = accounts.find(*login); !member)
    return std::unexpected(Failure{member.error().message});
  auto password = new_password(*login);
  if (!password) return std::unexpected(password.error());
  if (auto done = accounts.set_password(*login, *password, actor); !done)
    return std::unexpected(Failure{done.error().message});
  return "password of " + *login + " changed; its sessions have ended";
}

Outcome<std::string> run_role(StaffAccounts& accounts, const StaffCommandLine& line,
                              const std::string& actor) {
  auto login = parse_login(line.login);
  if (!login) return std::unexpected(login.error());
  auto role = parse_role(line.role_name);
  if (!role) return std::unexpected(role.error());
  if (auto done = accounts.set_role(*login, *role, actor); !done)
    return std::unexpected(Failure{done.error().message});
  return "staff account " + *login + " is now " + std::string(to_string(*role));
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
  return *line.add || *line.list || *line.disable || *line.password || *line.role;
}

int run_staff_command(const StaffCommandLine& line, Database& db, const std::string& actor,
                      std::ostream& out, std::ostream& err) {
  const SystemClock clock;
  StaffAccounts accounts{db, clock, system_random_bytes()};
  const char* name = *line.add        ? "add"
                     : *line.list     ? "list"
                     : *line.disable  ? "disable"
                     : *line.password ? "password"
                                      : "role";
  Outcome<std::string> result = *line.add        ? run_add(accounts, line, actor)
                                : *line.list     ? run_list(accounts)
                                : *line.disable  ? run_disable(accounts, line, actor)
                                : *line.password ? run_password(accounts, line, actor)
                                                 : run_role(accounts, line, actor);
  if (!result) {
    err << "einlass-admin: staff " << name << ": " << result.error().message << '\n';
    return kFailed;
  }
  if (!result->empty()) out << *result << '\n';
  return 0;
}

}  // namespace einlass
