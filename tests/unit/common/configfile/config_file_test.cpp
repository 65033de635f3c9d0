#include "configfile/config_file.h"

#include <catch2/catch.hpp>

#include "support/files.h"
#include "support/temp_dir.h"

using namespace einlass;

namespace {

const ConfigKeys kKeys{{"a", {"text", "number", "list", "path"}}, {"b", {"x"}}};

ConfigFile parse_ok(std::string_view text) {
  auto file = ConfigFile::parse(text, kKeys, "/etc/einlass");
  if (!file) FAIL(file.error().key << ": " << file.error().message);
  return std::move(*file);
}

ConfigError parse_error(std::string_view text) {
  auto file = ConfigFile::parse(text, kKeys, "/etc/einlass");
  REQUIRE_FALSE(file);
  return file.error();
}

}  // namespace

TEST_CASE("a syntax error names line and column", "[configfile]") {
  const auto error = parse_error("[a]\ntext = \"open\n");
  CHECK(error.key.empty());
  CHECK_THAT(error.message, Catch::StartsWith("line 2, column"));
}

TEST_CASE("unknown sections and keys are refused as typos, by name", "[configfile]") {
  CHECK(parse_error("[c]\nx = 1\n").key == "c");
  CHECK(parse_error("[c]\nx = 1\n").message == "unknown section");
  CHECK(parse_error("[a]\ntxet = \"typo\"\n").key == "a.txet");
  CHECK(parse_error("[a]\ntxet = \"typo\"\n").message == "unknown key");
  CHECK(parse_error("a = 1\n").message == "must be a section ([a])");
  // Names no bare key can spell are quoted, so the message still says what it refuses.
  CHECK(parse_error("\"\" = \"\"\n").key == "\"\"");
  CHECK(parse_error("[a]\n\"t x\" = 1\n").key == "a.\"t x\"");
  CHECK(parse_error("[\"tab\\t\"]\n").key == "\"tab\\u0009\"");
}

TEST_CASE("values are read with their type and range, and errors name the key", "[configfile]") {
  const auto file = parse_ok(
      "[a]\ntext = \"hello\"\nnumber = 42\nlist = [\"x\", \"y\"]\npath = \"tls/ca.crt\"\n");
  CHECK(file.has_section("a"));
  CHECK_FALSE(file.has_section("b"));
  CHECK(file.required_string("a", "text").value() == "hello");
  CHECK_FALSE(file.optional_string("b", "x").value().has_value());
  CHECK(file.optional_integer("a", "number", 1, 100).value() == std::optional<std::int64_t>{42});
  CHECK(file.string_list("a", "list").value() == std::vector<std::string>{"x", "y"});
  CHECK(file.string_list("b", "x")->empty());
  CHECK(file.required_path("a", "path").value() ==
        std::filesystem::path("/etc/einlass/tls/ca.crt"));

  const auto out_of_range = file.optional_integer("a", "number", 1, 10);
  REQUIRE_FALSE(out_of_range);
  CHECK(out_of_range.error().key == "a.number");
  CHECK(out_of_range.error().message == "must be between 1 and 10");
  CHECK(file.required_string("b", "x").error().message == "is missing");
  CHECK(file.required_string("a", "number").error().message == "must be a string in quotes");
  CHECK(file.optional_integer("a", "text", 0, 1).error().message == "must be a whole number");
  CHECK(parse_ok("[a]\ntext = \"\"\n").optional_string("a", "text").error().message ==
        "must not be empty");
  CHECK(parse_ok("[a]\nlist = [\"x\", 3]\n").string_list("a", "list").error().message ==
        "must hold only non-empty strings");
  CHECK(parse_ok("[a]\nlist = \"only\"\n").string_list("a", "list").value() ==
        std::vector<std::string>{"only"});
}

TEST_CASE("loading a file reports its path with the key, or that it cannot be read",
          "[configfile]") {
  test::TempDir dir;
  const auto path = dir / "x.toml";
  test::write_file(path, "[a]\nnumber = 500\n");
  const auto parse = [](std::string_view text,
                        const std::filesystem::path& folder) -> ConfigResult<std::int64_t> {
    auto file = ConfigFile::parse(text, kKeys, folder);
    if (!file) return std::unexpected(file.error());
    auto number = file->optional_integer("a", "number", 1, 100);
    if (!number) return std::unexpected(number.error());
    return number->value_or(0);
  };
  const auto loaded = load_config_file<std::int64_t>(path, parse);
  REQUIRE_FALSE(loaded);
  CHECK(loaded.error() == path.string() + ": a.number: must be between 1 and 100");
  const auto missing = load_config_file<std::int64_t>(dir / "none.toml", parse);
  CHECK(missing.error() == (dir / "none.toml").string() + ": cannot be read");
}
