#pragma once
// The software version every binary reports: in sync handshakes, heartbeats and --version.
#include <string_view>

namespace einlass {

std::string_view software_version();

}  // namespace einlass
