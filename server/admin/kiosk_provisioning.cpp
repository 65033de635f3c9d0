#include "admin/kiosk_provisioning.h"

#include <fstream>
#include <system_error>

#include "admin/new_file.h"
#include "admin/tls_setup.h"
#include "base/host_port.h"
#include "eventlog/admission_event.h"
#include "storage/settings_repository.h"

#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/audit_repository.h"
#include "storage/event_repository.h"
#include "storage/key_repository.h"
#include "storage/kiosk_registry.h"
#include "storage/kiosk_state_repository.h"
#include "storage/revocation_repository.h"
#include "storage/staff_card_repository.h"
#include "storage/transaction.h"

namespace einlass {

namespace {

namespace fs = std::filesystem;

std::unexpected<AdminError> fail(std::string message) {
  return std::unexpected(AdminError{std::move(message)});
}

template <class T>
std::expected<T, AdminError> from_storage(StorageResult<T> result, const fs::path& path) {
  if (!result) return std::unexpected(storage_failure(path, result.error()));
  return std::move(*result);
}

// Copies what a kiosk needs from the server database into an empty replica.
std::expected<KioskBundle, AdminError> fill_replica(EventDatabase& source, Database& replica,
                                                    std::string_view kiosk_id, const Actor& actor) {
  KioskBundle bundle;
  const ManualClock clock{actor.at};
  const fs::path& from = source.db.path();
  const fs::path& to = replica.path();
  auto tx = Transaction::begin(replica);
  if (!tx) return std::unexpected(storage_failure(to, tx.error()));
  if (auto saved = EventRepository(replica).save(source.event); !saved)
    return std::unexpected(storage_failure(to, saved.error()));

  auto keys = from_storage(KeyRepository(source.db).keys(), from);
  if (!keys) return std::unexpected(keys.error());
  for (const auto& key : *keys) {
    if (key.retired()) continue;
    if (auto put = KeyRepository(replica).put_public_key(key.id, key.public_key); !put)
      return std::unexpected(storage_failure(to, put.error()));
    ++bundle.keys;
  }

  auto registrations = from_storage(AttendeeRepository(source.db, clock).all(), from);
  if (!registrations) return std::unexpected(registrations.error());
  std::vector<AttendeeRecord> records;
  records.reserve(registrations->size());
  for (const auto& registration : *registrations) records.push_back(registration.record);
  if (auto put = AttendeeRepository(replica, clock).put_records(records); !put)
    return std::unexpected(storage_failure(to, put.error()));
  bundle.attendees = records.size();

  auto revocations = from_storage(RevocationRepository(source.db).all(), from);
  if (!revocations) return std::unexpected(revocations.error());
  for (const auto& revocation : *revocations)
    if (auto put = RevocationRepository(replica).revoke(revocation.ticket_id, revocation.revoked_at,
                                                        revocation.reason);
        !put)
      return std::unexpected(storage_failure(to, put.error()));
  bundle.revocations = revocations->size();

  auto staff_cards = from_storage(StaffCardRepository(source.db).revoked(), from);
  if (!staff_cards) return std::unexpected(staff_cards.error());
  for (const auto& card : *staff_cards)
    if (auto put = StaffCardRepository(replica).put_revoked(card.id, card.revoked_at); !put)
      return std::unexpected(storage_failure(to, put.error()));

  auto admissions = from_storage(AdmissionLog(source.db, clock).all(), from);
  if (!admissions) return std::unexpected(admissions.error());
  if (auto put = AdmissionLog(replica, clock).append_batch(*admissions); !put)
    return std::unexpected(storage_failure(to, put.error()));
  bundle.admissions = admissions->size();
  // A kiosk provisioned again (a dead SD card) continues after its own events the server knows.
  if (auto claimed = KioskStateRepository(replica).claim(kiosk_id); !claimed)
    return std::unexpected(storage_failure(to, claimed.error()));
  // ... and after the commands it carried out: a replacement must not print old reprints again
  // or pause itself because of last week's pause. Commands it never got still come.
  auto known = from_storage(KioskRegistry(source.db).find(kiosk_id), from);
  if (!known) return std::unexpected(known.error());
  if (*known && (*known)->last_command > 0)
    if (auto done = KioskStateRepository(replica).set_last_command((*known)->last_command); !done)
      return std::unexpected(storage_failure(to, done.error()));

  if (auto committed = tx->commit(); !committed)
    return std::unexpected(storage_failure(to, committed.error()));
  return bundle;
}

// The --server given, else the address setup-server stored, else none.
std::expected<std::optional<std::string>, AdminError> sync_server(EventDatabase& source,
                                                                  std::string_view server) {
  if (!server.empty()) {
    auto parsed = parse_host_port(server, false);
    if (!parsed) return fail("--server: " + parsed.error());
    return format_host_port(*parsed);
  }
  auto stored = SettingsRepository(source.db).get(kSyncAddressSetting);
  if (!stored) return std::unexpected(storage_failure(source.db.path(), stored.error()));
  return *stored;
}

void remove_database_files(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    fs::remove(fs::path(path.string() + suffix), ignored);
}

// Without a server the kiosk works standalone; the same lines, commented out, say how to join.
std::string sync_section(const std::optional<std::string>& server) {
  const std::string lines =
      "[sync]\n"
      "server = " +
      toml_string(server.value_or("HOST:7443")) +
      "  # einlass-server's sync address\n"
      "ca = \"tls/ca.crt\"             # the event CA: the server must show a certificate it "
      "signed\n"
      "certificate = \"tls/kiosk.crt\"  # this kiosk's client certificate\n"
      "private_key = \"tls/kiosk.key\"  # its key: for root and the kiosk's service only\n"
      "claim_deadline_ms = 300         # online: wait this long (50..2000) for the server's claim\n"
      "heartbeat_seconds = 5           # how often the kiosk reports its health (1..60)\n";
  if (server)
    return "# Sync with einlass-server (without this section the kiosk works alone).\n" + lines;
  std::string commented =
      "# Sync with einlass-server. No server address was known when this bundle was made: set\n"
      "# server to einlass-server's \"host:port\" and remove the '#' before each line below (or\n"
      "# run einlass-admin setup-server --host HOST first, or provision-kiosk --server "
      "HOST:PORT).\n"
      "# Without this section the kiosk works alone.\n";
  std::size_t start = 0;
  while (start < lines.size()) {
    const auto end = lines.find('\n', start);
    commented += "# " + lines.substr(start, end - start + 1);
    start = end + 1;
  }
  return commented;
}

}  // namespace

std::expected<KioskBundle, AdminError> provision_kiosk(EventDatabase& source,
                                                       std::string_view kiosk_id,
                                                       const fs::path& out, const Actor& actor,
                                                       std::string_view server) {
  if (auto ok = check_kiosk_id(kiosk_id); !ok) return fail(ok.error());
  // Manual admissions are recorded under this id: a kiosk of that name would reuse their
  // sequence numbers.
  if (kiosk_id == kDeskKioskId)
    return fail("\"" + std::string(kDeskKioskId) +
                "\" is reserved for admissions made by hand at the staff desk; choose another "
                "kiosk name");
  const fs::path replica_path = out / "replica.db";
  const fs::path partial = out / ".replica.db.partial";
  std::error_code ec;
  if (fs::exists(replica_path, ec))
    return fail(replica_path.string() +
                " exists: it may hold admissions not yet synced; use a new folder");
  auto sync = sync_server(source, server);
  if (!sync) return std::unexpected(sync.error());
  const fs::path tls = out / "tls";
  if (auto free = refuse_existing({tls / "ca.crt", tls / "kiosk.crt", tls / "kiosk.key"}); !free)
    return std::unexpected(free.error());
  fs::create_directories(tls, ec);
  if (ec) return fail("cannot create " + tls.string() + ": " + ec.message());
  fs::permissions(out, fs::perms::owner_all, ec);
  fs::permissions(tls, fs::perms::owner_all, ec);
  remove_database_files(partial);

  KioskBundle bundle;
  {
    auto replica = Database::open(partial, DatabaseKind::kiosk);
    if (!replica) return std::unexpected(storage_failure(partial, replica.error()));
    auto filled = fill_replica(source, *replica, kiosk_id, actor);
    if (filled) {
      if (auto flushed = replica->checkpoint(); !flushed)
        filled = std::unexpected(storage_failure(partial, flushed.error()));
    }
    if (!filled) {
      remove_database_files(partial);
      return std::unexpected(filled.error());
    }
    bundle = *filled;
  }  // closed, with every commit in the file itself, before it is renamed
  // Recorded before its files are written: a certificate on disk that the database does not
  // know could never be revoked.
  auto issued = issue_kiosk_tls(source, kiosk_id, actor);
  if (!issued) {
    remove_database_files(partial);
    return std::unexpected(issued.error());
  }
  bundle.ca = tls / "ca.crt";
  bundle.certificate = tls / "kiosk.crt";
  bundle.private_key = tls / "kiosk.key";
  bundle.serial = issued->info.serial_hex;
  for (const auto& [path, content, mode] :
       {std::tuple{bundle.ca, issued->authority_pem, 0644u},
        std::tuple{bundle.certificate, issued->certificate.certificate_pem, 0644u},
        std::tuple{bundle.private_key, issued->certificate.private_key_pem, 0600u}})
    if (auto written = write_new_file(path, content, mode); !written) {
      remove_database_files(partial);
      return std::unexpected(written.error());
    }
  for (const char* leftover : {"-wal", "-shm"}) fs::remove(partial.string() + leftover, ec);
  fs::rename(partial, replica_path, ec);
  if (ec) return fail("cannot rename " + partial.string() + ": " + ec.message());
  bundle.replica = replica_path;

  bundle.config = out / "kiosk.toml";
  if (!fs::exists(bundle.config, ec)) {
    std::ofstream config(bundle.config, std::ios::binary);
    config << sample_kiosk_config(kiosk_id, *sync);
    if (!config.flush()) return fail("cannot write " + bundle.config.string());
    bundle.config_written = true;
    bundle.server = *sync;
  }

  auto audited = AuditRepository(source.db).append(
      {0, actor.at, actor.who, "provision_kiosk", std::string(kiosk_id),
       std::to_string(bundle.attendees) + " attendees, " + std::to_string(bundle.keys) +
           " keys, certificate " + bundle.serial});
  if (!audited) return std::unexpected(storage_failure(source.db.path(), audited.error()));
  return bundle;
}

std::string sample_kiosk_config(std::string_view kiosk_id,
                                const std::optional<std::string>& server) {
  return "# Einlass kiosk configuration (written by einlass-admin provision-kiosk).\n"
         "# Relative paths are relative to this file's folder.\n\n"
         "[kiosk]\n"
         "id = \"" +
         std::string(kiosk_id) +
         "\"        # unique per event; in every log line\n"
         "replica = \"replica.db\"  # the kiosk's own database; keep it with this file\n\n"
         "[devices]\n"
         "# Camera:          \"v4l2:/dev/video0?width=1280&height=720\"\n"
         "# Handheld (USB):  \"evdev:/dev/input/by-id/usb-...-event-kbd\"\n"
         "# Handheld (COM):  \"serial:/dev/ttyACM0?baud=9600\"\n"
         "# Image folder:    \"dir:frames\" (each new PNG/JPEG is one camera frame)\n"
         "scanners = [\"dir:frames\"]\n"
         "# \"ipp://printer.local:631/ipp/print\", \"zpl://10.0.0.31:9100\" or \"file:badges\"\n"
         "printer = \"file:badges\"\n"
         "# \"gpio:/dev/gpiochip0?green=17&red=27&buzzer=22\" or \"sim:\"\n"
         "indicator = \"sim:\"\n\n"
         "[entrance]\n"
         "mode = \"entry\"          # entry or exit\n"
         "categories = []         # e.g. [\"Referent\", \"Presse\"]; empty admits every "
         "category\n\n"
         "[badge]\n"
         "size = \"90x140mm\"       # or \"4x3in\" for landscape labels\n"
         "dpi = 300\n\n"
         "[screen]\n"
         "listen = \"127.0.0.1:8080\"  # the kiosk browser opens http://127.0.0.1:8080/\n"
         "result_seconds = 6      # how long a welcome or refusal stays on screen\n\n" +
         sync_section(server);
}

}  // namespace einlass
