#pragma once
// A daemon under test: started in the background with its stdout and stderr going to files (so
// what it logged survives a kill -9), stopped with a signal, waited for with a deadline.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace einlass::test {

class DaemonProcess {
 public:
  // Output goes to `log_stem`.out and `log_stem`.err, appended across restarts.
  DaemonProcess(std::vector<std::string> argv, std::filesystem::path log_stem,
                std::vector<std::string> extra_env = {});
  ~DaemonProcess();  // SIGKILL if still running
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  void start();
  bool running();
  // Sends `signal`; returns the exit status (128 + signal when killed), or -1 when it did not
  // end within `timeout` (it is then killed).
  int stop(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // Like stop(), but sends `signal` again every millisecond until the daemon has ended, as an
  // impatient operator or a supervisor may: the daemon must still end on its own terms.
  int stop_insisting(int signal, std::chrono::milliseconds timeout = std::chrono::seconds(20));

  std::string out() const;
  std::string err() const;
  // Polls the output until `done` says yes (true) or `timeout` passes (false).
  bool wait_for_output(const std::function<bool(const std::string&)>& done,
                       std::chrono::milliseconds timeout = std::chrono::seconds(30)) const;

 private:
  int stop(int signal, std::chrono::milliseconds timeout, std::chrono::milliseconds repeat);

  std::vector<std::string> argv_;
  std::filesystem::path log_stem_;
  std::vector<std::string> extra_env_;
  pid_t pid_ = -1;
};

}  // namespace einlass::test
