#pragma once
// Runs a real program the way an organiser would, and captures what it said.
#include <string>
#include <vector>

namespace einlass::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `argv` (no shell) with `input` on stdin; waits for it to finish.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {});

}  // namespace einlass::test
