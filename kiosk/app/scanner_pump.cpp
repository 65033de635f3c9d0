#include "app/scanner_pump.h"

namespace einlass {

ScannerPump::ScannerPump(Open open, OnCode on_code, OnProblem on_problem,
                         std::chrono::milliseconds reopen_delay)
    : open_(std::move(open)),
      on_code_(std::move(on_code)),
      on_problem_(std::move(on_problem)),
      reopen_delay_(reopen_delay) {}

ScannerPump::~ScannerPump() {
  stop();
}

void ScannerPump::start() {
  thread_ = std::thread([this] { run(); });
}

void ScannerPump::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    if (current_) current_->stop();
  }
  stopped_.notify_all();
  if (thread_.joinable()) thread_.join();
}

bool ScannerPump::pause_before_reopen() {
  std::unique_lock lock(mutex_);
  return !stopped_.wait_for(lock, reopen_delay_, [this] { return stopping_; });
}

void ScannerPump::run() {
  for (;;) {
    auto opened = open_();
    if (!opened) {
      on_problem_(opened.error());
      // A wrong URI will not fix itself; the config must change.
      if (opened.error().kind == DeviceError::Kind::bad_uri || !pause_before_reopen()) return;
      continue;
    }
    std::unique_ptr<Scanner> scanner = std::move(*opened);
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      current_ = scanner.get();
    }
    bool reopen = false;
    while (!reopen) {
      auto code = scanner->next();
      if (code) {
        on_code_(std::move(*code));
        continue;
      }
      if (code.error().kind == DeviceError::Kind::stopped) break;
      on_problem_(code.error());
      reopen = code.error().kind != DeviceError::Kind::bad_input;
    }
    {
      std::lock_guard lock(mutex_);
      current_ = nullptr;
      if (stopping_) return;
    }
    if (!reopen || !pause_before_reopen()) return;
  }
}

}  // namespace einlass
