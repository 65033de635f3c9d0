#pragma once
// An indicator without hardware ("sim:", "sim:?file=/run/einlass/lights.json"), for the demo and
// the tests: it keeps the state and can publish it in a file that others watch.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "device/indicator.h"

namespace einlass {

// {"green":true,"red":false,"buzzer":false}
std::string indicator_json(IndicatorLights lights);

// With `file`, every set() (and the opening, all off) replaces the file with one line of
// indicator_json() plus a newline, atomically, so a reader never sees half a line. Errors:
// unavailable naming the file when it cannot be written.
DeviceResult<std::unique_ptr<Indicator>> open_sim_indicator(
    std::optional<std::filesystem::path> file);

}  // namespace einlass
