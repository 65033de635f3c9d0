#include "admin/server_setup.h"

#include <algorithm>
#include <system_error>

#include "admin/audited_change.h"
#include "admin/file_owners.h"
#include "admin/new_file.h"
#include "admin/tls_setup.h"
#include "pki/certificate_authority.h"
#include "pki/certificate_info.h"
#include "storage/settings_repository.h"

namespace einlass {

namespace fs = std::filesystem;

namespace {

std::unexpected<AdminError> fail(std::string message) {
  return std::unexpected(AdminError{std::move(message)});
}

std::vector<std::string> certificate_names(const std::vector<std::string>& hosts) {
  std::vector<std::string> names;
  for (const auto& host : hosts)
    if (std::find(names.begin(), names.end(), host) == names.end()) names.push_back(host);
  for (const char* local : {"localhost", "127.0.0.1", "::1"})
    if (std::find(names.begin(), names.end(), local) == names.end()) names.emplace_back(local);
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

}  // namespace

std::expected<ServerSetup, AdminError> setup_server(EventDatabase& source,
                                                    const ServerSetupRequest& request,
                                                    const Actor& actor) {
  auto listen = parse_host_port(request.listen, true);
  if (!listen) return fail("--listen: " + listen.error());
  for (const auto& host : request.hosts)
    if (host.empty() || host.find_first_of("[]") != std::string::npos)
      return fail("--host: \"" + host + "\" is not a host name or an address (no brackets)");
  ServerSetup setup;
  setup.config = request.out / "server.toml";
  setup.ca = request.out / "tls" / "ca.crt";
  setup.certificate = request.out / "tls" / "server.crt";
  setup.private_key = request.out / "tls" / "server.key";
  setup.names = certificate_names(request.hosts);
  if (auto free = refuse_existing({setup.config, setup.ca, setup.certificate, setup.private_key});
      !free)
    return std::unexpected(free.error());
  std::optional<unsigned> group;
  if (request.service_group) {
    auto found = find_group(*request.service_group);
    if (!found) return std::unexpected(found.error());
    group = *found;
  }
  // Port 0 only makes sense for a listener in tests: no kiosk can be pointed at it.
  if (!request.hosts.empty() && listen->port != 0)
    setup.sync_address = format_host_port({request.hosts.front(), listen->port});

  auto change = AuditedChange::begin(source.db);
  if (!change) return std::unexpected(change.error());
  auto authority = ensure_authority(source, actor);
  if (!authority) return std::unexpected(authority.error());
  auto issued = issue_server_certificate(*authority, setup.names, actor.at);
  if (!issued) return fail("--host: " + issued.error().message);
  auto info = certificate_info(issued->certificate_pem);
  if (!info) return fail("reading the new server certificate: " + info.error().message);
  if (setup.sync_address) {
    if (auto set = SettingsRepository(source.db).set(kSyncAddressSetting, *setup.sync_address);
        !set)
      return std::unexpected(storage_failure(source.db.path(), set.error()));
  }
  if (auto done = change->finish(
          actor, "setup_server", joined(setup.names),
          "serial " + info->serial_hex +
              (setup.sync_address ? ", sync address " + *setup.sync_address : std::string()));
      !done)
    return std::unexpected(done.error());

  std::error_code ec;
  fs::create_directories(request.out / "tls", ec);
  if (ec) return fail("cannot create " + (request.out / "tls").string() + ": " + ec.message());
  fs::permissions(request.out / "tls", fs::perms::owner_all, ec);
  const fs::path database = fs::absolute(source.db.path(), ec).lexically_normal();
  for (const auto& [path, content, mode] :
       {std::tuple{setup.ca, authority->certificate_pem, 0644u},
        std::tuple{setup.certificate, issued->certificate_pem, 0644u},
        std::tuple{setup.private_key, issued->private_key_pem, 0600u},
        std::tuple{setup.config, sample_server_config(database, *listen, setup.names), 0644u}})
    if (auto written = write_new_file(path, content, mode); !written)
      return std::unexpected(written.error());
  if (group) {
    for (const auto& [path, mode] :
         {std::pair{request.out / "tls", 0750u}, std::pair{setup.private_key, 0640u}})
      if (auto shared = share_with_group(path, *group, mode); !shared)
        return std::unexpected(shared.error());
  }
  return setup;
}

std::string sample_server_config(const fs::path& database, const HostPort& listen,
                                 const std::vector<std::string>& names) {
  return "# einlass-server configuration (written by einlass-admin setup-server).\n"
         "# Relative paths are relative to this file's folder.\n\n"
         "[server]\n"
         "# The event database einlass-admin manages; the server works on it beside "
         "einlass-admin.\n"
         "database = " +
         toml_string(database.string()) +
         "\n\n"
         "[sync]\n"
         "# Where kiosks connect, \"address:port\": \"0.0.0.0:7443\" listens on every IPv4\n"
         "# interface, \"[::]:7443\" on every IPv6 one, \"10.0.0.5:7443\" on one address only.\n"
         "listen = " +
         toml_string(format_host_port(listen)) +
         "\n"
         "# This server's certificate, issued by the event CA for: " +
         joined(names) +
         ".\n"
         "# Kiosks refuse the server under any other name: run setup-server again into a new\n"
         "# folder with --host for each name or address kiosks use.\n"
         "certificate = \"tls/server.crt\"\n"
         "# Its private key: readable by no one but root and the server (setup-server\n"
         "# --service-group einlass makes it 0640 root:einlass, as an installed server needs).\n"
         "private_key = \"tls/server.key\"\n"
         "# The event CA: only kiosks with a certificate it signed (einlass-admin "
         "provision-kiosk)\n"
         "# and not revoked (einlass-admin revoke-kiosk) are let in.\n"
         "ca = \"tls/ca.crt\"\n"
         "# A kiosk that sends nothing, not even a heartbeat, for this long is dropped (5..600).\n"
         "heartbeat_timeout_seconds = 20\n"
         "# Connections held at once; any more are refused (1..100000).\n"
         "max_connections = 500\n"
         "\n"
         "[web]\n"
         "# The staff dashboard (HTTPS): open https://<this server>:8443/ in a browser on the\n"
         "# venue network. Remove this section to run without it.\n"
         "listen = \"0.0.0.0:8443\"\n"
         "# Its certificate and key; by default the ones above. Browsers warn about the event CA\n"
         "# unless tls/ca.crt is imported into them.\n"
         "# certificate = \"tls/server.crt\"\n"
         "# private_key = \"tls/server.key\"\n"
         "# How long a staff sign-in lasts, in hours (1..72).\n"
         "session_hours = 12\n";
}

}  // namespace einlass
