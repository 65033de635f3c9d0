#include "print/job_name.h"

#include <catch2/catch.hpp>

using namespace einlass;

TEST_CASE("job names become safe file names", "[print]") {
  CHECK(job_file_stem("badge K1-000042 r0") == "badge_K1-000042_r0");
  CHECK(job_file_stem("../../etc/passwd") == "etc_passwd");
  CHECK(job_file_stem(".hidden") == "hidden");
  CHECK(job_file_stem("Müller / Lüdenscheidt") == "M_ller_L_denscheidt");
  CHECK(job_file_stem("") == "badge");
  CHECK(job_file_stem("///") == "badge");
  CHECK(job_file_stem(std::string(300, 'a')).size() == 100);
}

TEST_CASE("job titles for printer queues lose control and ZPL command characters", "[print]") {
  CHECK(job_title("badge K1-000042 r0") == "badge K1-000042 r0");
  CHECK(job_title("a^XZ~JR\nb") == "a_XZ_JR_b");
  CHECK(job_title("") == "badge");
}
