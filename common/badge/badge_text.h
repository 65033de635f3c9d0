#pragma once
// Fitting badge text into its box, independent of any drawing library: the caller measures text
// (advance width at font size 1, in the box's unit) and draws what comes back. Kept pure so the
// line breaking can be tested without rendering.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace einlass {

using TextMeasure = std::function<double(std::string_view)>;

struct FontMetrics {
  double ascent = 0.93;  // above the baseline at font size 1 (DejaVu Sans, accents included)
  double descent = 0.24;
};

struct FittedName {
  std::vector<std::string> lines;  // empty for an empty name, else one or two
  double size = 0;                 // font size
  std::vector<double> baselines;   // from the top of the box, one per line
};

// The name as large as fits `width` x `height`, on one line or broken in two between words (a
// break after a hyphen only when that is clearly better). Two lines are chosen only when they
// make the name noticeably larger. Nothing is cut off: a very long name just gets smaller.
FittedName fit_name(std::string_view name, double width, double height, FontMetrics metrics,
                    const TextMeasure& measure);

struct FittedLine {
  std::string text;  // the text, or a prefix ending in "…" when even `min_size` was too wide
  double size = 0;
  double baseline = 0;  // from the top of the box
};

// One line, as large as `max_size` and the box allow; below `min_size` it is cut with "…" at
// `min_size` instead of shrinking into illegibility.
FittedLine fit_line(std::string_view text, double width, double height, double max_size,
                    double min_size, FontMetrics metrics, const TextMeasure& measure);

}  // namespace einlass
