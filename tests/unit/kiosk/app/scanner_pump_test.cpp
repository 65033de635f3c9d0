#include "app/scanner_pump.h"

#include <catch2/catch.hpp>
#include <condition_variable>
#include <deque>
#include <mutex>

using namespace einlass;
using namespace std::chrono_literals;

namespace {

// Plays a script of results, then blocks until stopped.
class ScriptedScanner final : public Scanner {
 public:
  explicit ScriptedScanner(std::deque<DeviceResult<ScannedCode>> script)
      : script_(std::move(script)) {}
  DeviceResult<ScannedCode> next() override {
    std::unique_lock lock(mutex_);
    if (!script_.empty()) {
      auto result = std::move(script_.front());
      script_.pop_front();
      return result;
    }
    stopped_.wait(lock, [this] { return stop_; });
    return device_error(DeviceError::Kind::stopped, "stopped");
  }
  void stop() override {
    std::lock_guard lock(mutex_);
    stop_ = true;
    stopped_.notify_all();
  }
  std::string describe() const override { return "scripted"; }

 private:
  std::mutex mutex_;
  std::condition_variable stopped_;
  std::deque<DeviceResult<ScannedCode>> script_;
  bool stop_ = false;
};

struct Seen {
  std::mutex mutex;
  std::condition_variable changed;
  std::vector<std::string> codes;
  std::vector<DeviceError::Kind> problems;
  int opens = 0;

  bool wait_for(std::function<bool()> done) {
    std::unique_lock lock(mutex);
    return changed.wait_for(lock, 5s, done);
  }
};

}  // namespace

TEST_CASE("codes are handed on, a bad frame is skipped, a failed device is reopened", "[kiosk]") {
  Seen seen;
  ScannerPump pump(
      [&]() -> DeviceResult<std::unique_ptr<Scanner>> {
        std::lock_guard lock(seen.mutex);
        ++seen.opens;
        if (seen.opens == 1)
          return std::make_unique<ScriptedScanner>(std::deque<DeviceResult<ScannedCode>>{
              ScannedCode{"A", {}}, device_error(DeviceError::Kind::bad_input, "truncated JPEG"),
              ScannedCode{"B", {}}, device_error(DeviceError::Kind::unavailable, "unplugged")});
        if (seen.opens == 2) return device_error(DeviceError::Kind::unavailable, "still gone");
        return std::make_unique<ScriptedScanner>(
            std::deque<DeviceResult<ScannedCode>>{ScannedCode{"C", {}}});
      },
      [&](ScannedCode code) {
        std::lock_guard lock(seen.mutex);
        seen.codes.push_back(code.text);
        seen.changed.notify_all();
      },
      [&](const DeviceError& problem) {
        std::lock_guard lock(seen.mutex);
        seen.problems.push_back(problem.kind);
        seen.changed.notify_all();
      },
      10ms);
  pump.start();
  REQUIRE(seen.wait_for([&] { return seen.codes.size() == 3; }));
  pump.stop();
  CHECK(seen.codes == std::vector<std::string>{"A", "B", "C"});
  CHECK(seen.problems == std::vector<DeviceError::Kind>{DeviceError::Kind::bad_input,
                                                        DeviceError::Kind::unavailable,
                                                        DeviceError::Kind::unavailable});
  CHECK(seen.opens == 3);
}

TEST_CASE("a wrong scanner URI is reported once and not retried", "[kiosk]") {
  Seen seen;
  ScannerPump pump(
      [&]() -> DeviceResult<std::unique_ptr<Scanner>> {
        std::lock_guard lock(seen.mutex);
        ++seen.opens;
        return device_error(DeviceError::Kind::bad_uri, "unknown kind");
      },
      [](ScannedCode) {},
      [&](const DeviceError& problem) {
        std::lock_guard lock(seen.mutex);
        seen.problems.push_back(problem.kind);
        seen.changed.notify_all();
      },
      1ms);
  pump.start();
  REQUIRE(seen.wait_for([&] { return !seen.problems.empty(); }));
  std::this_thread::sleep_for(50ms);
  pump.stop();
  CHECK(seen.opens == 1);
}

TEST_CASE("stop returns while the scanner is blocked waiting for a code", "[kiosk]") {
  ScannerPump pump(
      []() -> DeviceResult<std::unique_ptr<Scanner>> {
        return std::make_unique<ScriptedScanner>(std::deque<DeviceResult<ScannedCode>>{});
      },
      [](ScannedCode) {}, [](const DeviceError&) {}, 10ms);
  pump.start();
  std::this_thread::sleep_for(50ms);
  const auto start = std::chrono::steady_clock::now();
  pump.stop();
  CHECK(std::chrono::steady_clock::now() - start < 2s);
}
