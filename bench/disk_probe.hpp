// Context for the durable-intake figures: how long this disk takes to make a small write durable.
// A commit with synchronous=FULL in WAL mode costs at least one such write and fdatasync().
#pragma once

#include <string>

namespace zeren::bench {

struct SyncLatency {
  double p50_ms = 0.0;
  double p99_ms = 0.0;
};

// Writes 4 KiB at the end of a new file at `path` and fdatasync()s it, `count` times; removes the
// file afterwards. Throws std::runtime_error when a call fails.
SyncLatency probe_sync_latency(const std::string& path, int count);

}  // namespace zeren::bench
