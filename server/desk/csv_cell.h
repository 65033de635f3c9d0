#pragma once
// Internal to einlass_desk: one CSV cell as RFC 4180 and spreadsheets need it.
#include <string>
#include <string_view>

namespace einlass::desk_detail {

// A cell that a spreadsheet would take for a formula (starting with =, +, -, @, tab or CR) gets
// a leading "'"; a cell with a comma, quote or line break is quoted with its quotes doubled.
std::string csv_cell(std::string_view text);

}  // namespace einlass::desk_detail
