#pragma once
// Internal to einlass_rules: where a decision's name, organisation, category and days come from.
#include "rules/decide.h"

namespace einlass::rules_detail {

// The replica's record wins: it is what staff last changed (a new category, another day, a
// corrected name); the ticket only says what was true when it was issued. Without either the
// fields stay empty.
void fill_holder_fields(Decision& d, const ReplicaFacts& facts, const Ticket* ticket);

}  // namespace einlass::rules_detail
