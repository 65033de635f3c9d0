#pragma once
// Search that forgives case and accents, as desk staff type: "muller" finds "Müller",
// "strasse" finds "Straße", "ozlem" finds "Özlem".
#include <string>
#include <string_view>

namespace einlass {

// Lower case with the accents of Latin letters removed and ß, æ, œ spelt out. Other characters
// pass through lower-cased where ASCII, unchanged otherwise. Invalid UTF-8 is folded byte by byte
// as ASCII, so it never fails.
std::string fold_for_search(std::string_view utf8);

}  // namespace einlass
