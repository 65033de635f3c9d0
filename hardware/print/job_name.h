#pragma once
// Job names come from the kiosk ("badge K1-000042 r0") and end up in file names and printer
// queues; these make them safe there.
#include <string>
#include <string_view>

namespace einlass {

// Letters, digits, '.', '-' and '_' stay; every other run of bytes becomes one '_'. No leading
// dot (hidden files), at most 100 bytes, "badge" when nothing is left.
std::string job_file_stem(std::string_view job_name);

// For printer queues: printable ASCII only, ZPL's command characters ^ and ~ replaced, at most
// 100 bytes.
std::string job_title(std::string_view job_name);

}  // namespace einlass
