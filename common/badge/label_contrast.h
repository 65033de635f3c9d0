#pragma once
// Text on the category band: black or white, whichever reads better on the band's colour.
#include "render/colour.h"

namespace einlass {

// WCAG relative luminance: 0 for black, 1 for white.
double relative_luminance(Rgb colour);

// True when black text has more contrast on `background` than white text.
bool black_text_reads_better(Rgb background);

}  // namespace einlass
