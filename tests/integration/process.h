#pragma once
// Runs a real program the way an organiser would, and captures what it said.
#include <chrono>
#include <string>
#include <vector>

namespace einlass::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed
  std::string out;
  std::string err;
  bool timed_out = false;
};

// Runs `argv` (no shell; stdin gives `input`, then end of file) and waits for it; kills it
// after `timeout`.
ProcessResult run_process(const std::vector<std::string>& argv,
                          std::chrono::seconds timeout = std::chrono::seconds{60},
                          const std::string& input = {});

}  // namespace einlass::test
