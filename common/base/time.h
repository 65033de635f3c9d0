#pragma once
// Time as the domain sees it: UTC instants with millisecond resolution. Wall clocks are injected
// through Clock so that every decision can be replayed in tests.
#include <chrono>
#include <string>

namespace einlass {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

// A clock that only moves when told to; for tests and simulations.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(Timestamp start) : now_(start) {}
  Timestamp now() const override { return now_; }
  void set(Timestamp t) { now_ = t; }
  void advance(std::chrono::milliseconds d) { now_ += d; }

 private:
  Timestamp now_;
};

std::int64_t to_unix_ms(Timestamp t);
Timestamp from_unix_ms(std::int64_t ms);

// "2026-03-29T07:15:00.000Z"
std::string format_utc(Timestamp t);

}  // namespace einlass
