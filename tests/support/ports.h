#pragma once
// A loopback TCP port nothing listens on right now: bound, read and closed again. For starting a
// test server on a known port, or for a connection that must be refused.
namespace einlass::test {

int unused_loopback_port();

}  // namespace einlass::test
