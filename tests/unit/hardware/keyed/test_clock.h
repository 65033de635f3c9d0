#pragma once
// A clock that the test moves while a scanner reads it on another thread, and that counts how
// often it was read: the scanners read it once per chunk of input, which tells the test that a
// chunk has been taken in.
#include <atomic>

#include "base/time.h"

namespace einlass::test {

class SharedClock final : public Clock {
 public:
  explicit SharedClock(Timestamp start) : ms_(to_unix_ms(start)) {}
  Timestamp now() const override {
    reads_.fetch_add(1);
    return from_unix_ms(ms_.load());
  }
  void set(Timestamp t) { ms_.store(to_unix_ms(t)); }
  int reads() const { return reads_.load(); }

 private:
  std::atomic<std::int64_t> ms_;
  mutable std::atomic<int> reads_{0};
};

}  // namespace einlass::test
