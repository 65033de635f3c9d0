#include "admin/kiosk_provisioning.h"

#include <fstream>
#include <system_error>

#include "storage/admission_log.h"
#include "storage/attendee_repository.h"
#include "storage/audit_repository.h"
#include "storage/event_repository.h"
#include "storage/key_repository.h"
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

  if (auto committed = tx->commit(); !committed)
    return std::unexpected(storage_failure(to, committed.error()));
  return bundle;
}

void remove_database_files(const fs::path& path) {
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"})
    fs::remove(fs::path(path.string() + suffix), ignored);
}

}  // namespace

std::expected<KioskBundle, AdminError> provision_kiosk(EventDatabase& source,
                                                       std::string_view kiosk_id,
                                                       const fs::path& out, const Actor& actor) {
  if (auto ok = check_kiosk_id(kiosk_id); !ok) return fail(ok.error());
  const fs::path replica_path = out / "replica.db";
  const fs::path partial = out / ".replica.db.partial";
  std::error_code ec;
  if (fs::exists(replica_path, ec))
    return fail(replica_path.string() +
                " exists: it may hold admissions not yet synced; use a new folder");
  fs::create_directories(out, ec);
  if (ec) return fail("cannot create " + out.string() + ": " + ec.message());
  fs::permissions(out, fs::perms::owner_all, ec);
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
  for (const char* leftover : {"-wal", "-shm"}) fs::remove(partial.string() + leftover, ec);
  fs::rename(partial, replica_path, ec);
  if (ec) return fail("cannot rename " + partial.string() + ": " + ec.message());
  bundle.replica = replica_path;

  bundle.config = out / "kiosk.toml";
  if (!fs::exists(bundle.config, ec)) {
    std::ofstream config(bundle.config, std::ios::binary);
    config << sample_kiosk_config(kiosk_id);
    if (!config.flush()) return fail("cannot write " + bundle.config.string());
    bundle.config_written = true;
  }

  auto audited = AuditRepository(source.db).append(
      {0, actor.at, actor.who, "provision_kiosk", std::string(kiosk_id),
       std::to_string(bundle.attendees) + " attendees, " + std::to_string(bundle.keys) + " keys"});
  if (!audited) return std::unexpected(storage_failure(source.db.path(), audited.error()));
  return bundle;
}

std::string sample_kiosk_config(std::string_view kiosk_id) {
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
         "result_seconds = 6      # how long a welcome or refusal stays on screen\n";
}

}  // namespace einlass
