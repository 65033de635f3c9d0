#pragma once
// The kiosk id manual admissions are recorded under. Its own header so that provision-kiosk can
// refuse the name without depending on the desk service.
#include <string_view>

namespace einlass {

inline constexpr std::string_view kDeskKioskId = "desk";

}  // namespace einlass
