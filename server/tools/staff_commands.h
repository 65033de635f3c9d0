#pragma once
// Part of einlass-admin: `staff add|list|disable|password|role`, the dashboard's staff accounts.
// main() registers them, opens the database and hands over; this file does the rest.
#include <CLI/CLI.hpp>

#include <iosfwd>
#include <string>

#include "storage/database.h"

namespace einlass {

struct StaffCommandLine {
  CLI::App* add = nullptr;
  CLI::App* list = nullptr;
  CLI::App* disable = nullptr;
  CLI::App* password = nullptr;
  CLI::App* role = nullptr;
  std::string login;
  std::string role_name;
};

// Adds `staff` and its subcommands to `app`; what they are given lands in `line`.
void add_staff_commands(CLI::App& app, StaffCommandLine& line);

// True when the command line chose one of them.
bool staff_command_chosen(const StaffCommandLine& line);

// Runs the chosen one against `db` with `actor` ("cli:root") in the audit log; reports on `out`,
// errors ("einlass-admin: staff add: ...") on `err`. Returns the exit code: 0, or 1 on failure.
int run_staff_command(const StaffCommandLine& line, Database& db, const std::string& actor,
                      std::ostream& out, std::ostream& err);

}  // namespace einlass
