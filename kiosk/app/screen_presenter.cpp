#include "app/screen_presenter.h"

#include "rules/messages.h"

namespace einlass {

ScreenContent present_outcome(const ScanOutcome& outcome, const EventConfig& event,
                              const EventCalendar& calendar) {
  const Decision& decision = outcome.decision;
  if (decision.admitted && decision.kind == AdmissionKind::exit)
    return ExitScreen{decision.display_name};
  if (decision.admitted) {
    WelcomeScreen welcome{decision.display_name, decision.organisation, {}, {}, true};
    if (const Category* category = find_category(event, decision.category)) {
      welcome.category_label = category->label_de;
      welcome.category_colour = category->colour;
    }
    welcome.badge_printing = outcome.print_job.has_value();
    return welcome;
  }
  RefusedScreen refused;
  refused.message = {attendee_message(decision, Language::de, event.name, calendar),
                     attendee_message(decision, Language::en, event.name, calendar)};
  return refused;
}

}  // namespace einlass
