#include "badge/badge_text.h"

#include <algorithm>

#include "base/text.h"

namespace einlass {

namespace {

// Distance between the baselines of the two name lines, in units of ascent + descent.
constexpr double kLinePitch = 0.9;
// A single line may grow this much beyond the two-line size before the box's height stops it.
constexpr double kSingleLineGrowth = 1.25;
// Two lines must make the name this much larger than one line to be worth the break.
constexpr double kBreakGain = 1.15;
// A break after a hyphen counts as this much smaller than a break at a space.
constexpr double kHyphenPenalty = 0.92;

// Collapses runs of blanks into one space and trims both ends.
std::string normalise_spaces(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (is_blank(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

double fitting_size(std::string_view text, double width, double cap, const TextMeasure& measure) {
  const double advance = measure(text);
  if (advance <= 0) return cap;
  return std::min(cap, width / advance);
}

struct Break {
  std::size_t first_end;    // line one is [0, first_end)
  std::size_t second_from;  // line two is [second_from, end)
  bool at_hyphen;
};

std::vector<Break> break_candidates(std::string_view name) {
  std::vector<Break> breaks;
  for (std::size_t i = 1; i + 1 < name.size(); ++i) {
    if (name[i] == ' ') breaks.push_back({i, i + 1, false});
    if (name[i] == '-' && name[i - 1] != ' ' && name[i + 1] != ' ')
      breaks.push_back({i + 1, i + 1, true});
  }
  return breaks;
}

// Drops the last UTF-8 character (and any trailing space before it).
void drop_last_character(std::string& text) {
  while (!text.empty()) {
    const auto byte = static_cast<unsigned char>(text.back());
    text.pop_back();
    if ((byte & 0xC0) != 0x80) break;  // reached the lead byte
  }
  while (!text.empty() && text.back() == ' ') text.pop_back();
}

}  // namespace

FittedName fit_name(std::string_view raw, double width, double height, FontMetrics metrics,
                    const TextMeasure& measure) {
  FittedName fitted;
  const std::string name = normalise_spaces(raw);
  if (name.empty() || width <= 0 || height <= 0) return fitted;
  const double extent = metrics.ascent + metrics.descent;
  const double pitch = kLinePitch * extent;
  const double two_line_cap = height / (extent + pitch);
  const double one_line_cap = std::min(height / extent, kSingleLineGrowth * two_line_cap);

  const double one_line = fitting_size(name, width, one_line_cap, measure);
  double best_score = 0;
  double best_size = 0;
  std::vector<std::string> best_lines;
  for (const Break& at : break_candidates(name)) {
    const std::string first = name.substr(0, at.first_end);
    const std::string second = name.substr(at.second_from);
    const double size = std::min(fitting_size(first, width, two_line_cap, measure),
                                 fitting_size(second, width, two_line_cap, measure));
    const double score = at.at_hyphen ? size * kHyphenPenalty : size;
    if (score > best_score) {
      best_score = score;
      best_size = size;
      best_lines = {first, second};
    }
  }

  if (best_score > kBreakGain * one_line) {
    fitted.lines = std::move(best_lines);
    fitted.size = best_size;
    const double block = (extent + pitch) * best_size;
    const double first_baseline = (height - block) / 2 + metrics.ascent * best_size;
    fitted.baselines = {first_baseline, first_baseline + pitch * best_size};
  } else {
    fitted.lines = {name};
    fitted.size = one_line;
    fitted.baselines = {(height - extent * one_line) / 2 + metrics.ascent * one_line};
  }
  return fitted;
}

FittedLine fit_line(std::string_view raw, double width, double height, double max_size,
                    double min_size, FontMetrics metrics, const TextMeasure& measure) {
  FittedLine fitted;
  fitted.text = normalise_spaces(raw);
  if (fitted.text.empty() || width <= 0 || height <= 0) return fitted;
  const double extent = metrics.ascent + metrics.descent;
  const double cap = std::min(max_size, height / extent);
  fitted.size = fitting_size(fitted.text, width, cap, measure);
  if (fitted.size < min_size && min_size <= cap) {
    fitted.size = min_size;
    const std::string ellipsis = "\u2026";
    while (!fitted.text.empty() && measure(fitted.text + ellipsis) * min_size > width)
      drop_last_character(fitted.text);
    fitted.text += ellipsis;
  }
  fitted.baseline = (height - extent * fitted.size) / 2 + metrics.ascent * fitted.size;
  return fitted;
}

}  // namespace einlass
