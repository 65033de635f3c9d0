#include "daemon_process.h"

#include <algorithm>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <thread>

#include "support/files.h"

extern char** environ;

namespace einlass::test {

DaemonProcess::DaemonProcess(std::vector<std::string> argv, std::filesystem::path log_stem,
                             std::vector<std::string> extra_env)
    : argv_(std::move(argv)), log_stem_(std::move(log_stem)), extra_env_(std::move(extra_env)) {}

DaemonProcess::~DaemonProcess() {
  if (pid_ > 0) stop(SIGKILL);
}

void DaemonProcess::start() {
  if (pid_ > 0) throw std::logic_error("already running");
  const std::string out_path = log_stem_.string() + ".out";
  const std::string err_path = log_stem_.string() + ".err";
  // Everything the child needs is made before fork: after it, only async-signal-safe calls.
  std::vector<char*> args;
  for (const auto& a : argv_) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // The extra variables replace inherited ones of the same name: the first one found would win.
  const auto overridden = [this](std::string_view inherited) {
    const auto name = inherited.substr(0, inherited.find('=') + 1);
    return std::any_of(extra_env_.begin(), extra_env_.end(),
                       [&](const std::string& extra) { return extra.starts_with(name); });
  };
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e)
    if (!overridden(*e)) env.push_back(*e);
  for (const auto& assignment : extra_env_) env.push_back(const_cast<char*>(assignment.c_str()));
  env.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int devnull = open("/dev/null", O_RDONLY);
    const int out = open(out_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    const int err = open(err_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    dup2(devnull, 0);
    dup2(out, 1);
    dup2(err, 2);
    execve(args[0], args.data(), env.data());
    _exit(127);
  }
  pid_ = pid;
}

bool DaemonProcess::running() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

int DaemonProcess::stop(int signal, std::chrono::milliseconds timeout) {
  return stop(signal, timeout, std::chrono::milliseconds::zero());
}

int DaemonProcess::stop_insisting(int signal, std::chrono::milliseconds timeout) {
  return stop(signal, timeout, std::chrono::milliseconds(1));
}

int DaemonProcess::stop(int signal, std::chrono::milliseconds timeout,
                        std::chrono::milliseconds repeat) {
  if (pid_ <= 0) return -1;
  kill(pid_, signal);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  for (;;) {
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) break;
    if (done < 0 && errno != EINTR) {
      pid_ = -1;
      return -1;  // not our child any more: no status to report
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
      pid_ = -1;
      return -1;
    }
    if (repeat.count() > 0) {
      std::this_thread::sleep_for(repeat);
      kill(pid_, signal);
      continue;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

std::string DaemonProcess::out() const {
  std::error_code ec;
  const std::filesystem::path path = log_stem_.string() + ".out";
  return std::filesystem::exists(path, ec) ? read_file(path) : std::string{};
}

std::string DaemonProcess::err() const {
  std::error_code ec;
  const std::filesystem::path path = log_stem_.string() + ".err";
  return std::filesystem::exists(path, ec) ? read_file(path) : std::string{};
}

bool DaemonProcess::wait_for_output(const std::function<bool(const std::string&)>& done,
                                    std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done(out())) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return done(out());
}

}  // namespace einlass::test
