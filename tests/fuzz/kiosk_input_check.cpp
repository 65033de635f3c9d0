#include "fuzz/kiosk_input_check.h"

#include <string_view>

#include "core/kiosk_config.h"
#include "device/device_uri.h"
#include "keyed/line_decoder.h"
#include "scan/jpeg_decoder.h"
#include "screen/staff_command.h"
#include "sync/frame.h"
#include "sync/handshake.h"

namespace einlass::fuzz {

void check_kiosk_input(std::span<const std::uint8_t> input) {
  if (input.empty()) return;
  const auto body = input.subspan(1);
  const std::string_view text(reinterpret_cast<const char*>(body.data()), body.size());
  switch (input[0] % 6) {
    case 0:
      (void)parse_kiosk_config(text, "/etc/einlass");
      return;
    case 1:
      (void)parse_staff_command(text);
      return;
    case 2:
      (void)parse_device_uri(text);
      return;
    case 3: {
      LineDecoder lines;
      for (const char byte : text) (void)lines.feed(byte);
      return;
    }
    case 5: {
      // Frames and handshake messages as they arrive from the server.
      FrameReader reader;
      reader.feed(text);
      for (;;) {
        auto frame = reader.next();
        if (!frame || !*frame) return;
        if ((*frame)->type == MessageType::version) (void)parse_version_offer((*frame)->payload);
        if ((*frame)->type == MessageType::hello) (void)parse_hello((*frame)->payload);
      }
    }
    default: {
      auto jpeg = JpegDecoder::create();
      GrayImage frame;
      if (jpeg) (void)jpeg->decode(body, frame, "fuzz", JpegDamage::refuse);
      return;
    }
  }
}

}  // namespace einlass::fuzz
