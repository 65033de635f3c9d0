#pragma once
// The staff dashboard as einlass-server runs it: the desk service, staff sign-in and the API over
// the event database, served by WebServer on the server's io_context, with password hashing on a
// thread and a database connection of its own.
#include <chrono>
#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <string>

#include "base/time.h"
#include "storage/database.h"
#include "web/web_server.h"

namespace einlass {

class Dashboard {
 public:
  // `db` is the server's connection (used on the io_context's thread); `database` its file, which
  // the password thread opens again.
  static std::expected<std::unique_ptr<Dashboard>, std::string> create(
      boost::asio::io_context& io, Database& db, const std::filesystem::path& database,
      const Clock& clock, WebServerOptions options, std::chrono::hours session_lifetime,
      WebServer::LogSink log);
  ~Dashboard();

  std::expected<std::uint16_t, std::string> start();
  void stop();

 private:
  struct Parts;
  explicit Dashboard(std::unique_ptr<Parts> parts);
  std::unique_ptr<Parts> parts_;
};

}  // namespace einlass
