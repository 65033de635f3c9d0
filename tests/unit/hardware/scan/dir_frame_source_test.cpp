#include "scan/dir_frame_source.h"

#include <catch2/catch.hpp>
#include <future>
#include <thread>

#include "support/files.h"
#include "support/frames/frame_maker.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"

using namespace einlass;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

// A small frame whose every pixel is `level`, so that the order of frames can be read back.
void write_level(const fs::path& path, std::uint8_t level) {
  GrayImage image(16, 8, level);
  if (path.extension() == ".jpg")
    test::write_jpeg(image.view(), path, 100);
  else
    test::write_png(image.view(), path);
}

std::unique_ptr<DirFrameSource> open_source(const fs::path& folder, const Clock& clock) {
  auto source = DirFrameSource::open(folder, clock, 10ms);
  REQUIRE(source);
  return std::move(*source);
}

// next() on another thread, stopped after a while: nothing was there to take.
DeviceResult<Frame> next_with_nothing_waiting(DirFrameSource& source) {
  auto pending = std::async(std::launch::async, [&] { return source.next(); });
  std::this_thread::sleep_for(150ms);
  source.stop();
  REQUIRE(pending.wait_for(2s) == std::future_status::ready);
  return pending.get();
}

}  // namespace

TEST_CASE("files are frames in name order and move to done/", "[scan][dir]") {
  test::TempDir dir;
  ManualClock clock(test::utc(2026, 3, 28, 8, 0));
  write_level(dir / "0003.png", 30);
  write_level(dir / "0001.jpg", 10);
  write_level(dir / "0002.png", 20);
  auto source = open_source(dir.path(), clock);
  CHECK(fs::is_directory(dir / "done"));
  for (const int level : {10, 20, 30}) {
    clock.advance(40ms);
    const auto frame = source->next();
    REQUIRE(frame);
    CHECK(std::abs(frame->image.at(3, 3) - level) <= 1);
    CHECK(frame->arrived == clock.now());
  }
  for (const auto* name : {"0001.jpg", "0002.png", "0003.png"}) {
    CHECK_FALSE(fs::exists(dir / name));
    CHECK(fs::exists(dir / "done" / name));
  }
}

TEST_CASE("files starting with a dot and other file types are left alone", "[scan][dir]") {
  test::TempDir dir;
  ManualClock clock(test::utc(2026, 3, 28, 8, 0));
  write_level(dir / ".0001.png.tmp", 10);
  write_level(dir / ".hidden.png", 10);
  test::write_file(dir / "README.txt", "frames go here");
  auto source = open_source(dir.path(), clock);
  const auto result = next_with_nothing_waiting(*source);
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == DeviceError::Kind::stopped);
  CHECK(fs::exists(dir / ".0001.png.tmp"));
  CHECK(fs::exists(dir / ".hidden.png"));
  CHECK(fs::exists(dir / "README.txt"));
}

TEST_CASE("a file renamed into place while waiting is taken", "[scan][dir]") {
  test::TempDir dir;
  SystemClock clock;
  auto source = open_source(dir.path(), clock);
  auto writer = std::async(std::launch::async, [&] {
    std::this_thread::sleep_for(100ms);
    write_level(dir / ".late.png.tmp", 77);
    fs::rename(dir / ".late.png.tmp", dir / "late.png");
  });
  const auto frame = source->next();
  writer.get();
  REQUIRE(frame);
  CHECK(frame->image.at(0, 0) == 77);
  CHECK(fs::exists(dir / "done" / "late.png"));
}

TEST_CASE("bad files are reported once each, moved away, and the next good file is read",
          "[scan][dir]") {
  test::TempDir dir;
  ManualClock clock(test::utc(2026, 3, 28, 8, 0));
  test::write_file(dir / "1-zero.png", "");
  write_level(dir / "full.jpg", 50);
  const auto jpg = test::read_file(dir / "full.jpg");
  fs::remove(dir / "full.jpg");
  test::write_file(dir / "2-truncated.jpg", jpg.substr(0, jpg.size() / 2));
  // Signature and an IHDR claiming 100000 x 100000 pixels.
  test::write_file(
      dir / "3-huge.png",
      std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR\0\x01\x86\xa0\0\x01\x86\xa0\x08\0\0\0\0\0\0\0\0",
                  33));
  write_level(dir / "4-good.png", 90);
  auto source = open_source(dir.path(), clock);
  for (const auto* name : {"1-zero.png", "2-truncated.jpg", "3-huge.png"}) {
    const auto frame = source->next();
    REQUIRE_FALSE(frame);
    CHECK(frame.error().kind == DeviceError::Kind::bad_input);
    CHECK_THAT(frame.error().message, Catch::Contains(name));
    CHECK(fs::exists(dir / "done" / name));
  }
  const auto good = source->next();
  REQUIRE(good);
  CHECK(good->image.at(0, 0) == 90);
}

TEST_CASE("stop() ends a waiting next() quickly and every later one", "[scan][dir]") {
  test::TempDir dir;
  SystemClock clock;
  auto source = DirFrameSource::open(dir.path(), clock, 1000ms);  // slow polling on purpose
  REQUIRE(source);
  auto pending = std::async(std::launch::async, [&] { return (*source)->next(); });
  std::this_thread::sleep_for(50ms);
  const auto stopped_at = std::chrono::steady_clock::now();
  (*source)->stop();
  REQUIRE(pending.wait_for(2s) == std::future_status::ready);
  CHECK(std::chrono::steady_clock::now() - stopped_at < 500ms);
  const auto result = pending.get();
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == DeviceError::Kind::stopped);
  write_level(dir / "after.png", 1);
  const auto later = (*source)->next();
  REQUIRE_FALSE(later);
  CHECK(later.error().kind == DeviceError::Kind::stopped);
}

TEST_CASE("a missing folder is unavailable, naming it", "[scan][dir]") {
  test::TempDir dir;
  SystemClock clock;
  const auto source = DirFrameSource::open(dir / "nope", clock);
  REQUIRE_FALSE(source);
  CHECK(source.error().kind == DeviceError::Kind::unavailable);
  CHECK_THAT(source.error().message, Catch::Contains((dir / "nope").string()));
}
