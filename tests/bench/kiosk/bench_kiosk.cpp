// Kiosk benchmarks, each against a reference measured in the same run:
//  1. frame -> committed decision (our decode path, verify, decide, durable commit) for 1280x720
//     camera frames, against ZXing-C++'s own QR decode of the same frames;
//  2. peak RSS of a running einlass-kiosk whose replica holds 50,000 attendees, against the
//     64 MiB target.
// Prints figures and ratios; asserts nothing about speed.
#include <ZXing/ReadBarcode.h>
#include <signal.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "../../integration/daemon_process.h"
#include "core/admission_desk.h"
#include "core/replica.h"
#include "scan/qr_decoder.h"
#include "storage/attendee_repository.h"
#include "storage/event_repository.h"
#include "storage/key_repository.h"
#include "support/files.h"
#include "support/frames/frame_maker.h"
#include "support/sample_event.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"
#include "ticket/signing_key.h"
#include "ticket/ticket_issuer.h"

#include "bench/latency.h"

namespace {

using namespace einlass;
using Stopwatch = std::chrono::steady_clock;

double ms_since(Stopwatch::time_point start) {
  return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

using bench::Latency;
using bench::summarise;

AttendeeRecord attendee(TicketId id, const EventConfig& event) {
  return {id,
          "Teilnehmerin Nummer " + std::to_string(id),
          "Landesverwaltung Sachsen-Anhalt, Referat " + std::to_string(id % 97),
          static_cast<CategoryCode>(1 + id % 4),
          all_days(event.day_count),
          AttendeeStatus::active};
}

// A replica like a provisioned kiosk's: the event, its key and `attendees` badge records.
void make_replica(const std::filesystem::path& path, const EventConfig& event,
                  const SigningKey& key, int attendees) {
  auto db = Database::open(path, DatabaseKind::kiosk);
  if (!db) throw std::runtime_error(db.error().message);
  (void)EventRepository(*db).save(event);
  (void)KeyRepository(*db).put_public_key(1, key.public_key());
  std::vector<AttendeeRecord> records;
  for (int i = 1; i <= attendees; ++i) records.push_back(attendee(static_cast<TicketId>(i), event));
  ManualClock clock{test::utc(2026, 3, 1)};
  (void)AttendeeRepository(*db, clock).put_records(records);
}

std::string ticket_code(const EventConfig& event, const SigningKey& key, TicketId id) {
  return issue_ticket(ticket_for(attendee(id, event), event.id, 1), key);
}

void bench_pipeline(int frames) {
  test::TempDir dir;
  const EventConfig event = test::sample_event();
  const SigningKey key = SigningKey::generate();
  make_replica(dir / "replica.db", event, key, frames);
  auto replica = Replica::open(dir / "replica.db");
  if (!replica) throw std::runtime_error(replica.error());
  ManualClock clock{test::utc(2026, 3, 28, 8, 0)};
  auto desk = AdmissionDesk::open(*replica, Entrance{"K1", EntranceMode::entry, {}}, clock);
  if (!desk) throw std::runtime_error(desk.error());

  std::vector<GrayImage> images;
  for (int i = 1; i <= frames; ++i)
    images.push_back(test::make_frame(
        ticket_code(event, key, static_cast<TicketId>(i)),
        test::kAllFrameStyles[static_cast<std::size_t>(i) % test::kAllFrameStyles.size()],
        static_cast<std::uint32_t>(i)));

  ZXing::DecodeHints plain;
  plain.setFormats(ZXing::BarcodeFormat::QRCode);
  std::vector<double> reference, decode_only, ours;
  int reference_read = 0, admitted = 0;
  QrDecoder decoder(FrameSequence::stills);
  for (const auto& image : images) {
    const auto view = image.view();
    auto start = Stopwatch::now();
    const auto result = ZXing::ReadBarcode(ZXing::ImageView(view.pixels, view.width, view.height,
                                                            ZXing::ImageFormat::Lum, view.stride),
                                           plain);
    reference.push_back(ms_since(start));
    if (result.isValid()) ++reference_read;

    start = Stopwatch::now();
    const auto text = decoder.decode(view);
    decode_only.push_back(ms_since(start));
    if (text && desk->scan(*text, clock.now()).decision.admitted) ++admitted;
    ours.push_back(ms_since(start));
  }
  const auto ref = summarise(reference), decode = summarise(decode_only), pipe = summarise(ours);
  std::printf("\nframe -> committed decision, %d frames of 1280x720 (all nine camera styles)\n",
              frames);
  std::printf("  %-44s %8s %8s %8s %8s\n", "", "p50 ms", "p99 ms", "mean ms", "read");
  std::printf("  %-44s %8.2f %8.2f %8.2f %5d/%d\n", "reference: ZXing ReadBarcode, QR only",
              ref.p50, ref.p99, ref.mean, reference_read, frames);
  std::printf("  %-44s %8.2f %8.2f %8.2f\n", "kiosk decode path alone (inverted, retries)",
              decode.p50, decode.p99, decode.mean);
  std::printf("  %-44s %8.2f %8.2f %8.2f %5d/%d\n", "kiosk: decode + verify + decide + commit",
              pipe.p50, pipe.p99, pipe.mean, admitted, frames);
  std::printf("  pipeline / its bare decode: p50 %.2fx, p99 %.2fx, mean %.2fx (target <= 1.3x)\n",
              pipe.p50 / decode.p50, pipe.p99 / decode.p99, pipe.mean / decode.mean);
  std::printf("  pipeline / plain ZXing:     p50 %.2fx, p99 %.2fx, mean %.2fx\n",
              pipe.p50 / ref.p50, pipe.p99 / ref.p99, pipe.mean / ref.mean);
  std::printf("  decision p99 %.1f ms: %s one camera frame (33 ms)\n", pipe.p99,
              pipe.p99 < 33 ? "under" : "OVER");
}

long peak_rss_kib(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmHWM:")) return std::stol(line.substr(6));
  return -1;
}

void bench_rss(const std::string& kiosk_binary, int attendees, int scans) {
  using namespace std::chrono;
  test::TempDir dir;
  EventConfig event = test::sample_event();
  event.first_day = year_month_day{floor<days>(system_clock::now()) - days(1)};
  event.day_count = 3;
  const SigningKey key = SigningKey::generate();
  make_replica(dir / "replica.db", event, key, attendees);
  std::filesystem::create_directories(dir / "frames");
  std::filesystem::create_directories(dir / "badges");
  test::write_file(dir / "kiosk.toml",
                   "[kiosk]\nid = \"K1\"\nreplica = \"replica.db\"\n[devices]\n"
                   "scanners = [\"dir:frames\"]\nprinter = \"file:badges\"\n"
                   "[screen]\nlisten = \"127.0.0.1:0\"\n");
  test::DaemonProcess kiosk({kiosk_binary, "--config", (dir / "kiosk.toml").string()},
                            dir / "kiosk");
  kiosk.start();
  kiosk.wait_for_output([](const std::string& out) { return out.find("\"started\"") != out.npos; });
  for (int i = 1; i <= scans; ++i) {
    const auto name = "f" + std::to_string(i) + ".png";
    test::write_png(test::make_frame(ticket_code(event, key, static_cast<TicketId>(i * 7)),
                                     test::FrameStyle::clean, static_cast<std::uint32_t>(i))
                        .view(),
                    dir / "frames" / ("." + name));
    std::filesystem::rename(dir / "frames" / ("." + name), dir / "frames" / name);
  }
  const bool done = kiosk.wait_for_output(
      [&](const std::string& out) {
        std::size_t prints = 0;
        for (auto at = out.find("\"state\":\"done\""); at != out.npos;
             at = out.find("\"state\":\"done\"", at + 1))
          ++prints;
        return prints >= static_cast<std::size_t>(scans);
      },
      seconds(120));
  // The daemon's own pid: DaemonProcess keeps it private, so read it from /proc by name.
  long rss = -1;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::ifstream cmdline(entry.path() / "cmdline");
    std::string args;
    std::getline(cmdline, args);
    if (args.find((dir / "kiosk.toml").string()) != std::string::npos &&
        args.find("einlass-kiosk") != std::string::npos)
      rss = peak_rss_kib(static_cast<pid_t>(std::stol(entry.path().filename().string())));
  }
  kiosk.stop(SIGTERM);
  if (!done) std::printf("%s\n%s\n", kiosk.out().c_str(), kiosk.err().c_str());
  std::printf("\npeak RSS of einlass-kiosk, %d attendees in the replica, %d scans and badges%s\n",
              attendees, scans, done ? "" : " (NOT all finished)");
  std::printf("  VmHWM %.1f MiB; target 64 MiB: %.2fx of target\n", static_cast<double>(rss) / 1024,
              static_cast<double>(rss) / 1024 / 64);
}

}  // namespace

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  std::printf("Einlass kiosk benchmarks (%s run)\n", quick ? "quick" : "full");
  bench_pipeline(quick ? 18 : 270);
  bench_rss(EINLASS_KIOSK_BINARY, quick ? 2000 : 50000, quick ? 3 : 30);
  return 0;
}
