#include "secret_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace einlass {

namespace {

// Echo off for as long as it lives; the terminal gets its old settings back on every path out.
class EchoOff {
 public:
  EchoOff() {
    if (tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~EchoOff() {
    if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  EchoOff(const EchoOff&) = delete;
  EchoOff& operator=(const EchoOff&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

// One line without its line end (also a Windows "\r\n"); nothing at end of input.
std::expected<std::string, std::string> read_line(std::string_view what) {
  std::string line;
  if (!std::getline(std::cin, line) && line.empty())
    return std::unexpected("no " + std::string(what) + " on stdin");
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

std::expected<std::string, std::string> read_secret_twice(std::string_view what,
                                                          std::string_view prompt) {
  if (!isatty(STDIN_FILENO)) return read_line(what);
  const EchoOff quiet;
  std::cerr << prompt << ": " << std::flush;
  auto first = read_line(what);
  std::cerr << '\n';
  if (!first) return first;
  std::cerr << "The same " << what << " again: " << std::flush;
  auto second = read_line(what);
  std::cerr << '\n';
  if (!second) return second;
  if (*first != *second) return std::unexpected("the two " + std::string(what) + "s differ");
  return first;
}

}  // namespace einlass
