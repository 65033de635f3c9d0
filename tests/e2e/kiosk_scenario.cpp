// Sets up a kiosk as provisioning would, for the browser test of the real daemon: a replica of
// an event running today, a kiosk.toml (dir: scanner, file: printer, screen on a free port), and
// camera frames to drop in: a genuine ticket, a forged one, a cancelled attendee's, a staff card.
// usage: kiosk_scenario DIR   -> prints one JSON object with the paths, names and the PIN.
#include <chrono>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>

#include "staffcard/pin.h"
#include "staffcard/staff_card_issuer.h"
#include "storage/attendee_repository.h"
#include "storage/database.h"
#include "storage/event_repository.h"
#include "storage/key_repository.h"
#include "support/files.h"
#include "support/frames/frame_maker.h"
#include "ticket/signing_key.h"
#include "ticket/ticket_issuer.h"

using namespace einlass;
namespace fs = std::filesystem;

namespace {

std::string ticket_code(const EventConfig& event, const SigningKey& key, const AttendeeRecord& r) {
  return issue_ticket(ticket_for(r, event.id, 1), key);
}

void drop_ready(const fs::path& pending, const std::string& name, const std::string& code,
                test::FrameStyle style) {
  test::write_png(test::make_frame(code, style, 7).view(), pending / (name + ".png"));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kiosk_scenario DIR\n";
    return 2;
  }
  const fs::path dir = fs::absolute(argv[1]);
  fs::create_directories(dir / "frames");
  fs::create_directories(dir / "badges");
  fs::create_directories(dir / "pending");

  using namespace std::chrono;
  EventConfig event;
  event.id = 4711;
  event.name = "Digitale Verwaltung 2026";
  event.first_day = year_month_day{floor<days>(system_clock::now()) - days(1)};
  event.day_count = 3;
  const SigningKey key = SigningKey::generate();
  const std::vector<AttendeeRecord> people{
      {1, "Jürgen Weiß", "Bundesministerium des Innern", 2, all_days(3), AttendeeStatus::active},
      {2, "Anna-Lena Müller", "Stadt Halle (Saale)", 1, all_days(3), AttendeeStatus::active},
      {3, "Storno Person", "Landkreis Saalekreis", 1, all_days(3), AttendeeStatus::canceled},
  };
  {
    auto db = Database::open(dir / "replica.db", DatabaseKind::kiosk);
    if (!db) {
      std::cerr << db.error().message << '\n';
      return 1;
    }
    SystemClock clock;
    if (!EventRepository(*db).save(event) ||
        !KeyRepository(*db).put_public_key(1, key.public_key()) ||
        !AttendeeRepository(*db, clock).put_records(people)) {
      std::cerr << "cannot fill the replica\n";
      return 1;
    }
  }
  test::write_file(
      dir / "kiosk.toml",
      "[kiosk]\nid = \"Eingang-Nord\"\nreplica = \"replica.db\"\n[devices]\n"
      "scanners = [\"dir:frames?repeat_gap_ms=0\"]\nprinter = \"file:badges\"\n"
      "indicator = \"sim:\"\n[screen]\nlisten = \"127.0.0.1:0\"\nresult_seconds = 30\n");

  std::string forged = ticket_code(event, key, people[1]);
  forged[forged.size() - 4] = forged[forged.size() - 4] == 'A' ? 'B' : 'A';
  StaffCard card;
  card.event_id = event.id;
  card.key_id = 1;
  card.card_id = 1;
  card.staff_name = "Max Muster";
  card.issued_at = floor<seconds>(system_clock::now());
  const std::string pin = "2580";
  card.pin = make_pin_verifier(pin, PinHashParams{10, 8, 1});  // cheap: a test, not a kiosk

  const fs::path pending = dir / "pending";
  drop_ready(pending, "valid", ticket_code(event, key, people[0]), test::FrameStyle::tilted);
  drop_ready(pending, "forged", forged, test::FrameStyle::clean);
  drop_ready(pending, "canceled", ticket_code(event, key, people[2]), test::FrameStyle::inverted);
  drop_ready(pending, "staff", sign_staff_card(card, key), test::FrameStyle::clean);

  nlohmann::json out{{"config", (dir / "kiosk.toml").string()},
                     {"frames", (dir / "frames").string()},
                     {"pending", pending.string()},
                     {"badges", (dir / "badges").string()},
                     {"valid_name", people[0].display_name},
                     {"valid_ticket", "T000001"},
                     {"staff_name", card.staff_name},
                     {"pin", pin}};
  std::cout << out.dump() << std::endl;
  return 0;
}
