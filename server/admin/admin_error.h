#pragma once
// What an organiser's command reports when it cannot do its job: a message that names the file,
// line and field where there is one. The exit code tells scripts what kind of failure it was.
#include <string>

namespace einlass {

struct AdminError {
  std::string message;
  int exit_code = 1;
};

}  // namespace einlass
