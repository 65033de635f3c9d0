#pragma once
// Internal to einlass_desk: how its .cpp files stop at the first failure. Results of storage, the
// hub and the organiser's actions are taken with need(), which throws a DeskFailure; guarded() at
// each public method turns it (and anything else thrown below, SQLite included) back into a
// DeskError value, so no exception leaves the library.
#include <concepts>
#include <exception>
#include <expected>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "desk/desk_service.h"

namespace einlass::desk_detail {

struct DeskFailure {
  DeskError error;
};

[[noreturn]] void fail(DeskError::Kind kind, std::string code, std::string message);

// The value of any std::expected whose error has a message (StorageError, HubError, AdminError):
// once the desk's own checks have passed, a failure below can only be the database's.
template <class T, class E>
requires std::convertible_to<decltype(E::message), std::string> T need(std::expected<T, E> result) {
  if (!result) fail(DeskError::Kind::storage, "storage", std::move(result.error().message));
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

DeskError storage_desk_error(std::string_view doing, std::string_view what);

template <class Body>
auto guarded(std::string_view doing, Body&& body) -> DeskResult<std::invoke_result_t<Body&>> {
  try {
    return body();
  } catch (const DeskFailure& failure) {
    return std::unexpected(failure.error);
  } catch (const std::exception& e) {
    // SQLite's exceptions, nlohmann's and bad_alloc: the database or the machine failed.
    return std::unexpected(storage_desk_error(doing, e.what()));
  }
}

}  // namespace einlass::desk_detail
