#pragma once
// `einlass-admin setup-server --out DIR`: what einlass-server needs to run: the event CA's
// certificate, a server certificate for the names kiosks reach it by, and a commented
// server.toml. The first --host and the listen port become the sync address later kiosk bundles
// point at.
#include <expected>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "admin/admin_error.h"
#include "admin/event_database.h"
#include "admin/organiser_actions.h"
#include "base/host_port.h"

namespace einlass {

struct ServerSetupRequest {
  std::filesystem::path out;
  std::string listen = "0.0.0.0:7443";
  std::vector<std::string> hosts;  // names and addresses kiosks connect to
  // The group einlass-server runs as ("einlass" on an installed server): tls/ becomes 0750 and
  // the key 0640 of that group, so the service reads them. Without it both are the writer's only.
  std::optional<std::string> service_group = std::nullopt;
};

struct ServerSetup {
  std::filesystem::path config;       // DIR/server.toml
  std::filesystem::path ca;           // DIR/tls/ca.crt
  std::filesystem::path certificate;  // DIR/tls/server.crt
  std::filesystem::path private_key;  // DIR/tls/server.key (0600, or 0640 of the service group)
  std::vector<std::string> names;     // in the certificate: the hosts, localhost, 127.0.0.1, ::1
  std::optional<std::string> sync_address;  // stored, when a --host was given
};

// Refuses (before writing anything) a folder that holds any of the four files.
std::expected<ServerSetup, AdminError> setup_server(EventDatabase& source,
                                                    const ServerSetupRequest& request,
                                                    const Actor& actor);

// The commented server.toml: every key explained, paths relative to DIR except the database.
std::string sample_server_config(const std::filesystem::path& database, const HostPort& listen,
                                 const std::vector<std::string>& names);

}  // namespace einlass
