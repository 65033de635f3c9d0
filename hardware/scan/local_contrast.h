#pragma once
// Local contrast normalisation: each pixel's difference from the mean of its neighbourhood
// (about two blocks of block_stats.h across), amplified and centred on mid-grey, optionally
// negated. It takes out glare gradients and moire bands, lifts faint prints to a contrast
// ZXing reads (its binariser alone gives up below about 70 grey levels between dark and light
// modules), and turns a light-on-dark code into a dark-on-light one in the same pass.
#include "scan/block_stats.h"
#include "scan/gray_image.h"

namespace einlass {

enum class Polarity { keep, invert };

// `stats` must be those of `in`. Writes a picture of `in`'s size into `out`, reusing its memory.
void normalize_local_contrast(GrayView in, const BlockStats& stats, Polarity polarity,
                              GrayImage& out);

}  // namespace einlass
