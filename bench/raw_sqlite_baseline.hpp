// The durable-intake baseline: the SQLite C API alone, with the store's settings (journal_mode=WAL,
// foreign_keys=ON, synchronous=FULL, the store's checkpoint threshold), inserting one row of about
// a case's size per transaction (BEGIN IMMEDIATE … COMMIT). What a commit that reaches the disk
// costs on this machine, with no application work around it.
#pragma once

#include <string>
#include <vector>

#include "bench_support.hpp"

namespace zeren::bench {

struct TimedTransactions {
  Rate rate;                          // transactions per second over the whole run
  std::vector<double> latencies_ms;   // one per transaction, in order
};

// Creates a new database at `path` (which must not exist) and commits `count` single-row
// transactions. Throws std::runtime_error with SQLite's message on any failure.
TimedTransactions raw_insert_baseline(const std::string& path, int count);

// The SQLite library's version string ("3.40.1").
std::string sqlite_version();

}  // namespace zeren::bench
