// Replays the CSV import fuzzer's seeds and saved crashes through the fuzzer's own checks in the
// ordinary (and the ASan) build, so that a fixed crash stays fixed; and makes sure the seeds still
// take the import's real paths: accepted files with rows, files refused for each kind of problem.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "fuzz/csv_import_check.h"
#include "support/files.h"

namespace fs = std::filesystem;

namespace {

einlass::fuzz::CsvImportOutcome replay(einlass::fuzz::CsvImportFuzzer& fuzzer,
                                       const fs::path& path) {
  const std::string input = einlass::test::read_file(path);
  return fuzzer.check({reinterpret_cast<const std::uint8_t*>(input.data()), input.size()});
}

}  // namespace

TEST_CASE("every seed and saved crash of the CSV import fuzzer passes its checks",
          "[admin][csv][fuzz]") {
  const fs::path fuzz_dir = EINLASS_FUZZ_DIR;
  einlass::fuzz::CsvImportFuzzer fuzzer;
  std::size_t accepted = 0;
  std::size_t rows = 0;
  std::size_t refused = 0;
  const auto seeds = einlass::test::fuzz_inputs(fuzz_dir / "corpus/csv");
  for (const auto& path : seeds) {
    INFO(path.string());
    const auto outcome = replay(fuzzer, path);
    if (outcome.broken) FAIL_CHECK(*outcome.broken);
    accepted += outcome.accepted ? 1 : 0;
    rows += outcome.rows;
    refused += outcome.accepted ? 0 : 1;
    if (!outcome.accepted) CHECK(outcome.problems >= 1);
  }
  CHECK(seeds.size() >= 15);
  CHECK(accepted >= 8);
  CHECK(rows >= 15);
  CHECK(refused >= 8);

  for (const auto& path : einlass::test::fuzz_inputs(fuzz_dir / "regressions/csv")) {
    INFO(path.string());
    const auto outcome = replay(fuzzer, path);
    if (outcome.broken) FAIL_CHECK(*outcome.broken);
  }
}

TEST_CASE("the CSV import fuzzer starts every input from an empty database", "[admin][csv][fuzz]") {
  einlass::fuzz::CsvImportFuzzer fuzzer;
  const std::string file = std::string(1, '\0') + "id,name\nr1,Anna\nr2,Bert\n";
  const auto outcome =
      fuzzer.check({reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
  CHECK_FALSE(outcome.broken);
  CHECK(outcome.accepted);
  CHECK(outcome.rows == 2);
  // Were the rows of the first input still there, this import would add none of them and the
  // check would fail.
  const auto again =
      fuzzer.check({reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
  CHECK_FALSE(again.broken);
}
