#include "web/dashboard.h"

#include "desk/desk_service.h"
#include "staff/staff_auth.h"
#include "web/dashboard_api.h"

namespace einlass {

namespace {

// The services one database connection serves the API with.
struct ApiOn {
  ApiOn(Database& db, const Clock& clock, SignInThrottle& throttle, const AuthOptions& options)
      : desk(db, clock),
        auth(db, clock, system_random_bytes(), throttle, options),
        accounts(db, clock, system_random_bytes()),
        api(desk, auth, accounts, clock) {}

  DeskService desk;
  StaffAuth auth;
  StaffAccounts accounts;
  DashboardApi api;
};

}  // namespace

struct Dashboard::Parts {
  Parts(Database& db, Database password_connection, const Clock& clock, const AuthOptions& options)
      : throttle(clock, ThrottleOptions{}),
        password_db(std::move(password_connection)),
        main(db, clock, throttle, options),
        password(password_db, clock, throttle, options) {}

  SignInThrottle throttle;  // the process's one: both StaffAuth count failures against it
  Database password_db;
  ApiOn main;      // on the io_context's thread: everything but hashing
  ApiOn password;  // on the password thread: sign-in and adding staff
  std::unique_ptr<WebServer> server;
};

std::expected<std::unique_ptr<Dashboard>, std::string> Dashboard::create(
    boost::asio::io_context& io, Database& db, const std::filesystem::path& database,
    const Clock& clock, WebServerOptions options, std::chrono::hours session_lifetime,
    WebServer::LogSink log) {
  auto password_db = Database::open_existing(database, DatabaseKind::server);
  if (!password_db) return std::unexpected(database.string() + ": " + password_db.error().message);
  AuthOptions auth;
  auth.session_lifetime = session_lifetime;
  auto parts = std::make_unique<Parts>(db, std::move(*password_db), clock, auth);
  options.password_api = &parts->password.api;
  auto server = WebServer::create(io, parts->main.api, std::move(options), std::move(log));
  if (!server) return std::unexpected(server.error());
  parts->server = std::move(*server);
  return std::unique_ptr<Dashboard>(new Dashboard(std::move(parts)));
}

Dashboard::Dashboard(std::unique_ptr<Parts> parts) : parts_(std::move(parts)) {}

Dashboard::~Dashboard() = default;

std::expected<std::uint16_t, std::string> Dashboard::start() {
  return parts_->server->start();
}

void Dashboard::stop() {
  parts_->server->stop();
}

}  // namespace einlass
