#pragma once
// Lets Catch show a failed print's state and message instead of "{?}".
#include <catch2/catch.hpp>
#include <string>

#include "device/printer.h"

namespace Catch {

template <>
struct StringMaker<std::expected<void, einlass::PrintFault>> {
  static std::string convert(const std::expected<void, einlass::PrintFault>& result) {
    if (result) return "printed";
    return "fault " + std::string(einlass::to_string(result.error().state)) + ": " +
           result.error().message;
  }
};

}  // namespace Catch
