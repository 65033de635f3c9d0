#include "print/zpl_printer.h"

#include "print/tcp_stream.h"
#include "print/zpl_encoder.h"
#include "print/zpl_status.h"

namespace einlass {

namespace {

constexpr std::chrono::milliseconds kCloseWait{1000};

PrintFault offline(const DeviceError& error) {
  return {PrinterState::offline, error.message};
}

// Asks ~HS on an open connection. A Zebra printer that is out of media, out of ribbon or has
// its head open does not answer at all, so silence is a fault, not a ready printer.
PrinterStatus ask_host_status(TcpStream& stream, std::chrono::milliseconds timeout) {
  if (auto sent = stream.send_all("~HS", timeout); !sent)
    return {PrinterState::offline, sent.error().message};
  auto reply = stream.receive(zpl_host_status_complete, timeout);
  if (!reply) return {PrinterState::offline, reply.error().message};
  if (reply->empty())
    return {PrinterState::error, stream.peer() + ": no answer to ~HS within " +
                                     std::to_string(timeout.count()) +
                                     " ms (out of labels or ribbon, or the head is open?)"};
  if (auto status = parse_zpl_host_status(*reply)) return *status;
  return {PrinterState::error, stream.peer() + ": unreadable answer to ~HS"};
}

}  // namespace

std::expected<void, PrintFault> ZplPrinter::print(const Badge& badge, const BadgeLayout& layout,
                                                  const std::string& job_name) {
  BadgeLayout at_printer = layout;
  at_printer.dpi = settings_.dpi;
  auto zpl = badge_to_zpl(badge, at_printer, job_name);
  if (!zpl) return std::unexpected(PrintFault{PrinterState::error, zpl.error()});

  auto stream = TcpStream::connect(settings_.host, settings_.port, settings_.connect_timeout);
  if (!stream) return std::unexpected(offline(stream.error()));
  if (settings_.query_status) {
    const auto state = ask_host_status(*stream, settings_.status_timeout);
    if (state.state != PrinterState::ready && state.state != PrinterState::printing)
      return std::unexpected(PrintFault{state.state, state.detail});
  }
  if (auto sent = stream->send_all(*zpl, settings_.send_timeout); !sent)
    return std::unexpected(offline(sent.error()));
  // The label is in the printer's buffer once it has read everything; a printer that keeps the
  // connection open is not an error.
  stream->finish(kCloseWait);
  return {};
}

PrinterStatus ZplPrinter::status() {
  auto stream = TcpStream::connect(settings_.host, settings_.port, settings_.connect_timeout);
  if (!stream) return {PrinterState::offline, stream.error().message};
  if (!settings_.query_status)
    return {PrinterState::ready, stream->peer() + " accepts connections"};
  return ask_host_status(*stream, settings_.status_timeout);
}

std::string ZplPrinter::describe() const {
  return "ZPL printer " + settings_.host + ":" + std::to_string(settings_.port) + " at " +
         std::to_string(settings_.dpi) + " dpi";
}

}  // namespace einlass
