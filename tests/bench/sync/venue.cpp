#include "venue.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <boost/asio/post.hpp>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "hub/sync_cursor.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/key_repository.h"
#include "support/files.h"
#include "support/sample_event.h"
#include "support/time_literals.h"

namespace einlass::bench {

namespace {

template <class T>
T must(PkiResult<T> result, const std::string& what) {
  if (!result) throw std::runtime_error(what + ": " + result.error().message);
  return std::move(*result);
}

}  // namespace

Authority::Authority(std::filesystem::path folder) : folder_(std::move(folder)) {
  const Timestamp now = SystemClock().now();
  authority_ = must(create_authority("Digitaler Staat 2026", now), "event CA");
  std::filesystem::create_directories(folder_);
  test::write_file(folder_ / "ca.crt", authority_.certificate_pem);
  const auto server = must(issue_server_certificate(authority_, {"127.0.0.1"}, now), "server");
  test::write_file(folder_ / "server.crt", server.certificate_pem);
  test::write_file(folder_ / "server.key", server.private_key_pem);
  server_ = {folder_ / "server.crt", folder_ / "server.key", folder_ / "ca.crt", server,
             authority_.certificate_pem};
}

TlsFiles Authority::kiosk(const std::string& kiosk_id) const {
  const auto issued =
      must(issue_kiosk_certificate(authority_, kiosk_id, SystemClock().now()), kiosk_id);
  const auto folder = folder_ / kiosk_id;
  std::filesystem::create_directories(folder);
  test::write_file(folder / "kiosk.crt", issued.certificate_pem);
  test::write_file(folder / "kiosk.key", issued.private_key_pem);
  return {folder / "kiosk.crt", folder / "kiosk.key", folder_ / "ca.crt", issued,
          authority_.certificate_pem};
}

std::string kiosk_name(int index) {
  char name[16];
  std::snprintf(name, sizeof name, "K%03d", index);
  return name;
}

Database make_server_database(const std::filesystem::path& path, int attendees) {
  auto db = Database::open(path, DatabaseKind::server);
  if (!db) throw std::runtime_error(path.string() + ": " + db.error().message);
  const ManualClock clock{test::utc(2026, 3, 1)};
  if (auto saved = EventRepository(*db).save(test::sample_event()); !saved)
    throw std::runtime_error("event: " + saved.error().message);
  Ed25519PublicKey key{};
  key.fill(7);
  if (auto added = KeyRepository(*db).add_signing_key(1, "bench key", key, clock.now()); !added)
    throw std::runtime_error("key: " + added.error().message);
  std::vector<Registration> people;
  people.reserve(static_cast<std::size_t>(attendees));
  for (int i = 1; i <= attendees; ++i) {
    Registration r;
    r.external_id = "reg-" + std::to_string(i);
    r.email = r.external_id + "@example.org";
    r.record.display_name = "Teilnehmerin Nummer " + std::to_string(i);
    r.record.organisation = "Landesverwaltung Sachsen-Anhalt, Referat " + std::to_string(i % 97);
    r.record.category = static_cast<CategoryCode>(1 + i % 4);
    r.record.days = 0b11;
    people.push_back(std::move(r));
  }
  if (auto stored = AttendeeRepository(*db, clock).upsert(people); !stored)
    throw std::runtime_error("attendees: " + stored.error().message);
  return std::move(*db);
}

AdmissionEvent bench_admission(const std::string& kiosk, std::uint64_t seq, std::uint32_t ticket,
                               std::int64_t offset_ms) {
  AdmissionEvent e;
  e.key = {kiosk, seq};
  e.ticket_id = ticket;
  e.kind = AdmissionKind::entry;
  e.scan_time = test::utc(2026, 3, 28, 8) +
                std::chrono::milliseconds(static_cast<std::int64_t>(seq) + offset_ms);
  e.hlc = {to_unix_ms(e.scan_time), 0};
  e.event_day = 1;
  return e;
}

std::FILE*& server_log_file() {
  static std::FILE* file = nullptr;
  return file;
}

ServerThread::ServerThread(Database& db, const TlsFiles& tls, SyncServerOptions options)
    : hub_(db, clock_) {
  options.address = "127.0.0.1";
  options.port = 0;
  options.certificate = tls.certificate;
  options.private_key = tls.private_key;
  options.ca = tls.ca;
  auto server = SyncServer::create(io_, hub_, options, [](std::string_view line) {
    if (std::FILE* file = server_log_file()) {
      std::fprintf(file, "%.3f %.*s\n",
                   std::chrono::duration<double>(Stopwatch::now().time_since_epoch()).count(),
                   static_cast<int>(line.size()), line.data());
    }
  });
  if (!server) throw std::runtime_error("sync server: " + server.error());
  server_ = std::move(*server);
  auto port = server_->start();
  if (!port) throw std::runtime_error("sync server: " + port.error());
  port_ = *port;
  thread_ = std::thread([this] { io_.run(); });
}

ServerThread::~ServerThread() {
  stop();
}

void ServerThread::stop() {
  if (!thread_.joinable()) return;
  boost::asio::post(io_, [this] { server_->stop(); });
  thread_.join();
}

std::string current_cursor(Database& db) {
  const auto newest =
      db.connection().execAndGet("SELECT coalesce(max(id), 0) FROM sync_log").getInt64();
  return format_cursor({test::sample_event().id, newest});
}

std::int64_t admission_rows(Database& db) {
  return db.connection().execAndGet("SELECT count(*) FROM admission_events").getInt64();
}

Memory memory_of(long pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  Memory memory;
  std::string line;
  while (std::getline(status, line)) {
    if (line.starts_with("VmRSS:")) memory.rss_kib = std::stol(line.substr(6));
    if (line.starts_with("VmHWM:")) memory.hwm_kib = std::stol(line.substr(6));
  }
  return memory;
}

}  // namespace einlass::bench
