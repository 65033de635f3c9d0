#include "support/ipp_eve_printer.h"

#include "support/ports.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "support/files.h"

extern char** environ;

namespace einlass::test {

namespace {

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

pid_t spawn(const std::vector<std::string>& args, const std::vector<std::string>& extra_env,
            const std::filesystem::path& log) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<std::string> env_strings(extra_env);
  for (char** e = environ; *e != nullptr; ++e) env_strings.emplace_back(*e);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  pid_t pid = -1;
  const int error =
      posix_spawnp(&pid, args[0].c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + args[0]);
  return pid;
}

void end(pid_t& pid) {
  if (pid <= 0) return;
  ::kill(pid, SIGTERM);
  int status = 0;
  ::waitpid(pid, &status, 0);
  pid = -1;
}

bool exited(pid_t pid) {
  int status = 0;
  return ::waitpid(pid, &status, WNOHANG) == pid;
}

}  // namespace

IppEvePrinter::IppEvePrinter() {
  using namespace std::chrono_literals;
  std::filesystem::create_directory(spool());
  const auto script = dir_ / "job.sh";
  const std::string d = dir_.path().string();
  write_file(script,
             "#!/bin/sh\n"
             "if [ -e '" +
                 d +
                 "/media-empty' ]; then echo 'STATE: +media-empty-error' >&2;\n"
                 "else echo 'STATE: -media-empty-error' >&2; fi\n"
                 "if [ -e '" +
                 d +
                 "/slow' ]; then sleep 3; fi\n"
                 "exit 0\n");
  std::filesystem::permissions(script, std::filesystem::perms::owner_all);

  const auto bus = dir_ / "bus";
  bus_ = spawn({"dbus-daemon", "--session", "--address=unix:path=" + bus.string(), "--nofork",
                "--nopidfile"},
               {}, dir_ / "dbus.log");
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (!std::filesystem::exists(bus) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(10ms);

  port_ = unused_loopback_port();
  printer_ = spawn(
      {"ippeveprinter", "-n", "localhost", "-p", std::to_string(port_), "-d", spool().string(),
       "-k", "-f", "application/pdf", "-c", script.string(), "-r", "off", "EinlassTest"},
      {"DBUS_SYSTEM_BUS_ADDRESS=unix:path=" + bus.string()}, dir_ / "ipp.log");
  while (!accepts_connections(port_)) {
    if (exited(printer_) || std::chrono::steady_clock::now() > deadline) {
      printer_ = exited(printer_) ? -1 : printer_;
      end(printer_);
      end(bus_);
      throw std::runtime_error("ippeveprinter did not start:\n" + read_file(dir_ / "ipp.log"));
    }
    std::this_thread::sleep_for(20ms);
  }
}

IppEvePrinter::~IppEvePrinter() {
  end(printer_);
  end(bus_);
}

std::string IppEvePrinter::uri(const std::string& options) const {
  return "ipp://localhost:" + std::to_string(port_) + "/ipp/print" + options;
}

void IppEvePrinter::stop() {
  end(printer_);
}

}  // namespace einlass::test
