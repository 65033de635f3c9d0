#pragma once
// Slows down password guessing: failures are counted per login and per client address; after
// `failures_before_throttle` of them the login (or the address) is locked for first_lockout,
// twice as long after each further failure, at most max_lockout. Memory is bounded: a count
// without a failure or a lockout for max_lockout is forgotten, and the table holds at most
// `capacity` entries (the stalest go first). One per process, shared by every StaffAuth (the
// event loop's and the password thread's), hence thread-safe; the state lives in memory only.
#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "base/time.h"

namespace einlass {

struct ThrottleOptions {
  int failures_before_throttle = 5;
  std::chrono::seconds first_lockout{30};
  std::chrono::seconds max_lockout{900};
  std::size_t capacity = 10'000;  // entries, logins and addresses together
};

struct Lockout {
  std::string what;  // "for anna" or "from 192.0.2.7": what is locked, for the message
  std::chrono::seconds retry_after{0};  // whole seconds, at least 1
};

class SignInThrottle {
 public:
  SignInThrottle(const Clock& clock, ThrottleOptions options);

  // The lockout that refuses a sign-in now, if any (the longer one when both are locked).
  std::optional<Lockout> check(std::string_view login, std::string_view client);
  // A failed sign-in: counts against the login and the address.
  void failed(std::string_view login, std::string_view client);
  // A successful sign-in: the login's count starts again (the address's stays, so that one
  // good account does not unlock guessing at others from the same place).
  void succeeded(std::string_view login);

  std::size_t entries() const;

 private:
  struct Entry {
    int failures = 0;
    Timestamp last_failure{};
    Timestamp locked_until{};
  };
  std::optional<Lockout> locked(const std::string& key, std::string what, Timestamp now);
  void count_failure(const std::string& key, Timestamp now);
  bool stale(const Entry& e, Timestamp now) const;
  void forget_stale(Timestamp now);

  const Clock& clock_;
  ThrottleOptions options_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;  // "login:anna", "client:192.0.2.7"
  Timestamp last_sweep_{};
};

}  // namespace einlass
