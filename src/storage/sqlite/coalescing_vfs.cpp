// SQLite appends a frame to the WAL in two write calls, its 24-byte header and then its page, so a
// commit of 24 pages is 48 calls. This VFS holds a run of frames appended one after another in
// memory and writes the run in one call when the run's commit frame (a header whose "database
// size after commit" is non-zero) has its page, before SQLite syncs the file, publishes the
// frames in the WAL index or is told the commit succeeded. Any other call on the file (a read, a
// sync, a truncation, its size, a file control, closing it) and any write that is not the next
// frame of the run write the run first; such writes then go straight through.
//
// Held in memory at any moment are therefore only frames of a transaction not yet committed,
// appended after everything else in the file: no reader can be directed to them (the WAL index
// points at committed frames only), and a crash loses them as it would lose the transaction. A
// failed write of the run is the commit frame's write failing, reported to SQLite there, so the
// transaction fails as it would have. Frames SQLite writes back over earlier ones (a page changed
// twice in one transaction, checksums rewritten) are not appends and go straight through.
#include "storage/sqlite/coalescing_vfs.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <new>
#include <vector>

namespace zeren::sqlite {

namespace {

constexpr int kFrameHeader = 24;
constexpr int kWalHeader = 32;
constexpr std::size_t kMostHeld = 1 << 20;      // a larger transaction is written in runs this size
constexpr std::size_t kMostPerCall = 31 << 12;  // the unix VFS writes under 128 KiB per call

sqlite3_vfs* platform = nullptr;  // the VFS this one wraps
sqlite3_vfs coalescing{};
sqlite3_io_methods file_methods{};

// Our part of every file; the platform's file follows it in the same block.
struct File {
  sqlite3_file base{};  // base.pMethods is &file_methods
  bool wal = false;
  std::vector<unsigned char> run;  // frames held: their bytes, from run_at on
  sqlite3_int64 run_at = 0;
  bool header_last = false;       // the run ends with a frame header whose page has not come yet
  bool commit_frame = false;      // … and it is a commit frame's
  sqlite3_int64 written_end = 0;  // the end of the furthest write so far (since the WAL restarted)
};

constexpr std::size_t kOurPart = (sizeof(File) + 15) / 16 * 16;

File& ours(sqlite3_file* f) {
  return *reinterpret_cast<File*>(f);
}
sqlite3_file* theirs(sqlite3_file* f) {
  return reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(f) + kOurPart);
}
const sqlite3_io_methods& io(sqlite3_file* f) {
  return *theirs(f)->pMethods;
}

std::uint32_t big_endian_32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

int write_run(sqlite3_file* f) {
  File& file = ours(f);
  int rc = SQLITE_OK;
  for (std::size_t done = 0; done < file.run.size() && rc == SQLITE_OK; done += kMostPerCall) {
    const std::size_t part = std::min(kMostPerCall, file.run.size() - done);
    rc = io(f).xWrite(theirs(f), file.run.data() + done, static_cast<int>(part),
                      file.run_at + static_cast<sqlite3_int64>(done));
  }
  file.run.clear();
  file.header_last = file.commit_frame = false;
  return rc;
}

void note_written(File& file, sqlite3_int64 end) {
  if (end > file.written_end) file.written_end = end;
}

int x_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
  File& file = ours(f);
  const auto* bytes = static_cast<const unsigned char*>(data);
  const sqlite3_int64 run_end = file.run_at + static_cast<sqlite3_int64>(file.run.size());
  if (file.wal && file.header_last && offset == run_end) {  // the page of the frame held last
    file.run.insert(file.run.end(), bytes, bytes + amount);
    note_written(file, offset + amount);
    file.header_last = false;
    return file.commit_frame ? write_run(f) : SQLITE_OK;
  }
  const bool appended_frame = file.wal && !file.header_last && amount == kFrameHeader &&
                              offset >= kWalHeader &&
                              (file.run.empty() ? offset >= file.written_end : offset == run_end);
  if (appended_frame) {
    if (file.run.size() + amount > kMostHeld) {
      if (const int rc = write_run(f); rc != SQLITE_OK) return rc;
    }
    if (file.run.empty()) file.run_at = offset;
    file.run.insert(file.run.end(), bytes, bytes + amount);
    note_written(file, offset + amount);
    file.header_last = true;
    file.commit_frame = big_endian_32(bytes + 4) != 0;
    return SQLITE_OK;
  }
  if (const int rc = write_run(f); rc != SQLITE_OK) return rc;
  if (file.wal && offset == 0 && amount == kWalHeader) file.written_end = 0;  // the WAL restarts
  note_written(file, offset + amount);
  return io(f).xWrite(theirs(f), data, amount, offset);
}

int x_close(sqlite3_file* f) {
  const int held = write_run(f);
  const int rc = io(f).xClose(theirs(f));  // x_open refused a file without the platform's methods
  ours(f).~File();
  return held != SQLITE_OK ? held : rc;
}

int x_read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
  if (const int rc = write_run(f); rc != SQLITE_OK) return rc;
  return io(f).xRead(theirs(f), out, amount, offset);
}

int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  if (const int rc = write_run(f); rc != SQLITE_OK) return rc;
  if (ours(f).written_end > size) ours(f).written_end = size;
  return io(f).xTruncate(theirs(f), size);
}

int x_sync(sqlite3_file* f, int flags) {
  if (const int rc = write_run(f); rc != SQLITE_OK) return rc;
  return io(f).xSync(theirs(f), flags);
}

int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  if (const int rc = write_run(f); rc != SQLITE_OK) return rc;
  return io(f).xFileSize(theirs(f), size);
}

int x_file_control(sqlite3_file* f, int op, void* arg) {
  if (const int rc = write_run(f); rc != SQLITE_OK) return rc;
  return io(f).xFileControl(theirs(f), op, arg);
}

int x_lock(sqlite3_file* f, int level) {
  return io(f).xLock(theirs(f), level);
}
int x_unlock(sqlite3_file* f, int level) {
  return io(f).xUnlock(theirs(f), level);
}
int x_check_reserved_lock(sqlite3_file* f, int* out) {
  return io(f).xCheckReservedLock(theirs(f), out);
}
int x_sector_size(sqlite3_file* f) {
  return io(f).xSectorSize(theirs(f));
}
int x_device_characteristics(sqlite3_file* f) {
  return io(f).xDeviceCharacteristics(theirs(f));
}
// Shared memory and memory mapping, where the platform's file has them (every unix file does).
bool has_shm(sqlite3_file* f) {
  return io(f).iVersion >= 2 && io(f).xShmMap != nullptr;
}
bool has_fetch(sqlite3_file* f) {
  return io(f).iVersion >= 3 && io(f).xFetch != nullptr;
}
int x_shm_map(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return has_shm(f) ? io(f).xShmMap(theirs(f), region, size, extend, out) : SQLITE_IOERR_SHMMAP;
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return has_shm(f) ? io(f).xShmLock(theirs(f), offset, n, flags) : SQLITE_IOERR_SHMLOCK;
}
void x_shm_barrier(sqlite3_file* f) {
  if (has_shm(f)) io(f).xShmBarrier(theirs(f));
}
int x_shm_unmap(sqlite3_file* f, int delete_flag) {
  return has_shm(f) ? io(f).xShmUnmap(theirs(f), delete_flag) : SQLITE_OK;
}
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  if (has_fetch(f)) return io(f).xFetch(theirs(f), offset, amount, out);
  *out = nullptr;  // SQLite then reads the page
  return SQLITE_OK;
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* p) {
  return has_fetch(f) ? io(f).xUnfetch(theirs(f), offset, p) : SQLITE_OK;
}

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  auto* file = new (f) File;
  file->wal = (flags & SQLITE_OPEN_WAL) != 0;
  theirs(f)->pMethods = nullptr;
  const int rc = platform->xOpen(platform, name, theirs(f), flags, out_flags);
  if (rc != SQLITE_OK || theirs(f)->pMethods == nullptr) {
    file->~File();
    f->pMethods = nullptr;  // SQLite does not close a file that failed to open
    return rc != SQLITE_OK ? rc : SQLITE_CANTOPEN;
  }
  f->pMethods = &file_methods;
  return SQLITE_OK;
}

}  // namespace

void coalesce_wal_writes() {
  static std::once_flag once;
  std::call_once(once, [] {
    platform = sqlite3_vfs_find(nullptr);
    if (platform == nullptr) return;
    file_methods.iVersion = 3;
    file_methods.xClose = x_close;
    file_methods.xRead = x_read;
    file_methods.xWrite = x_write;
    file_methods.xTruncate = x_truncate;
    file_methods.xSync = x_sync;
    file_methods.xFileSize = x_file_size;
    file_methods.xLock = x_lock;
    file_methods.xUnlock = x_unlock;
    file_methods.xCheckReservedLock = x_check_reserved_lock;
    file_methods.xFileControl = x_file_control;
    file_methods.xSectorSize = x_sector_size;
    file_methods.xDeviceCharacteristics = x_device_characteristics;
    file_methods.xShmMap = x_shm_map;
    file_methods.xShmLock = x_shm_lock;
    file_methods.xShmBarrier = x_shm_barrier;
    file_methods.xShmUnmap = x_shm_unmap;
    file_methods.xFetch = x_fetch;
    file_methods.xUnfetch = x_unfetch;
    coalescing = *platform;  // its other methods (paths, time, randomness) as they are
    coalescing.pNext = nullptr;
    coalescing.zName = "zeren-coalescing";
    coalescing.szOsFile = static_cast<int>(kOurPart) + platform->szOsFile;
    coalescing.xOpen = x_open;
    sqlite3_vfs_register(&coalescing, 1);
  });
}

}  // namespace zeren::sqlite
