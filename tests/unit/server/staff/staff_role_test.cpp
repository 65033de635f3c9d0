#include <catch2/catch.hpp>

#include "staff/staff_auth.h"

using namespace einlass;

TEST_CASE("roles read and write as viewer, desk and admin", "[staff][role]") {
  for (const auto role : {StaffRole::viewer, StaffRole::desk, StaffRole::admin}) {
    CHECK(staff_role_from_string(to_string(role)) == role);
  }
  CHECK(to_string(StaffRole::desk) == "desk");
  CHECK(staff_role_from_string("admin") == StaffRole::admin);
  CHECK_FALSE(staff_role_from_string("Admin"));
  CHECK_FALSE(staff_role_from_string(""));
  CHECK_FALSE(staff_role_from_string("root"));
}

TEST_CASE("admin may do what desk may, desk what viewer may, not the other way", "[staff][role]") {
  using enum StaffRole;
  CHECK(role_allows(viewer, viewer));
  CHECK_FALSE(role_allows(viewer, desk));
  CHECK_FALSE(role_allows(viewer, admin));
  CHECK(role_allows(desk, viewer));
  CHECK(role_allows(desk, desk));
  CHECK_FALSE(role_allows(desk, admin));
  CHECK(role_allows(admin, viewer));
  CHECK(role_allows(admin, desk));
  CHECK(role_allows(admin, admin));
}
