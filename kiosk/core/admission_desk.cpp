#include "core/admission_desk.h"

#include "storage/attendee_repository.h"
#include "storage/kiosk_state_repository.h"
#include "storage/transaction.h"
#include "ticket/ticket_verifier.h"

namespace einlass {

namespace {

ScanOutcome storage_refusal(Decision decision, const StorageError& error) {
  decision.admitted = false;
  decision.reason = Reason::error;
  decision.staff_detail = "not committed: " + error.message;
  return ScanOutcome{std::move(decision), std::nullopt, std::nullopt, error.message};
}

// The badge fields a ticket carried, kept for an attendee the replica does not know yet
// (registered after the last sync, scenario 14), so that the badge, a resumed print job and a
// reprint all find the holder by ticket id. A later sync replaces the record.
AttendeeRecord record_from_decision(const Decision& decision) {
  AttendeeRecord record;
  record.ticket_id = decision.ticket_id;
  record.display_name = decision.display_name;
  record.organisation = decision.organisation;
  record.category = decision.category;
  record.days = decision.days;
  record.status = AttendeeStatus::active;
  return record;
}

}  // namespace

std::expected<AdmissionDesk, std::string> AdmissionDesk::open(Replica& replica, Entrance entrance,
                                                              const Clock& clock) {
  KioskStateRepository state(replica.db());
  if (auto claimed = state.claim(entrance.kiosk_id); !claimed)
    return std::unexpected("replica: " + claimed.error().message);
  auto next = state.next_sequence();
  if (!next) return std::unexpected("replica: " + next.error().message);
  auto last = state.last_hlc();
  if (!last) return std::unexpected("replica: " + last.error().message);
  return AdmissionDesk(replica, std::move(entrance), clock, *next, *last);
}

AdmissionDesk::Evaluation AdmissionDesk::evaluate(std::string_view code, Timestamp scan_time) {
  auto ticket = verify_ticket(code, replica_.keyring());
  if (!ticket) return Evaluation{refuse_unverified(ticket.error()), false, {}};
  const auto unreadable = [&](StorageError error) {
    Decision unknown;
    unknown.ticket_id = ticket->ticket_id;
    unknown.scan_time = scan_time;
    return Evaluation{std::move(unknown), false, std::move(error)};
  };
  auto facts = replica_.facts(ticket->ticket_id);
  if (!facts) return unreadable(facts.error());
  auto history = replica_.history(ticket->ticket_id);
  if (!history) return unreadable(history.error());
  Decision decision = decide(*ticket, *facts, *history, scan_time, entrance_, replica_.calendar(),
                             replica_.event().reentry);
  return Evaluation{std::move(decision), facts->attendee.has_value(), {}};
}

ScanOutcome AdmissionDesk::conclude(Evaluation evaluation) {
  if (evaluation.failure)
    return storage_refusal(std::move(evaluation.decision), *evaluation.failure);
  if (!evaluation.decision.admitted) return ScanOutcome{std::move(evaluation.decision), {}, {}, {}};
  return commit(std::move(evaluation.decision), evaluation.holder_in_replica);
}

ScanOutcome AdmissionDesk::scan(std::string_view code, Timestamp scan_time) {
  return conclude(evaluate(code, scan_time));
}

ScanOutcome AdmissionDesk::refuse_claimed_elsewhere(Evaluation evaluation,
                                                    const std::string& kiosk) {
  Decision decision = std::move(evaluation.decision);
  decision.admitted = false;
  decision.reason = Reason::already_admitted;
  AdmissionEvent elsewhere;
  elsewhere.key = EventKey{kiosk, 0};
  elsewhere.ticket_id = decision.ticket_id;
  elsewhere.scan_time = decision.scan_time;
  elsewhere.event_day = decision.event_day;
  decision.prior = elsewhere;
  decision.staff_detail = "ticket " + std::to_string(decision.ticket_id) +
                          " is being admitted at kiosk " + kiosk + " (claimed at the server)";
  return ScanOutcome{std::move(decision), {}, {}, {}};
}

ScanOutcome AdmissionDesk::commit(Decision decision, bool holder_in_replica) {
  const AdmissionEvent event =
      admission_event(decision, EventKey{entrance_.kiosk_id, next_seq_}, hlc_.now(clock_.now()));
  PrintJobRepository jobs(replica_.db(), clock_);
  if (decision.kind == AdmissionKind::exit) {
    if (auto done = jobs.commit_without_badge(event); !done)
      return storage_refusal(std::move(decision), done.error());
    ++next_seq_;
    return ScanOutcome{std::move(decision), event.key, {}, {}};
  }
  auto tx = Transaction::begin(replica_.db());
  if (!tx) return storage_refusal(std::move(decision), tx.error());
  if (!holder_in_replica) {
    const AttendeeRecord record = record_from_decision(decision);
    if (auto kept = AttendeeRepository(replica_.db(), clock_).put_records({&record, 1}); !kept)
      return storage_refusal(std::move(decision), kept.error());
  }
  auto job = jobs.commit_admission(event);
  if (!job) return storage_refusal(std::move(decision), job.error());
  if (auto done = tx->commit(); !done) return storage_refusal(std::move(decision), done.error());
  ++next_seq_;
  return ScanOutcome{std::move(decision), event.key, *job, {}};
}

}  // namespace einlass
