#include "app/staff_mode.h"

#include "staffcard/staff_card_verifier.h"
#include "storage/attendee_repository.h"
#include "storage/kiosk_state_repository.h"
#include "storage/print_job_repository.h"
#include "storage/staff_card_repository.h"

namespace einlass {

namespace {

constexpr std::size_t kMaxSearchHits = 20;

RefusedScreen card_refused(Bilingual message) {
  return RefusedScreen{{"Mitarbeiterkarte", "Staff card"}, std::move(message), {}};
}

template <class... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};

}  // namespace

bool is_staff_card(std::string_view code) {
  return looks_like_staff_card(code);
}

namespace {

// The lock a previous run left (a restart must not hand out fresh PIN attempts); none if the
// replica cannot say, which only loses what the lock would have kept.
StaffLock restored_lock(Replica& replica) {
  auto stored = KioskStateRepository(replica.db()).staff_pin_lock();
  if (!stored) return {};
  return StaffLock{stored->failures, stored->locked_until};
}

}  // namespace

StaffMode::StaffMode(Replica& replica, const Clock& clock, StaffActions& actions,
                     std::chrono::milliseconds idle_timeout)
    : replica_(replica),
      clock_(clock),
      actions_(actions),
      session_(
          clock,
          StaffSessionLimits{3, std::chrono::minutes(1), std::chrono::minutes(1), idle_timeout},
          restored_lock(replica)) {}

void StaffMode::keep_lock() {
  const StaffLock lock = session_.lock_state();
  if (auto kept = KioskStateRepository(replica_.db())
                      .set_staff_pin_lock(StaffPinLock{lock.failures, lock.locked_until});
      !kept)
    actions_.log_staff_action("staff_lock_not_stored", kept.error().message);
}

bool StaffMode::active() {
  const auto state = session_.view().state;
  return state == StaffState::waiting_for_pin || state == StaffState::unlocked;
}

std::string StaffMode::card_text() {
  const auto view = session_.view();
  return view.card_id == 0 ? std::string{} : format_staff_card_id(view.card_id);
}

ScreenContent StaffMode::present_card(std::string_view code) {
  auto card = verify_staff_card(code, replica_.keyring());
  if (!card) {
    actions_.log_staff_action("staff_card_refused", card.error().detail);
    return card_refused(
        {"Diese Mitarbeiterkarte gilt hier nicht. Bitte wenden Sie sich an die "
         "Einsatzleitung.",
         "This staff card is not valid here. Please ask the operations lead."});
  }
  auto revoked = StaffCardRepository(replica_.db()).is_revoked(card->card_id);
  if (!revoked) {
    actions_.log_staff_action("staff_card_refused", revoked.error().message);
    return card_refused(
        {"Die Karte kann gerade nicht geprüft werden.", "The card cannot be checked right now."});
  }
  auto presented = session_.present_card(*card, *revoked);
  if (!presented) {
    actions_.log_staff_action("staff_card_refused", presented.error().message);
    if (presented.error().reason == CardRefusal::locked) return pin_screen(false);
    return card_refused({"Diese Mitarbeiterkarte ist gesperrt.", "This staff card is revoked."});
  }
  actions_.log_staff_action("staff_card", format_staff_card_id(card->card_id));
  return pin_screen(false);
}

ScreenContent StaffMode::pin_screen(bool wrong) {
  const auto view = session_.view();
  return StaffPinScreen{view.staff_name, view.attempts_left, wrong, view.locked_until};
}

ScreenContent StaffMode::menu(Bilingual notice) {
  const auto view = session_.view();
  StaffMenuScreen screen{view.staff_name, actions_.paused(), {}, std::move(notice)};
  if (const auto last = actions_.last_badge())
    screen.last_badge = last->name + " (" + format_ticket_id(last->ticket_id) + ")";
  return screen;
}

std::optional<ScreenContent> StaffMode::on_command(const StaffCommand& command) {
  if (const auto* pin = std::get_if<EnterPin>(&command)) {
    const auto result = session_.enter_pin(pin->pin);
    keep_lock();
    switch (result.outcome) {
      case PinOutcome::unlocked:
        actions_.log_staff_action("staff_unlocked", card_text());
        return menu();
      case PinOutcome::wrong:
        actions_.log_staff_action("staff_wrong_pin", card_text());
        return pin_screen(true);
      case PinOutcome::locked:
        actions_.log_staff_action("staff_locked", "three wrong PINs");
        return pin_screen(true);
      case PinOutcome::no_card:
        return std::nullopt;
    }
    return std::nullopt;
  }
  if (!session_.touch()) return std::nullopt;
  return std::visit(
      Overloaded{
          [&](const EnterPin&) -> std::optional<ScreenContent> { return std::nullopt; },
          [&](const ReprintLast&) -> std::optional<ScreenContent> {
            const auto last = actions_.last_badge();
            if (!last)
              return menu({"Hier wurde noch kein Namensschild gedruckt.",
                           "No badge was printed here yet."});
            return reprint(last->admission);
          },
          [&](const SearchAttendees& s) { return search(s.query); },
          [&](const ReprintTicket& r) -> std::optional<ScreenContent> {
            const auto admission = admission_of(r.ticket_id);
            if (!admission)
              return menu({"Für dieses Ticket gibt es keinen Einlass, also kein Namensschild.",
                           "This ticket was not admitted, so there is no badge to reprint."});
            return reprint(*admission);
          },
          [&](const PrintTestPage&) -> std::optional<ScreenContent> {
            actions_.print_test_page();
            return menu({"Testseite wird gedruckt.", "Printing a test page."});
          },
          [&](const PauseKiosk&) -> std::optional<ScreenContent> {
            actions_.pause(true);
            return menu({"Kiosk pausiert.", "Kiosk paused."});
          },
          [&](const ResumeKiosk&) -> std::optional<ScreenContent> {
            actions_.pause(false);
            return menu({"Kiosk läuft wieder.", "Kiosk resumed."});
          },
          [&](const ShowStaffMenu&) -> std::optional<ScreenContent> { return menu(); },
          [&](const LeaveStaff&) -> std::optional<ScreenContent> {
            actions_.log_staff_action("staff_left", card_text());
            session_.leave();
            return std::nullopt;
          },
      },
      command);
}

std::optional<ScreenContent> StaffMode::search(std::string_view query) {
  last_query_ = std::string(query);
  SystemClock unused;
  auto records =
      AttendeeRepository(replica_.db(), unused).search_records(query, kMaxSearchHits + 1);
  StaffSearchScreen screen{session_.view().staff_name, last_query_, {}, false, {}};
  if (!records) {
    screen.notice = {"Suche fehlgeschlagen.", "Search failed."};
    return screen;
  }
  screen.more = records->size() > kMaxSearchHits;
  if (screen.more) records->resize(kMaxSearchHits);
  for (const auto& record : *records)
    screen.results.push_back(
        {format_ticket_id(record.ticket_id), record.display_name, record.organisation});
  return screen;
}

std::optional<EventKey> StaffMode::admission_of(std::string_view ticket_text) {
  const auto ticket = parse_ticket_id(ticket_text);
  if (!ticket) return std::nullopt;
  auto history = replica_.history(*ticket);
  if (!history) {
    actions_.log_staff_action("reprint_failed", history.error().message);
    return std::nullopt;
  }
  // The latest entry: its badge is the one that got lost.
  for (auto it = history->rbegin(); it != history->rend(); ++it)
    if (it->kind != AdmissionKind::exit) return it->key;
  return std::nullopt;
}

ScreenContent StaffMode::reprint(const EventKey& admission) {
  auto job = PrintJobRepository(replica_.db(), clock_).add_reprint(admission);
  if (!job) {
    actions_.log_staff_action("reprint_failed", job.error().message);
    return menu({"Nachdruck nicht möglich: " + job.error().message,
                 "Reprint failed: " + job.error().message});
  }
  actions_.log_staff_action("reprint", card_text() + " " + format_ticket_id(job->ticket_id) +
                                           " reprint " + std::to_string(job->reprint));
  actions_.wake_printer();
  return menu({"Nachdruck " + std::to_string(job->reprint) + " wird gedruckt.",
               "Reprint " + std::to_string(job->reprint) + " is printing."});
}

}  // namespace einlass
