#include "base/version.h"

namespace einlass {

// EINLASS_VERSION comes from the CMake project version, so the packages and the protocol agree.
std::string_view software_version() {
  return EINLASS_VERSION;
}

}  // namespace einlass
