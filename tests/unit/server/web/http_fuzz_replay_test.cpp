// Replays the dashboard request fuzzer's seeds and saved crashes through the fuzzer's own checks
// in the ordinary (and the ASan) build, so that a fixed crash stays fixed; and makes sure the
// seeds still reach what the fuzzer is for: every route's success, each refusal of the session,
// CSRF, origin and role checks, and raw bytes through Beast's parser up to its limits.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "fuzz/http_request_check.h"
#include "support/files.h"

namespace fs = std::filesystem;

namespace {

einlass::fuzz::HttpOutcome replay(einlass::fuzz::HttpRequestFuzzer& fuzzer,
                                  const std::string& input) {
  return fuzzer.check({reinterpret_cast<const std::uint8_t*>(input.data()), input.size()});
}

}  // namespace

TEST_CASE("every seed and saved crash of the dashboard request fuzzer passes its checks",
          "[web][fuzz]") {
  const fs::path fuzz_dir = EINLASS_FUZZ_DIR;
  einlass::fuzz::HttpRequestFuzzer fuzzer;
  std::multiset<int> statuses;
  std::set<std::string> codes;
  std::size_t raw_answered = 0;
  for (const auto& path : einlass::test::fuzz_inputs(fuzz_dir / "corpus/http")) {
    INFO(path.string());
    const auto outcome = replay(fuzzer, einlass::test::read_file(path));
    if (outcome.broken) FAIL_CHECK(*outcome.broken);
    CHECK(outcome.raw == path.filename().string().starts_with("raw-"));
    statuses.insert(outcome.statuses.begin(), outcome.statuses.end());
    codes.insert(outcome.codes.begin(), outcome.codes.end());
    if (outcome.raw) raw_answered += outcome.statuses.size();
  }
  // Successes of reads and of each kind of action (201 admit, 202 reprint, 204 sign-out).
  CHECK(statuses.count(200) >= 20);
  for (const int status : {201, 202, 204, 400, 401, 403, 404, 405, 409}) {
    INFO(status);
    CHECK(statuses.contains(status));
  }
  for (const auto* code :
       {"csrf", "origin", "forbidden", "unauthenticated", "bad_credentials", "bad_json",
        "bad_request", "not_found", "method_not_allowed", "reason_required", "already_admitted",
        "beast: body limit exceeded", "beast: header limit exceeded"}) {
    INFO(code);
    CHECK(codes.contains(code));
  }
  CHECK(raw_answered >= 6);

  for (const auto& path : einlass::test::fuzz_inputs(fuzz_dir / "regressions/http")) {
    INFO(path.string());
    const auto outcome = replay(fuzzer, einlass::test::read_file(path));
    if (outcome.broken) FAIL_CHECK(*outcome.broken);
  }
}

TEST_CASE("the dashboard request fuzzer starts every input from the same database", "[web][fuzz]") {
  einlass::fuzz::HttpRequestFuzzer fuzzer;
  const std::string admit =
      "POST\n/api/v1/attendees/T000002/admit\neinlass_session=$d\n$d\n\n{\"reason\":\"lost\"}";
  const auto first = replay(fuzzer, admit);
  CHECK_FALSE(first.broken);
  CHECK(first.statuses == std::vector<int>{201});
  // Were the first admission still there, the second would be refused as already admitted.
  const auto second = replay(fuzzer, admit);
  CHECK_FALSE(second.broken);
  CHECK(second.statuses == std::vector<int>{201});
  // The desk's sign-out ends its session only for that input.
  CHECK(replay(fuzzer, "POST\n/api/v1/logout\neinlass_session=$d\n$d\n\n").statuses ==
        std::vector<int>{204});
  CHECK(replay(fuzzer, "GET\n/api/v1/session\neinlass_session=$d\n\n\n").statuses ==
        std::vector<int>{200});
}
