#pragma once
// A fault-injecting TCP proxy for integration tests: it sits between kiosks and the server on
// loopback, forwards bytes blindly (TLS passes untouched) and, on command, cuts, resets,
// blackholes or delays the connections. It runs its own io_context on its own thread, so tests
// written with blocking calls can drive it; every method may be called from any thread except the
// proxy's own. Asio stays out of this header so that tests including it compile quickly.
#include <chrono>
#include <cstdint>
#include <expected>
#include <memory>
#include <string>

namespace einlass::test {

struct FaultProxyState;  // the Asio side, in fault_proxy.cpp

struct ProxyError {
  std::string message;
};

struct ProxyStats {
  std::uint64_t accepted = 0;           // every accepted connection, refused ones included
  std::uint64_t open = 0;               // connections currently held
  std::uint64_t bytes_to_upstream = 0;  // delivered to the upstream
  std::uint64_t bytes_to_client = 0;    // delivered to the clients
  std::uint64_t bytes_dropped = 0;      // read while blackholed, never delivered
};

class FaultProxy {
 public:
  FaultProxy();
  ~FaultProxy();  // stop()
  FaultProxy(const FaultProxy&) = delete;
  FaultProxy& operator=(const FaultProxy&) = delete;

  // Resolves the upstream, listens on listen_host:listen_port (port 0 = any) and starts the
  // proxy's thread. Returns the bound port. A proxy starts once; make a new one to start again.
  std::expected<std::uint16_t, ProxyError> start(const std::string& upstream_host,
                                                 std::uint16_t upstream_port,
                                                 const std::string& listen_host = "127.0.0.1",
                                                 std::uint16_t listen_port = 0);

  // Each mode change has taken effect when the call returns.
  void pass();  // forward without delay
  void heal() { pass(); }
  void cut();    // close every connection normally (FIN) and refuse new ones (accept, close)
  void reset();  // close every connection with RST (SO_LINGER 0), then pass
  // Keep connections open but drop every byte both ways; new connections are accepted and never
  // connected upstream: a silent, half-open link. After pass(), links that existed before the
  // blackhole forward again; links accepted during it stay silent until their client gives up.
  void blackhole();
  // Forward each chunk `latency` after it was read, in order, both ways.
  void delay(std::chrono::milliseconds latency);

  ProxyStats stats() const;

  // Closes everything and joins the thread. Idempotent.
  void stop();

 private:
  std::unique_ptr<FaultProxyState> state_;
};

}  // namespace einlass::test
