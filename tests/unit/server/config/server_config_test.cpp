#include "config/server_config.h"

#include <catch2/catch.hpp>
#include <set>

#include "support/files.h"
#include "support/sample_config.h"
#include "support/temp_dir.h"

using namespace einlass;

namespace {

constexpr const char* kGood = R"toml(
[server]
database = "event.db"

[sync]
listen = "0.0.0.0:7443"
certificate = "tls/server.crt"
private_key = "tls/server.key"
ca = "/etc/einlass/tls/ca.crt"
heartbeat_timeout_seconds = 30
max_connections = 200

[web]
listen = "127.0.0.1:8443"
private_key = "web/dashboard.key"
session_hours = 8
)toml";

std::string replaced(std::string_view from, std::string_view to) {
  std::string text = kGood;
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  return text;
}

ConfigError error_of(const std::string& text) {
  auto config = parse_server_config(text, "/srv/einlass");
  REQUIRE_FALSE(config);
  return config.error();
}

}  // namespace

TEST_CASE("a complete server config is read with paths relative to its folder",
          "[server][config]") {
  auto config = parse_server_config(kGood, "/srv/einlass");
  REQUIRE(config);
  CHECK(config->database == "/srv/einlass/event.db");
  CHECK(config->listen == HostPort{"0.0.0.0", 7443});
  CHECK(config->certificate == "/srv/einlass/tls/server.crt");
  CHECK(config->private_key == "/srv/einlass/tls/server.key");
  CHECK(config->ca == "/etc/einlass/tls/ca.crt");
  CHECK(config->heartbeat_timeout == std::chrono::seconds{30});
  CHECK(config->max_connections == 200);
  REQUIRE(config->web);
  CHECK(config->web->listen == HostPort{"127.0.0.1", 8443});
  CHECK(config->web->certificate == "/srv/einlass/tls/server.crt");  // [sync]'s by default
  CHECK(config->web->private_key == "/srv/einlass/web/dashboard.key");
  CHECK(config->web->session_lifetime == std::chrono::hours{8});
}

TEST_CASE("without a [web] section the server runs without the dashboard", "[server][config]") {
  std::string text = kGood;
  text.erase(text.find("[web]"));
  auto config = parse_server_config(text, "/srv");
  REQUIRE(config);
  CHECK_FALSE(config->web);
}

TEST_CASE("heartbeat timeout and connection limit have defaults", "[server][config]") {
  auto text = replaced("heartbeat_timeout_seconds = 30\n", "");
  text.replace(text.find("max_connections = 200\n"), 22, "");
  auto config = parse_server_config(text, "/srv");
  REQUIRE(config);
  CHECK(config->heartbeat_timeout == std::chrono::seconds{20});
  CHECK(config->max_connections == 500);
}

TEST_CASE("every server config error names the key and why", "[server][config]") {
  struct Case {
    const char* from;
    const char* to;
    const char* key;
    const char* message;
  };
  const Case cases[] = {
      {"database = \"event.db\"", "", "server.database", "is missing"},
      {"database = \"event.db\"", "database = 3", "server.database", "must be a string in quotes"},
      {"database = \"event.db\"", "database = \"\"", "server.database", "must not be empty"},
      {"listen = \"0.0.0.0:7443\"", "", "sync.listen", "is missing"},
      {"listen = \"0.0.0.0:7443\"", "listen = \"0.0.0.0\"", "sync.listen",
       "must be \"host:port\", e.g. \"10.0.0.5:7443\" or \"[::1]:7443\", not \"0.0.0.0\""},
      {"listen = \"0.0.0.0:7443\"", "listen = \"0.0.0.0:99999\"", "sync.listen",
       "the port must be a number in 0..65535 (0 picks a free one)"},
      {"certificate = \"tls/server.crt\"", "", "sync.certificate", "is missing"},
      {"private_key = \"tls/server.key\"", "private_key = []", "sync.private_key",
       "must be a string in quotes"},
      {"ca = \"/etc/einlass/tls/ca.crt\"", "", "sync.ca", "is missing"},
      {"heartbeat_timeout_seconds = 30", "heartbeat_timeout_seconds = 1",
       "sync.heartbeat_timeout_seconds", "must be between 5 and 600"},
      {"heartbeat_timeout_seconds = 30", "heartbeat_timeout_seconds = \"30\"",
       "sync.heartbeat_timeout_seconds", "must be a whole number"},
      {"max_connections = 200", "max_connections = 0", "sync.max_connections",
       "must be between 1 and 100000"},
      {"max_connections = 200", "max_conections = 200", "sync.max_conections", "unknown key"},
      {"[sync]", "[synch]", "synch", "unknown section"},
      {"listen = \"127.0.0.1:8443\"", "", "web.listen", "is missing"},
      {"listen = \"127.0.0.1:8443\"", "listen = \"dashboard\"", "web.listen",
       "must be \"host:port\", e.g. \"10.0.0.5:7443\" or \"[::1]:7443\", not \"dashboard\""},
      {"session_hours = 8", "session_hours = 100", "web.session_hours", "must be between 1 and 72"},
      {"session_hours = 8", "sessions = 8", "web.sessions", "unknown key"},
      {"[server]\n", "server = 1\n[x]\n", "server", "must be a section ([server])"},
  };
  for (const auto& c : cases) {
    INFO(c.from << " -> " << c.to);
    const auto e = error_of(replaced(c.from, c.to));
    CHECK(e.key == c.key);
    CHECK(e.message == c.message);
  }
  CHECK(error_of("").key == "server.database");
}

TEST_CASE("a syntax error gives line and column; a missing file is named", "[server][config]") {
  const auto e = error_of("[server]\ndatabase = \"event.db\n");
  CHECK(e.key.empty());
  CHECK(e.message.starts_with("line 2"));
  CHECK(e.describe("/srv/server.toml").starts_with("/srv/server.toml: line 2"));

  test::TempDir dir;
  CHECK(load_server_config(dir / "none.toml").error() ==
        (dir / "none.toml").string() + ": cannot be read");
  test::write_file(dir / "server.toml", replaced("max_connections = 200", "max_connections = -1"));
  CHECK(load_server_config(dir / "server.toml").error() ==
        (dir / "server.toml").string() + ": sync.max_connections: must be between 1 and 100000");
  test::write_file(dir / "server.toml", kGood);
  auto loaded = load_server_config(dir / "server.toml");
  REQUIRE(loaded);
  CHECK(loaded->database == dir / "event.db");
}

TEST_CASE("the sample server.toml parses, shows every key, and each commented alternative parses",
          "[server][config]") {
  const auto text = test::read_file(test::sample_config_path("server.toml"));
  auto config = parse_server_config(text, "/etc/einlass");
  INFO((config ? std::string() : config.error().message));
  REQUIRE(config);
  // The installed server may write only its state directory: the sample must point there.
  CHECK(config->database == "/var/lib/einlass/server/event.db");
  CHECK(config->web.has_value());

  std::set<std::string> known;
  for (const auto& [section, keys] : server_config_keys())
    for (const auto& key : keys) known.insert(section + "." + key);
  CHECK(test::sample_keys(text) == known);

  const auto alternatives = test::sample_alternatives(text);
  CHECK(alternatives.size() >= 2);
  for (const auto& [label, variant] : alternatives) {
    INFO(label);
    auto parsed = parse_server_config(variant, "/etc/einlass");
    CHECK((parsed ? std::string() : parsed.error().message) == "");
  }
}
