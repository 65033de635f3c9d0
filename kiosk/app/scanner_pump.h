#pragma once
// Runs one scanner on its own thread: blocking reads, codes handed on, bad frames reported and
// skipped, a failed device reopened every few seconds until it is back (a handheld scanner
// unplugged and plugged in again).
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "device/scanner.h"

namespace einlass {

class ScannerPump {
 public:
  using Open = std::function<DeviceResult<std::unique_ptr<Scanner>>()>;
  using OnCode = std::function<void(ScannedCode)>;
  using OnProblem = std::function<void(const DeviceError&)>;

  // The callbacks run on the pump's thread.
  ScannerPump(Open open, OnCode on_code, OnProblem on_problem,
              std::chrono::milliseconds reopen_delay = std::chrono::seconds(2));
  ~ScannerPump();  // stops

  void start();
  // Makes the blocked read return and joins the thread.
  void stop();

 private:
  void run();
  // false when stopping.
  bool pause_before_reopen();

  Open open_;
  OnCode on_code_;
  OnProblem on_problem_;
  std::chrono::milliseconds reopen_delay_;
  std::mutex mutex_;
  std::condition_variable stopped_;
  bool stopping_ = false;
  Scanner* current_ = nullptr;  // guarded by mutex_, for stop()
  std::thread thread_;
};

}  // namespace einlass
