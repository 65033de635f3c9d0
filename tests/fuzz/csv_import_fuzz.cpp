// libFuzzer entry for the registration CSV import (einlass-admin import): arbitrary bytes as the
// file. See csv_import_check.cpp for the properties checked.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/csv_import_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // One database for the whole run; destroyed at exit, which removes its temp folder.
  static einlass::fuzz::CsvImportFuzzer fuzzer;
  if (const auto outcome = fuzzer.check({data, size}); outcome.broken) {
    std::fprintf(stderr, "CSV import property violated: %s\n", outcome.broken->c_str());
    std::abort();
  }
  return 0;
}
