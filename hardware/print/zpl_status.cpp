#include "print/zpl_status.h"

#include <algorithm>
#include <charconv>
#include <string>
#include <vector>

namespace einlass {

namespace {

constexpr char kStx = '\x02';
constexpr char kEtx = '\x03';

std::vector<std::string_view> framed_strings(std::string_view received) {
  std::vector<std::string_view> strings;
  std::size_t pos = 0;
  while (true) {
    const auto start = received.find(kStx, pos);
    if (start == std::string_view::npos) break;
    const auto end = received.find(kEtx, start + 1);
    if (end == std::string_view::npos) break;
    strings.push_back(received.substr(start + 1, end - start - 1));
    pos = end + 1;
  }
  return strings;
}

std::optional<std::vector<int>> numbers(std::string_view text) {
  std::vector<int> values;
  while (true) {
    const auto comma = text.find(',');
    const auto field = text.substr(0, comma);
    int value = 0;
    const auto [end, ec] = std::from_chars(field.data(), field.data() + field.size(), value);
    if (field.empty() || ec != std::errc{} || end != field.data() + field.size())
      return std::nullopt;
    values.push_back(value);
    if (comma == std::string_view::npos) return values;
    text.remove_prefix(comma + 1);
  }
}

}  // namespace

bool zpl_host_status_complete(std::string_view received) {
  return std::count(received.begin(), received.end(), kEtx) >= 3;
}

std::optional<PrinterStatus> parse_zpl_host_status(std::string_view received) {
  const auto strings = framed_strings(received);
  if (strings.size() < 2) return std::nullopt;
  const auto first = numbers(strings[0]);
  const auto second = numbers(strings[1]);
  // String 1: aaa,b(paper out),c(pause),dddd,eee(formats in buffer),f,g,h,iii,j,k,l
  // String 2: mmm,n,o(head up),p(ribbon out),q,r,s,t,uuuuuuuu(labels remaining),v,www
  if (!first || first->size() < 5 || !second || second->size() < 9) return std::nullopt;
  const bool paper_out = (*first)[1] == 1;
  const bool paused = (*first)[2] == 1;
  const int formats_waiting = (*first)[4];
  const bool head_up = (*second)[2] == 1;
  const bool ribbon_out = (*second)[3] == 1;
  const int labels_remaining = (*second)[8];
  if (paper_out) return PrinterStatus{PrinterState::media_empty, "paper out"};
  if (head_up) return PrinterStatus{PrinterState::error, "print head open"};
  if (ribbon_out) return PrinterStatus{PrinterState::error, "ribbon out"};
  if (paused) return PrinterStatus{PrinterState::offline, "paused"};
  if (formats_waiting > 0 || labels_remaining > 0)
    return PrinterStatus{PrinterState::printing,
                         std::to_string(formats_waiting) + " format(s) in the buffer, " +
                             std::to_string(labels_remaining) + " label(s) to print"};
  return PrinterStatus{PrinterState::ready, "ready"};
}

}  // namespace einlass
