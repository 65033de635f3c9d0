// Writes the seed corpus of sync_message_fuzz (tests/fuzz/corpus/sync): one framed message of
// every type after the byte that picks how the fuzzer cuts the stream. Run by hand after a
// deliberate format change: sync_tests "[.regenerate]".
#include <catch2/catch.hpp>
#include <filesystem>

#include "message_samples.h"
#include "rules/reason.h"
#include "support/files.h"
#include "sync/frame.h"
#include "sync/handshake.h"
#include "sync/messages.h"

using namespace einlass;

TEST_CASE("write the sync fuzzer's seed corpus", "[.regenerate]") {
  const std::filesystem::path dir = std::filesystem::path(EINLASS_FUZZ_DIR) / "corpus/sync";
  std::filesystem::create_directories(dir);
  auto seed = [&](const std::string& name, char split, const std::string& frames) {
    test::write_file(dir / (name + ".bin"), std::string(1, split) + frames);
  };
  Changes snapshot_part = test::sample_changes();
  snapshot_part.cursor.clear();
  Heartbeat beat;
  beat.health.printer = PrinterHealth::offline;
  beat.health.printer_detail = "connection refused";
  beat.unsynced = 3;
  beat.kiosk_time_ms = 1'774'680'000'000;
  beat.hlc = {1'774'680'000'000, 1};
  beat.last_command = 2;
  // What the kiosk did: refusals, print jobs, the newest refusals with and without a ticket.
  Heartbeat busy = beat;
  busy.health.refusals = {{"already_admitted", 4}, {"invalid", 1}, {"revoked", 2}};
  busy.health.print_jobs = {{"done", 40}, {"failed", 1}, {"queued", 2}};
  busy.health.recent_refusals = {{42, "already_admitted", 1'774'680'002'000},
                                 {std::nullopt, "invalid", 1'774'680'001'000},
                                 {4'294'967'295u, "revoked", 1'774'680'000'500}};
  Heartbeat full = busy;
  full.health.recent_refusals.clear();
  for (std::size_t i = 0; i < kMaxRecentRefusals; ++i) {
    std::optional<TicketId> ticket;
    if (i % 3 == 1) ticket = 1;
    if (i % 3 == 2) ticket = 4'294'967'295u;
    full.health.recent_refusals.push_back(
        {ticket, std::string(to_string(kAllReasons[i % kAllReasons.size()])),
         1'774'680'002'000 - 1'000 * static_cast<std::int64_t>(i)});
  }
  full.health.refusals = {{"error", 9'223'372'036'854'775'807u}, {"unknown_key", 0}};
  full.health.print_jobs = {{"printing", 1}};

  seed("version", 0,
       encode_frame(MessageType::version, encode_version_offer(VersionOffer{{1}, "0.1.0"})));
  seed("hello", 1, encode_frame(MessageType::hello, encode_hello(Hello{"K1", "0.1.0", "c:1"})));
  seed("push", 2,
       encode_frame(MessageType::push,
                    encode_push(Push{{test::sample_admission(1), test::sample_manual_entry()}})));
  seed("ack", 3, encode_frame(MessageType::ack, encode_ack(Ack{"entrance-north", 1, 9})));
  seed("pull", 4, encode_frame(MessageType::pull, encode_pull(Pull{"v1:2026:18342"})));
  seed("changes", 5, encode_frame(MessageType::changes, encode_changes(test::sample_changes())));
  seed("snapshot", 0, encode_frame(MessageType::snapshot, encode_changes(snapshot_part)));
  seed("heartbeat", 6, encode_frame(MessageType::heartbeat, encode_heartbeat(beat)));
  seed("heartbeat-activity", 0, encode_frame(MessageType::heartbeat, encode_heartbeat(busy)));
  seed("heartbeat-full", 14, encode_frame(MessageType::heartbeat, encode_heartbeat(full)));
  // A kiosk from before refusals and print jobs were reported.
  seed("heartbeat-older-kiosk", 0,
       encode_frame(MessageType::heartbeat, test::kOlderKioskHeartbeat));
  seed("command-reprint", 7,
       encode_frame(MessageType::command,
                    encode_command(Command{4, CommandKind::reprint, 42, "Anna", "Fleck"})));
  seed("command-pause", 8,
       encode_frame(MessageType::command,
                    encode_command(Command{5, CommandKind::pause, 0, "", ""})));
  seed("error", 9,
       encode_frame(MessageType::error,
                    encode_error(ErrorMessage{"push: event 3: \"s\" is wrong"})));
  seed("claim", 10, encode_frame(MessageType::claim, encode_claim(Claim{1, 42, 2})));
  seed("claim-result", 11,
       encode_frame(MessageType::claim_result,
                    encode_claim_result(
                        ClaimResult{1, false, {test::sample_admission(2)}, "entrance-south"})));
  // A whole conversation in one stream, cut into small pieces.
  seed("conversation", 13,
       encode_frame(MessageType::version, encode_version_offer(VersionOffer{{1}, "0.1.0"})) +
           encode_frame(MessageType::hello, encode_hello(Hello{"K1", "0.1.0", ""})) +
           encode_frame(MessageType::push, encode_push(Push{{test::sample_admission(5)}})) +
           encode_frame(MessageType::pull, encode_pull(Pull{})) +
           encode_frame(MessageType::claim, encode_claim(Claim{2, 4205, 2})));
  SUCCEED();
}
