// `einlass-admin staff ...` as organisers and their scripts run it: a real process on a real
// event database, the password piped in on stdin.
#include <catch2/catch.hpp>

#include <sstream>

#include "integration/process.h"
#include "staff/staff_auth.h"
#include "storage/audit_repository.h"
#include "support/temp_dir.h"

using namespace einlass;
using einlass::test::ProcessResult;
using einlass::test::run_process;
using einlass::test::TempDir;

namespace {

const std::string kAdmin = EINLASS_ADMIN_BINARY;

ProcessResult admin(const TempDir& dir, std::vector<std::string> args,
                    const std::string& input = {}) {
  std::vector<std::string> argv{kAdmin, "--db", (dir / "event.db").string()};
  argv.insert(argv.end(), args.begin(), args.end());
  auto result = run_process(argv, std::chrono::seconds{60}, input);
  REQUIRE_FALSE(result.timed_out);
  return result;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in{text};
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

void init_event(const TempDir& dir) {
  const auto r = admin(dir, {"init", "--name", "Digitale Verwaltung 2026", "--first-day",
                             "2026-03-28", "--days", "2"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
}

// Signs in against the database the command wrote, as the server would.
bool signs_in(const TempDir& dir, const std::string& login, const std::string& password) {
  auto db = Database::open_existing(dir / "event.db", DatabaseKind::server);
  REQUIRE(db);
  const SystemClock clock;
  SignInThrottle throttle{clock, {}};
  StaffAuth auth{*db, clock, system_random_bytes(), throttle};
  return auth.sign_in(login, password, "127.0.0.1").has_value();
}

}  // namespace

TEST_CASE("staff add reads the password from stdin; the account signs in with it",
          "[integration][admin][staff]") {
  TempDir dir;
  init_event(dir);
  const auto added = admin(dir, {"staff", "add", "anna", "--role", "desk"}, "secret-pass\n");
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  CHECK(added.out == "staff account anna added (desk)\n");
  CHECK(added.out.find("secret-pass") == std::string::npos);
  CHECK(added.err.find("secret-pass") == std::string::npos);

  // The line end is not part of the password; a Windows one neither.
  REQUIRE(admin(dir, {"staff", "add", "Ben", "--role", "admin"}, "other-secret\r\n").exit_code ==
          0);
  CHECK(signs_in(dir, "anna", "secret-pass"));
  CHECK_FALSE(signs_in(dir, "anna", "secret-pass\n"));
  CHECK(signs_in(dir, "ben", "other-secret"));

  const auto listed = admin(dir, {"staff", "list"});
  REQUIRE(listed.exit_code == 0);
  const auto rows = lines(listed.out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].starts_with("anna  desk    created 20"));
  CHECK(rows[1].starts_with("ben   admin   created 20"));
  CHECK(rows[0].find("disabled") == std::string::npos);

  const auto audit = admin(dir, {"audit"});
  REQUIRE(audit.exit_code == 0);
  std::vector<std::string> adds;
  for (const auto& entry : lines(audit.out)) {
    if (entry.find("  staff_add  ") != std::string::npos) adds.push_back(entry);
  }
  REQUIRE(adds.size() == 2);
  CHECK(adds[0].find("  cli:") != std::string::npos);
  CHECK(adds[0].ends_with("  staff_add  anna  \"desk\""));
  CHECK(adds[1].ends_with("  staff_add  ben  \"admin\""));
  // The test's own sign-ins, as the server would record them.
  CHECK(audit.out.find("  staff:anna  sign_in  anna  \"127.0.0.1\"") != std::string::npos);
  CHECK(audit.out.find("  anonymous  sign_in_failed  anna  \"127.0.0.1\"") != std::string::npos);
}

TEST_CASE("staff disable, role and password change the account and say so",
          "[integration][admin][staff]") {
  TempDir dir;
  init_event(dir);
  REQUIRE(admin(dir, {"staff", "add", "anna", "--role", "viewer"}, "secret-pass\n").exit_code == 0);
  REQUIRE(admin(dir, {"staff", "add", "ben", "--role", "desk"}, "secret-pass\n").exit_code == 0);

  const auto role = admin(dir, {"staff", "role", "anna", "--role", "admin"});
  INFO(role.err);
  REQUIRE(role.exit_code == 0);
  CHECK(role.out == "staff account anna is now admin\n");

  const auto password = admin(dir, {"staff", "password", "anna"}, "a-new-secret\n");
  INFO(password.err);
  REQUIRE(password.exit_code == 0);
  CHECK(password.out == "password of anna changed; its sessions have ended\n");
  CHECK_FALSE(signs_in(dir, "anna", "secret-pass"));
  CHECK(signs_in(dir, "anna", "a-new-secret"));

  const auto disabled = admin(dir, {"staff", "disable", "ben"});
  INFO(disabled.err);
  REQUIRE(disabled.exit_code == 0);
  CHECK(disabled.out == "staff account ben disabled; its sessions have ended\n");
  CHECK_FALSE(signs_in(dir, "ben", "secret-pass"));

  const auto rows = lines(admin(dir, {"staff", "list"}).out);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].starts_with("anna  admin   created "));
  CHECK(rows[0].find("disabled") == std::string::npos);
  CHECK(rows[1].starts_with("ben   desk    created "));
  CHECK(rows[1].find("  disabled 20") != std::string::npos);

  const auto audit = admin(dir, {"audit"}).out;
  CHECK(audit.find("  staff_role  anna  \"admin\"") != std::string::npos);
  CHECK(audit.find("  staff_password  anna") != std::string::npos);
  CHECK(audit.find("  staff_disable  ben") != std::string::npos);
  CHECK(audit.find("secret") == std::string::npos);
}

TEST_CASE("staff commands refuse a bad role, a short password, a taken or unknown login",
          "[integration][admin][staff]") {
  TempDir dir;
  init_event(dir);

  const auto bad_role = admin(dir, {"staff", "add", "anna", "--role", "boss"}, "secret-pass\n");
  CHECK(bad_role.exit_code == 1);
  CHECK(bad_role.err == "einlass-admin: staff add: unknown role 'boss' (viewer, desk or admin)\n");

  const auto short_password = admin(dir, {"staff", "add", "anna", "--role", "desk"}, "short\n");
  CHECK(short_password.exit_code == 1);
  CHECK(short_password.err ==
        "einlass-admin: staff add: a password needs at least 10 characters\n");

  const auto no_password = admin(dir, {"staff", "add", "anna", "--role", "desk"}, "");
  CHECK(no_password.exit_code == 1);
  CHECK(no_password.err == "einlass-admin: staff add: no password on stdin\n");

  const auto bad_login =
      admin(dir, {"staff", "add", "anna schmidt", "--role", "desk"}, "secret-pass\n");
  CHECK(bad_login.exit_code == 1);
  CHECK(bad_login.err.find("a login is 1 to 64 characters") != std::string::npos);

  const auto listed = admin(dir, {"staff", "list"});
  CHECK(listed.exit_code == 0);
  CHECK(listed.out.empty());  // none of the above added anything

  REQUIRE(admin(dir, {"staff", "add", "anna", "--role", "desk"}, "secret-pass\n").exit_code == 0);
  const auto taken = admin(dir, {"staff", "add", "anna", "--role", "admin"}, "secret-pass\n");
  CHECK(taken.exit_code == 1);
  CHECK(taken.err == "einlass-admin: staff add: the login anna is taken\n");

  const auto unknown = admin(dir, {"staff", "disable", "nobody"});
  CHECK(unknown.exit_code == 1);
  CHECK(unknown.err == "einlass-admin: staff disable: no staff account nobody\n");
  const auto unknown_password = admin(dir, {"staff", "password", "nobody"}, "secret-pass\n");
  CHECK(unknown_password.exit_code == 1);
  CHECK(unknown_password.err == "einlass-admin: staff password: no staff account nobody\n");
  const auto role_of_nobody = admin(dir, {"staff", "role", "nobody", "--role", "desk"});
  CHECK(role_of_nobody.exit_code == 1);

  const auto missing_role = admin(dir, {"staff", "add", "carl"}, "secret-pass\n");
  CHECK(missing_role.exit_code != 0);
  CHECK(missing_role.err.find("--role") != std::string::npos);

  // The staff-card commands are still there, beside the accounts.
  const auto cards = admin(dir, {"staff-card", "list"});
  CHECK(cards.exit_code == 0);
}
