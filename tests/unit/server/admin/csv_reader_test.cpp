#include "admin/csv_reader.h"

#include <catch2/catch.hpp>

using namespace einlass;
using Fields = std::vector<std::string>;

TEST_CASE("csv records split at delimiters and line ends, LF, CRLF or CR", "[admin][csv]") {
  const auto records = read_csv("a,b\r\nc,d\ne,f\rg,h", ',');
  REQUIRE(records.size() == 4);
  CHECK(records[0].fields == Fields{"a", "b"});
  CHECK(records[1].fields == Fields{"c", "d"});
  CHECK(records[2].fields == Fields{"e", "f"});
  CHECK(records[3].fields == Fields{"g", "h"});
  CHECK(records[3].line == 4);
}

TEST_CASE("csv quoted fields hold delimiters, doubled quotes and line breaks", "[admin][csv]") {
  const auto records = read_csv("\"a;b\";\"say \"\"hi\"\"\";\"one\r\ntwo\"\nnext;x;y\n", ';');
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == Fields{"a;b", "say \"hi\"", "one\ntwo"});
  CHECK(records[0].line == 1);
  CHECK(records[0].last_line == 2);
  CHECK(records[1].line == 3);  // physical line, after the line break inside quotes
  CHECK(records[1].error.empty());
}

TEST_CASE("csv empty fields and a trailing delimiter give empty cells", "[admin][csv]") {
  const auto records = read_csv(",x,\n", ',');
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"", "x", ""});
}

TEST_CASE("csv blanks around a quoted field are tolerated, a quote inside text is kept",
          "[admin][csv]") {
  const auto records = read_csv("a, \"b,c\" ,Max \"M\" Muster\n", ',');
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"a", "b,c", "Max \"M\" Muster"});
}

TEST_CASE("csv text after a closing quote is a syntax error of that record only", "[admin][csv]") {
  const auto records = read_csv("\"a\"b,c\nd,e\n", ',');
  REQUIRE(records.size() == 2);
  CHECK_FALSE(records[0].error.empty());
  CHECK(records[1].error.empty());
  CHECK(records[1].fields == Fields{"d", "e"});
}

TEST_CASE("csv an unclosed quote names the line where it was opened", "[admin][csv]") {
  const auto records = read_csv("a,b\nc,\"open\nmore\nend", ',');
  REQUIRE(records.size() == 2);
  CHECK(records[1].line == 2);
  CHECK_THAT(records[1].error, Catch::Contains("line 2"));
}

TEST_CASE("csv delimiter is the one the header line has more of, outside quotes", "[admin][csv]") {
  CHECK(detect_delimiter("name;email;days") == ';');
  CHECK(detect_delimiter("name,email,days") == ',');
  CHECK(detect_delimiter("\"a,b,c\";d;e") == ';');
  CHECK(detect_delimiter("name") == ',');
}
