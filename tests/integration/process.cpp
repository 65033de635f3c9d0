#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace einlass::test {

namespace {

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input) {
  int in[2], out[2], err[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  int to_child = in[1];
  std::size_t written = 0;
  if (input.empty()) close_fd(to_child);
  ProcessResult result;
  int fds[2] = {out[0], err[0]};
  std::string* sinks[2] = {&result.out, &result.err};
  while (fds[0] >= 0 || fds[1] >= 0) {
    pollfd polls[3];
    int n = 0;
    for (int i = 0; i < 2; ++i) polls[n++] = {fds[i], POLLIN, 0};
    polls[n++] = {to_child, POLLOUT, 0};
    if (poll(polls, static_cast<nfds_t>(n), 60'000) <= 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i] < 0 || !(polls[i].revents & (POLLIN | POLLHUP))) continue;
      char buf[4096];
      const ssize_t got = ::read(fds[i], buf, sizeof buf);
      if (got <= 0) {
        close_fd(fds[i]);
      } else {
        sinks[i]->append(buf, static_cast<std::size_t>(got));
      }
    }
    if (to_child >= 0 && (polls[2].revents & (POLLOUT | POLLERR))) {
      const ssize_t sent = ::write(to_child, input.data() + written, input.size() - written);
      if (sent > 0) written += static_cast<std::size_t>(sent);
      if (sent <= 0 || written == input.size()) close_fd(to_child);
    }
  }
  close_fd(to_child);
  close_fd(fds[0]);
  close_fd(fds[1]);
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

}  // namespace einlass::test
