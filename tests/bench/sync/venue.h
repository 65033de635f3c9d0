#pragma once
// What every sync benchmark sets up: an event CA with a server certificate for 127.0.0.1 and one
// client certificate per kiosk (files, as provision-kiosk writes them), a server database with
// the sample event and N attendees, and einlass-server's sync endpoint running in this process
// on its own io_context thread.
#include <boost/asio/io_context.hpp>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "base/time.h"
#include "eventlog/admission_event.h"
#include "hub/sync_hub.h"
#include "net/sync_server.h"
#include "pki/certificate_authority.h"
#include "storage/database.h"

namespace einlass::bench {

using Stopwatch = std::chrono::steady_clock;

inline double seconds_since(Stopwatch::time_point start) {
  return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

// PEM files of one party: its certificate, its key and the CA that signed the other side.
struct TlsFiles {
  std::filesystem::path certificate;
  std::filesystem::path private_key;
  std::filesystem::path ca;
  CertifiedKey pem;  // the same certificate and key, for clients that load them from memory
  std::string ca_pem;
};

class Authority {
 public:
  // Creates the CA and the server certificate (for 127.0.0.1) under `folder`.
  explicit Authority(std::filesystem::path folder);
  const TlsFiles& server() const { return server_; }
  // Issues (and writes) a client certificate whose CN is `kiosk_id`.
  TlsFiles kiosk(const std::string& kiosk_id) const;

 private:
  std::filesystem::path folder_;
  CertifiedKey authority_;
  TlsFiles server_;
};

// "K001", "K002", ...
std::string kiosk_name(int index);

// A server database at `path` with the sample event, one signing key and `attendees` attendees
// (ticket ids 1..attendees).
Database make_server_database(const std::filesystem::path& path, int attendees);

// An entry of `kiosk` with sequence number `seq` for `ticket` on day 1, stamped `seq` ms after
// 08:00 UTC on the first day plus `offset_ms`.
AdmissionEvent bench_admission(const std::string& kiosk, std::uint64_t seq, std::uint32_t ticket,
                               std::int64_t offset_ms = 0);

// Where in-process servers write their log (nullptr: nowhere); set by --server-log.
std::FILE*& server_log_file();

// SyncHub and SyncServer on a thread of their own. The database is used by that thread only
// while it runs; stop() joins it.
class ServerThread {
 public:
  ServerThread(Database& db, const TlsFiles& tls, SyncServerOptions options = {});
  ~ServerThread();
  unsigned short port() const { return port_; }
  // Tells every kiosk the server is going, waits for the thread to end.
  void stop();

 private:
  boost::asio::io_context io_;
  SystemClock clock_;
  SyncHub hub_;
  std::unique_ptr<SyncServer> server_;
  unsigned short port_ = 0;
  std::thread thread_;
};

// The cursor of a kiosk that has seen every change so far.
std::string current_cursor(Database& db);

// Rows in admission_events.
std::int64_t admission_rows(Database& db);

// VmRSS and VmHWM of a process, KiB; -1 when unreadable.
struct Memory {
  long rss_kib = -1;
  long hwm_kib = -1;
};
Memory memory_of(long pid);

}  // namespace einlass::bench
