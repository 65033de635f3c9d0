#include "scan/frame_scanner.h"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "device/device_uri.h"
#include "scan/dir_frame_source.h"
#include "scan/open_frame_scanner.h"
#include "support/files.h"
#include "support/frames/frame_maker.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;
using test::FrameStyle;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<Scanner> open_dir_scanner(const fs::path& folder, const Clock& clock,
                                          const std::string& options = "") {
  auto uri = parse_device_uri("dir:" + folder.string() + options);
  REQUIRE(uri);
  auto scanner = open_frame_scanner(*uri, clock);
  REQUIRE(scanner);
  return std::move(*scanner);
}

// next() with a watchdog: a frame the decoder misses would otherwise leave the dir: source
// waiting for ever; after `limit` the scanner is stopped and the test fails on `stopped`.
DeviceResult<ScannedCode> next_within(Scanner& scanner, std::chrono::seconds limit = 20s) {
  std::mutex mutex;
  std::condition_variable done_changed;
  bool done = false;
  std::thread watchdog([&] {
    std::unique_lock lock(mutex);
    if (!done_changed.wait_for(lock, limit, [&] { return done; })) scanner.stop();
  });
  auto result = scanner.next();
  {
    std::lock_guard lock(mutex);
    done = true;
  }
  done_changed.notify_all();
  watchdog.join();
  return result;
}

void write_frame(const fs::path& path, std::string_view text, FrameStyle style,
                 std::uint32_t seed = 1) {
  const auto frame = test::make_frame(text, style, seed);
  if (path.extension() == ".jpg")
    test::write_jpeg(frame.view(), path);
  else
    test::write_png(frame.view(), path);
}

}  // namespace

TEST_CASE("the dir: scanner reads every kind of frame from PNG and JPEG files", "[scan][scanner]") {
  test::TempDir dir;
  ManualClock clock(test::utc(2026, 3, 28, 8, 0));
  std::vector<std::string> texts;
  int index = 0;
  for (const auto style : test::kAllFrameStyles) {
    texts.push_back(test::ticket_like_text(100u + static_cast<std::uint32_t>(index)));
    const auto name = std::to_string(10 + index) + "-" + std::string(test::to_string(style)) +
                      (index % 2 == 0 ? ".jpg" : ".png");
    write_frame(dir / name, texts.back(), style, 100u + static_cast<std::uint32_t>(index));
    ++index;
  }
  auto scanner = open_dir_scanner(dir.path(), clock);
  CHECK(scanner->describe() == "dir " + dir.path().string());
  for (const auto& text : texts) {
    const auto code = next_within(*scanner);
    REQUIRE(code);
    CHECK(code->text == text);
    CHECK(code->arrived == clock.now());
  }
}

TEST_CASE("frames without a code are skipped silently", "[scan][scanner]") {
  test::TempDir dir;
  ManualClock clock(test::utc(2026, 3, 28, 8, 0));
  test::write_png(test::make_empty_frame(1).view(), dir / "1.png");
  test::write_png(test::make_empty_frame(2).view(), dir / "2.png");
  write_frame(dir / "3.png", "EINLASS:THIRD", FrameStyle::clean);
  auto scanner = open_dir_scanner(dir.path(), clock);
  const auto code = next_within(*scanner);
  REQUIRE(code);
  CHECK(code->text == "EINLASS:THIRD");
  CHECK(fs::exists(dir / "done" / "1.png"));
  CHECK(fs::exists(dir / "done" / "2.png"));
}

TEST_CASE("a held code is decided once, and again after it was away", "[scan][scanner]") {
  test::TempDir dir;
  ManualClock clock(test::utc(2026, 3, 28, 8, 0));
  write_frame(dir / "1.png", "EINLASS:A", FrameStyle::clean, 1);
  write_frame(dir / "2.png", "EINLASS:A", FrameStyle::tilted, 2);
  write_frame(dir / "3.png", "EINLASS:B", FrameStyle::clean, 3);
  auto scanner = open_dir_scanner(dir.path(), clock);
  const auto first = next_within(*scanner);
  REQUIRE(first);
  CHECK(first->text == "EINLASS:A");
  // 2.png shows A again at the same moment: skipped; B comes next.
  const auto second = next_within(*scanner);
  REQUIRE(second);
  CHECK(second->text == "EINLASS:B");
  clock.advance(2s);
  write_frame(dir / "4.png", "EINLASS:A", FrameStyle::upside_down, 4);
  const auto again = next_within(*scanner);
  REQUIRE(again);
  CHECK(again->text == "EINLASS:A");
}

TEST_CASE("repeat_gap_ms=0 decides every sighting", "[scan][scanner]") {
  test::TempDir dir;
  ManualClock clock(test::utc(2026, 3, 28, 8, 0));
  write_frame(dir / "1.png", "EINLASS:A", FrameStyle::clean, 1);
  write_frame(dir / "2.png", "EINLASS:A", FrameStyle::clean, 2);
  auto scanner = open_dir_scanner(dir.path(), clock, "?repeat_gap_ms=0");
  for (int i = 0; i < 2; ++i) {
    const auto code = next_within(*scanner);
    REQUIRE(code);
    CHECK(code->text == "EINLASS:A");
  }
}

TEST_CASE("a bad frame is bad_input naming the file, and the scanner goes on", "[scan][scanner]") {
  test::TempDir dir;
  ManualClock clock(test::utc(2026, 3, 28, 8, 0));
  test::write_file(dir / "1-broken.jpg", "");
  write_frame(dir / "2-good.jpg", "EINLASS:GOOD", FrameStyle::blurred);
  auto scanner = open_dir_scanner(dir.path(), clock);
  const auto bad = next_within(*scanner);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().kind == DeviceError::Kind::bad_input);
  CHECK_THAT(bad.error().message, Catch::Contains("1-broken.jpg"));
  const auto good = next_within(*scanner);
  REQUIRE(good);
  CHECK(good->text == "EINLASS:GOOD");
}

TEST_CASE("stop() makes a waiting scanner return stopped", "[scan][scanner]") {
  test::TempDir dir;
  SystemClock clock;
  auto scanner = open_dir_scanner(dir.path(), clock);
  std::thread stopper([&] {
    std::this_thread::sleep_for(100ms);
    scanner->stop();
  });
  const auto result = next_within(*scanner);
  stopper.join();
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == DeviceError::Kind::stopped);
}
