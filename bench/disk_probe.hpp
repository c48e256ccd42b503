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

// What this process has done so far, read before and after a run of commits.
struct ProcessWork {
  // Bytes passed to write(2), pwrite(2) and their kin, and how many such calls (`wchar` and
  // `syscw` in /proc/self/io; 0 where it cannot be read): what the commits wrote to the WAL and,
  // at its checkpoints, to the database file.
  std::uint64_t written_bytes = 0;
  std::uint64_t write_calls = 0;
  // CPU time on its own threads, in user space and in the kernel on its behalf (getrusage):
  // unlike a rate, it does not follow how long the disk makes a commit wait.
  double user_s = 0.0;
  double system_s = 0.0;

  ProcessWork operator-(const ProcessWork& before) const;
  ProcessWork operator+(const ProcessWork& other) const;
};
ProcessWork work_so_far();

}  // namespace zeren::bench
