// einlass-fault-proxy: the fault-injecting proxy for e2e tests and people. Prints
// "listening on PORT", then reads one command a line on stdin (see proxy_command.h) and answers
// "ok", the stats line or "error: ...". Ends at the end of stdin.
#include <CLI/CLI.hpp>
#include <iostream>
#include <string>

#include "support/proxy/fault_proxy.h"
#include "support/proxy/proxy_command.h"

namespace {

using namespace einlass::test;

std::string apply(FaultProxy& proxy, const ProxyCommand& command) {
  switch (command.kind) {
    case ProxyCommandKind::pass:
      proxy.pass();
      break;
    case ProxyCommandKind::cut:
      proxy.cut();
      break;
    case ProxyCommandKind::reset:
      proxy.reset();
      break;
    case ProxyCommandKind::blackhole:
      proxy.blackhole();
      break;
    case ProxyCommandKind::delay:
      proxy.delay(command.latency);
      break;
    case ProxyCommandKind::stats:
      return format_proxy_stats(proxy.stats());
  }
  return "ok";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Fault-injecting TCP proxy for Einlass's tests"};
  std::string listen_text = "127.0.0.1:0", upstream_text;
  app.add_option("--listen", listen_text, "HOST:PORT to listen on (port 0 = any)");
  app.add_option("--upstream", upstream_text, "HOST:PORT to forward to")->required();
  CLI11_PARSE(app, argc, argv);

  const auto listen = parse_host_port(listen_text);
  const auto upstream = parse_host_port(upstream_text);
  for (const auto* parsed : {&listen, &upstream}) {
    if (!*parsed) {
      std::cerr << "einlass-fault-proxy: " << parsed->error().message << '\n';
      return 1;
    }
  }
  FaultProxy proxy;
  const auto port = proxy.start(upstream->host, upstream->port, listen->host, listen->port);
  if (!port) {
    std::cerr << "einlass-fault-proxy: " << port.error().message << '\n';
    return 1;
  }
  std::cout << "listening on " << *port << std::endl;  // flushed: the caller waits for it

  for (std::string line; std::getline(std::cin, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto command = parse_proxy_command(line);
    std::cout << (command ? apply(proxy, *command) : "error: " + command.error().message)
              << std::endl;
  }
  return 0;
}
