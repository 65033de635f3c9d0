#pragma once
// Internal to einlass_desk: how its .cpp files stop at the first failure. Storage and repository
// results are taken with need(), which throws a DeskFailure; guarded() at each public method
// turns it (and anything else thrown below, SQLite included) back into a DeskError value, so no
// exception leaves the library.
#include <exception>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "desk/desk_service.h"
#include "storage/storage_error.h"

namespace einlass::desk_detail {

struct DeskFailure {
  DeskError error;
};

[[noreturn]] void fail(DeskError::Kind kind, std::string code, std::string message);
[[noreturn]] void fail_storage(const StorageError& error);

template <class T>
T need(StorageResult<T> result) {
  if (!result) fail_storage(result.error());
  return std::move(*result);
}

inline void need(const StorageResult<void>& result) {
  if (!result) fail_storage(result.error());
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
