#pragma once
// Cheap cues, from block statistics alone, about a code the plain decode may have missed:
//  - whether the picture has a patch of dense texture as large as a small code (about 80x80
//    pixels); an empty entrance, a wall or a sleeve has edges but no such patch;
//  - whether such a code is more likely dark-on-light (printed, a phone in light mode) or
//    light-on-dark (a phone in dark mode): where texture (modules) meets a blank area (quiet
//    zone, paper, screen), the blank side is lighter for a normal code and darker for an
//    inverted one.
// The decoder uses them to skip retries on a camera's empty frames and to try the likelier
// polarity first; a still always gets every retry, whatever the cues say.
#include "scan/block_stats.h"
#include "scan/local_contrast.h"

namespace einlass {

struct CodeCues {
  bool dense_texture = false;
  Polarity likely_polarity = Polarity::keep;
};

CodeCues find_code_cues(const BlockStats& stats);

}  // namespace einlass
