// The serial scanner for real, on a pseudo-terminal: the test writes to the master side as a
// scanner would, the scanner reads the slave side by its path.
#include "keyed/serial_scanner.h"

#include <pty.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <thread>

#include "device/device_uri.h"
#include "keyed/open_keyed_scanner.h"
#include "support/files.h"
#include "support/temp_dir.h"
#include "support/time_literals.h"
#include "test_clock.h"

using einlass::DeviceError;
using einlass::open_keyed_scanner;
using einlass::parse_device_uri;
using einlass::Scanner;
using einlass::test::SharedClock;
using einlass::test::utc;
using namespace std::chrono_literals;

namespace {

class Pty {
 public:
  Pty() {
    termios raw{};
    ::cfmakeraw(&raw);
    REQUIRE(::openpty(&master_, &slave_, nullptr, &raw, nullptr) == 0);
    slave_path_ = ::ttyname(slave_);
  }
  ~Pty() {
    close_master();
    ::close(slave_);
  }
  Pty(const Pty&) = delete;
  Pty& operator=(const Pty&) = delete;

  const std::string& slave_path() const { return slave_path_; }
  int slave() const { return slave_; }

  void write(std::string_view bytes) {
    while (!bytes.empty()) {
      const auto n = ::write(master_, bytes.data(), bytes.size());
      REQUIRE(n > 0);
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  void close_master() {
    if (master_ >= 0) ::close(master_);
    master_ = -1;
  }

 private:
  int master_ = -1;
  int slave_ = -1;
  std::string slave_path_;
};

std::unique_ptr<Scanner> open_on(const Pty& pty, const einlass::Clock& clock,
                                 const std::string& options = "?baud=115200") {
  const auto uri = parse_device_uri("serial:" + pty.slave_path() + options);
  REQUIRE(uri.has_value());
  auto scanner = open_keyed_scanner(*uri, clock);
  if (!scanner) FAIL(scanner.error().message);
  return std::move(*scanner);
}

// Waits (bounded, so that a broken scanner fails the test rather than hanging it) for `done`.
template <class Predicate>
bool eventually(Predicate done) {
  for (int i = 0; i < 5000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(1ms);
  }
  return done();
}

int unread_bytes(int fd) {
  int n = 0;
  ::ioctl(fd, FIONREAD, &n);
  return n;
}

}  // namespace

TEST_CASE("serial: lines written by the scanner come out as codes", "[keyed][serial]") {
  Pty pty;
  SharedClock clock(utc(2026, 3, 28, 8));
  auto scanner = open_on(pty, clock);
  pty.write("EINLASS:AB$%*+-./:\r\nA\x01Z\r\n\r\nSECOND\n");
  auto first = scanner->next();
  REQUIRE(first.has_value());
  CHECK(first->text == "EINLASS:AB$%*+-./:");
  CHECK(first->arrived == utc(2026, 3, 28, 8));
  auto bad = scanner->next();
  REQUIRE_FALSE(bad.has_value());
  CHECK(bad.error().kind == DeviceError::Kind::bad_input);
  CHECK_THAT(bad.error().message, Catch::Contains(pty.slave_path()) && Catch::Contains("0x01"));
  auto second = scanner->next();
  REQUIRE(second.has_value());
  CHECK(second->text == "SECOND");
}

TEST_CASE("serial: the port is raw at the configured rate", "[keyed][serial]") {
  Pty pty;
  termios cooked{};
  REQUIRE(::tcgetattr(pty.slave(), &cooked) == 0);
  cooked.c_lflag |= ICANON | ECHO;
  cooked.c_iflag |= ICRNL;
  REQUIRE(::tcsetattr(pty.slave(), TCSANOW, &cooked) == 0);
  SharedClock clock(utc(2026, 3, 28, 8));
  auto scanner = open_on(pty, clock, "?baud=19200");
  termios now{};
  REQUIRE(::tcgetattr(pty.slave(), &now) == 0);
  CHECK((now.c_lflag & (ICANON | ECHO)) == 0);
  CHECK((now.c_iflag & ICRNL) == 0);
  CHECK(::cfgetispeed(&now) == B19200);
  CHECK(scanner->describe() == "serial scanner " + pty.slave_path() + " at 19200 baud");
  // Without raw mode the line discipline would turn CR into LF and hold bytes until a newline.
  pty.write("RAW\r");
  auto code = scanner->next();
  REQUIRE(code.has_value());
  CHECK(code->text == "RAW");
}

TEST_CASE("serial: a code arrives when its first byte does, even across reads", "[keyed][serial]") {
  Pty pty;
  SharedClock clock(utc(2026, 3, 28, 8, 0, 1));
  auto scanner = open_on(pty, clock);
  auto pending = std::async(std::launch::async, [&] { return scanner->next(); });
  pty.write("EINL");
  REQUIRE(eventually([&] { return clock.reads() >= 1; }));  // the scanner has read "EINL"
  clock.set(utc(2026, 3, 28, 8, 0, 2));
  pty.write("ASS:X\r\nNEXT\r\n");
  REQUIRE(pending.wait_for(5s) == std::future_status::ready);
  const auto first = pending.get();
  REQUIRE(first.has_value());
  CHECK(first->text == "EINLASS:X");
  CHECK(first->arrived == utc(2026, 3, 28, 8, 0, 1));
  const auto second = scanner->next();
  REQUIRE(second.has_value());
  CHECK(second->text == "NEXT");
  CHECK(second->arrived == utc(2026, 3, 28, 8, 0, 2));
}

TEST_CASE("serial: bytes sent before the scanner opened are discarded", "[keyed][serial]") {
  Pty pty;
  pty.write("STALE HALF CO");
  REQUIRE(eventually([&] { return unread_bytes(pty.slave()) == 13; }));
  SharedClock clock(utc(2026, 3, 28, 8));
  auto scanner = open_on(pty, clock);
  CHECK(unread_bytes(pty.slave()) == 0);
  pty.write("FRESH\r\n");
  const auto code = scanner->next();
  REQUIRE(code.has_value());
  CHECK(code->text == "FRESH");
}

TEST_CASE("serial: stop() wakes a next() that waits, and later calls stop at once",
          "[keyed][serial]") {
  Pty pty;
  SharedClock clock(utc(2026, 3, 28, 8));
  auto scanner = open_on(pty, clock);
  auto pending = std::async(std::launch::async, [&] { return scanner->next(); });
  CHECK(pending.wait_for(50ms) == std::future_status::timeout);  // it does wait
  scanner->stop();
  if (pending.wait_for(5s) != std::future_status::ready) pty.close_master();  // unblock, fail
  const auto result = pending.get();
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().kind == DeviceError::Kind::stopped);
  pty.write("LATE\r\n");
  const auto again = scanner->next();
  REQUIRE_FALSE(again.has_value());
  CHECK(again.error().kind == DeviceError::Kind::stopped);
}

TEST_CASE("serial: a port that hangs up makes the scanner unavailable", "[keyed][serial]") {
  Pty pty;
  SharedClock clock(utc(2026, 3, 28, 8));
  auto scanner = open_on(pty, clock);
  pty.write("LAST\r\n");
  REQUIRE(scanner->next().has_value());
  pty.close_master();
  const auto result = scanner->next();
  REQUIRE_FALSE(result.has_value());
  CHECK(result.error().kind == DeviceError::Kind::unavailable);
  CHECK_THAT(result.error().message, Catch::Contains(pty.slave_path()));
}

TEST_CASE("serial: URI and device errors name what is wrong", "[keyed][serial]") {
  SharedClock clock(utc(2026, 3, 28, 8));
  const auto open = [&](const std::string& text) {
    const auto uri = parse_device_uri(text);
    REQUIRE(uri.has_value());
    return open_keyed_scanner(*uri, clock);
  };
  const auto bad_baud = open("serial:/dev/ttyACM0?baud=12345");
  REQUIRE_FALSE(bad_baud.has_value());
  CHECK(bad_baud.error().kind == DeviceError::Kind::bad_uri);
  CHECK_THAT(bad_baud.error().message, Catch::Contains("12345"));

  const auto not_number = open("serial:/dev/ttyACM0?baud=fast");
  REQUIRE_FALSE(not_number.has_value());
  CHECK(not_number.error().kind == DeviceError::Kind::bad_uri);
  CHECK_THAT(not_number.error().message, Catch::Contains("baud") && Catch::Contains("fast"));

  const auto misspelt = open("serial:/dev/ttyACM0?baudrate=9600");
  REQUIRE_FALSE(misspelt.has_value());
  CHECK(misspelt.error().kind == DeviceError::Kind::bad_uri);
  CHECK_THAT(misspelt.error().message, Catch::Contains("baudrate"));

  const auto missing = open("serial:/dev/einlass-no-such-tty");
  REQUIRE_FALSE(missing.has_value());
  CHECK(missing.error().kind == DeviceError::Kind::unavailable);
  CHECK_THAT(missing.error().message, Catch::Contains("/dev/einlass-no-such-tty"));

  einlass::test::TempDir dir;
  einlass::test::write_file(dir / "plain", "not a tty");
  const auto plain = open("serial:" + (dir / "plain").string());
  REQUIRE_FALSE(plain.has_value());
  CHECK(plain.error().kind == DeviceError::Kind::bad_uri);
  CHECK_THAT(plain.error().message, Catch::Contains("not a terminal"));

  const auto with_host = open("serial://kiosk/dev/ttyACM0");
  REQUIRE_FALSE(with_host.has_value());
  CHECK(with_host.error().kind == DeviceError::Kind::bad_uri);
}

TEST_CASE("serial: only the standard baud rates are taken", "[keyed][serial]") {
  for (const int rate :
       {1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600})
    CHECK(einlass::is_standard_baud_rate(rate));
  for (const int rate : {0, 300, 9601, 14400, 1'000'000})
    CHECK_FALSE(einlass::is_standard_baud_rate(rate));
}
