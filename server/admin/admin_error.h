#pragma once
// What an organiser's command reports when it cannot do its job: a message that names the file,
// line and field where there is one. einlass-admin prints it and exits with 1.
#include <string>

namespace einlass {

struct AdminError {
  std::string message;
};

}  // namespace einlass
