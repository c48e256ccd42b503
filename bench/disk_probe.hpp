// Context for the durable-intake figures: how long this disk takes to make a small write durable.
// A commit with synchronous=FULL in WAL mode costs at least one such write and fdatasync().
#pragma once

#include <cstdint>
#include <string>

namespace zeren::bench {

struct SyncLatency {
  double p50_ms = 0.0;
  double p99_ms = 0.0;
};

// Writes 4 KiB at the end of a new file at `path` and fdatasync()s it, `count` times; removes the
// file afterwards. Throws std::runtime_error when a call fails.
SyncLatency probe_sync_latency(const std::string& path, int count);

// Bytes this process has passed to write(2), pwrite(2) and their kin so far (`wchar` in
// /proc/self/io). Read before and after a run of commits: what they wrote to the WAL and, at its
// checkpoints, to the database file. 0 where /proc/self/io cannot be read.
std::uint64_t bytes_written_so_far();

}  // namespace zeren::bench
