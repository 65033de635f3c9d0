#include "staff/sign_in_throttle.h"

#include <algorithm>

namespace einlass {

namespace {

// Keys are bounded so that absurd input cannot make one entry large.
constexpr std::size_t kMaxKeyBytes = 128;

std::string key(std::string_view kind, std::string_view name) {
  std::string out(kind);
  out += name.substr(0, kMaxKeyBytes);
  return out;
}

// A name as the message repeats it: typed input, so of bounded length.
std::string shown(std::string_view name) {
  constexpr std::size_t kMaxShown = 64;
  return name.size() <= kMaxShown ? std::string(name)
                                  : std::string(name.substr(0, kMaxShown)) + "…";
}

}  // namespace

SignInThrottle::SignInThrottle(const Clock& clock, ThrottleOptions options)
    : clock_(clock), options_(options) {}

std::optional<Lockout> SignInThrottle::check(std::string_view login, std::string_view client) {
  const Timestamp now = clock_.now();
  const std::scoped_lock lock(mutex_);
  auto by_login = locked(key("login:", login), "for " + shown(login), now);
  auto by_client = locked(key("client:", client), "from " + shown(client), now);
  if (by_login && by_client)
    return by_login->retry_after >= by_client->retry_after ? by_login : by_client;
  return by_login ? by_login : by_client;
}

void SignInThrottle::failed(std::string_view login, std::string_view client) {
  const Timestamp now = clock_.now();
  const std::scoped_lock lock(mutex_);
  if (now - last_sweep_ >= options_.max_lockout) {
    forget_stale(now);
    last_sweep_ = now;
  }
  count_failure(key("login:", login), now);
  count_failure(key("client:", client), now);
}

void SignInThrottle::succeeded(std::string_view login) {
  const std::scoped_lock lock(mutex_);
  entries_.erase(key("login:", login));
}

std::size_t SignInThrottle::entries() const {
  const std::scoped_lock lock(mutex_);
  return entries_.size();
}

std::optional<Lockout> SignInThrottle::locked(const std::string& k, std::string what,
                                              Timestamp now) {
  const auto it = entries_.find(k);
  if (it == entries_.end() || it->second.locked_until <= now) return std::nullopt;
  using namespace std::chrono;
  // Rounded up: "try again in 0 s" would invite a retry that is still refused.
  const auto wait = ceil<seconds>(it->second.locked_until - now);
  return Lockout{std::move(what), std::max(wait, seconds{1})};
}

void SignInThrottle::count_failure(const std::string& k, Timestamp now) {
  auto it = entries_.find(k);
  if (it == entries_.end()) {
    if (entries_.size() >= options_.capacity) forget_stale(now);
    if (entries_.size() >= options_.capacity) {
      const auto stalest = std::ranges::min_element(
          entries_, {}, [](const auto& entry) { return entry.second.last_failure; });
      entries_.erase(stalest);
    }
    it = entries_.emplace(k, Entry{}).first;
  }
  Entry& e = it->second;
  // A count with no failure and no lockout for a while starts again, like a forgotten entry.
  if (stale(e, now)) e.failures = 0;
  ++e.failures;
  e.last_failure = now;
  const int beyond = e.failures - options_.failures_before_throttle;
  if (beyond >= 0) {
    auto lockout = std::chrono::duration_cast<std::chrono::milliseconds>(options_.first_lockout);
    for (int i = 0; i < beyond && lockout < options_.max_lockout; ++i) lockout *= 2;
    e.locked_until = now + std::min<std::chrono::milliseconds>(lockout, options_.max_lockout);
  }
}

bool SignInThrottle::stale(const Entry& e, Timestamp now) const {
  // Quiet for max_lockout after the last failure and after the lockout ended: otherwise one
  // who reached the longest lockout would get a fresh set of tries each time it runs out.
  return now >= std::max(e.last_failure, e.locked_until) + options_.max_lockout;
}

void SignInThrottle::forget_stale(Timestamp now) {
  std::erase_if(entries_, [&](const auto& entry) { return stale(entry.second, now); });
}

}  // namespace einlass
