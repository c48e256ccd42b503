// A VFS over the platform's own (unix) that writes a transaction's WAL frames to the file in one
// write call instead of two per frame (docs/architecture.md, "One write per commit").
#pragma once

namespace zeren::sqlite {

// Registers it, once per process, as the default VFS: every SQLite connection opened after this
// uses it, the store's and any other.
void coalesce_wal_writes();

}  // namespace zeren::sqlite
