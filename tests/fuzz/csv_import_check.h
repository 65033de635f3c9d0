#pragma once
// What the registration CSV import fuzzer does with one input, shared with the replay test in
// the ordinary build (admin_fuzz_replay_tests).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace einlass::fuzz {

struct CsvImportOutcome {
  std::optional<std::string> broken;  // the first property that failed; nothing when all held
  bool accepted = false;              // parse_registrations_csv accepted the file
  std::size_t rows = 0;               // registrations in an accepted file
  std::size_t problems = 0;           // problems listed for a refused one
};

// The first byte picks the event (2, 1, 7 or 32 days from 2026-03-28); the rest is the file.
// The file is parsed twice (the same answer both times), the answer checked (see
// csv_import_check.cpp), then imported with import_registrations into a server database as
// einlass-admin does: twice for an accepted file (the second import changes nothing), once for
// a refused one (which must leave the database untouched).
class CsvImportFuzzer {
 public:
  // A server database with the sample event in a temp folder, removed by the destructor.
  CsvImportFuzzer();
  ~CsvImportFuzzer();
  CsvImportFuzzer(const CsvImportFuzzer&) = delete;
  CsvImportFuzzer& operator=(const CsvImportFuzzer&) = delete;

  CsvImportOutcome check(std::span<const std::uint8_t> input);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace einlass::fuzz
