#include "storage/backup.hpp"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <thread>
#include <vector>

#include "audit/checkpoint.hpp"
#include "storage/postgres/pg_store.hpp"
#include "storage/sql/migrations.hpp"

namespace zeren {

namespace {

namespace fs = std::filesystem;

// ---- SQLite, through its C API: the backup API and row copying need no SOCI.

struct SqliteFile {
  sqlite3* db = nullptr;
  SqliteFile() = default;
  SqliteFile(const SqliteFile&) = delete;
  ~SqliteFile() {
    if (db) sqlite3_close(db);
  }
};

Error sqlite_failure(sqlite3* db, const std::string& what) {
  return Error::storage(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

Status open_file(SqliteFile& f, const std::string& path, int flags) {
  if (sqlite3_open_v2(path.c_str(), &f.db, flags, nullptr) != SQLITE_OK)
    return sqlite_failure(f.db, "cannot open " + path);
  sqlite3_busy_timeout(f.db, 10'000);
  return ok_status();
}

Status exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err ? err : "unknown error";
    sqlite3_free(err);
    return Error::storage(sql.substr(0, 40) + "…: " + msg);
  }
  return ok_status();
}

struct Statement {
  sqlite3_stmt* st = nullptr;
  Statement() = default;
  Statement(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(st); }
};

Status prepare(sqlite3* db, Statement& s, const std::string& sql) {
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s.st, nullptr) != SQLITE_OK)
    return sqlite_failure(db, "cannot prepare " + sql.substr(0, 60));
  return ok_status();
}

// A table of a Zeren database, in creation order (parents before the tables that refer to them).
struct Table {
  std::string name;
  std::vector<std::string> columns;
  std::vector<bool> integer;  // declared INTEGER
  // The order its rows are read in: its primary key's (a parent row before the rows of the same
  // table that refer to it, each by a larger id), the row ids' where it has none. A table kept in
  // its key's order (WITHOUT ROWID) has no row ids.
  std::string order = "rowid";
  std::string column_list() const {
    std::string out;
    for (const auto& c : columns) out += (out.empty() ? "" : ", ") + c;
    return out;
  }
};

// Every table but the migrations' record (each database keeps its own) and SQLite's own.
Result<std::vector<Table>> tables_of(sqlite3* db) {
  std::vector<Table> out;
  Statement names;
  ZEREN_TRY(prepare(db, names,
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                    "'sqlite_%' AND name <> 'schema_migrations' ORDER BY rowid"));
  while (sqlite3_step(names.st) == SQLITE_ROW)
    out.push_back(Table{reinterpret_cast<const char*>(sqlite3_column_text(names.st, 0)), {}, {}});
  for (auto& t : out) {
    Statement info;
    ZEREN_TRY(prepare(db, info, "PRAGMA table_info(" + t.name + ")"));
    std::vector<std::pair<int, std::string>> key;  // (place in the primary key, column)
    while (sqlite3_step(info.st) == SQLITE_ROW) {
      t.columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(info.st, 1)));
      t.integer.push_back(
          std::string(reinterpret_cast<const char*>(sqlite3_column_text(info.st, 2))) == "INTEGER");
      if (const int place = sqlite3_column_int(info.st, 5); place > 0)
        key.emplace_back(place, t.columns.back());
    }
    std::sort(key.begin(), key.end());
    if (!key.empty()) t.order.clear();
    for (const auto& [place, column] : key) t.order += (t.order.empty() ? "" : ", ") + column;
  }
  return out;
}

Result<std::int64_t> single_integer(sqlite3* db, const std::string& sql) {
  Statement s;
  ZEREN_TRY(prepare(db, s, sql));
  if (sqlite3_step(s.st) != SQLITE_ROW) return sqlite_failure(db, sql);
  return static_cast<std::int64_t>(sqlite3_column_int64(s.st, 0));
}

// What a backup file holds: rows, the audit log's length and head, the schema version.
Result<BackupReport> summarize(const std::string& path) {
  SqliteFile f;
  ZEREN_TRY(open_file(f, path, SQLITE_OPEN_READONLY));
  auto tables = tables_of(f.db);
  if (!tables) return tables.error();
  BackupReport r;
  for (const auto& t : *tables) {
    auto n = single_integer(f.db, "SELECT COUNT(*) FROM " + t.name);
    if (!n) return n.error();
    r.rows += static_cast<std::uint64_t>(*n);
  }
  auto entries = single_integer(f.db, "SELECT COUNT(*) FROM audit_log");
  if (!entries) return entries.error();
  r.audit_entries = static_cast<std::uint64_t>(*entries);
  auto version = single_integer(f.db, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  if (!version) return version.error();
  r.schema_version = static_cast<int>(*version);
  Statement head;
  ZEREN_TRY(prepare(f.db, head, "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
  if (sqlite3_step(head.st) == SQLITE_ROW)
    r.audit_head = reinterpret_cast<const char*>(sqlite3_column_text(head.st, 0));
  r.bytes = fs::file_size(path);
  return r;
}

// The online backup API: a consistent copy while others write (it restarts when they do).
Status sqlite_copy(const std::string& from, const std::string& to) {
  SqliteFile src, dst;
  ZEREN_TRY(open_file(src, from, SQLITE_OPEN_READONLY));
  ZEREN_TRY(open_file(dst, to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  sqlite3_backup* b = sqlite3_backup_init(dst.db, "main", src.db, "main");
  if (!b) return sqlite_failure(dst.db, "cannot start the backup");
  int rc;
  while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) return sqlite_failure(dst.db, "the backup did not complete");
  return ok_status();
}

// ---- PostgreSQL, through libpq: COPY and single-row mode stream tables of any size.

struct PgConnection {
  PGconn* conn = nullptr;
  PgConnection() = default;
  PgConnection(const PgConnection&) = delete;
  ~PgConnection() {
    if (conn) PQfinish(conn);
  }
};

Status pg_connect(PgConnection& c, const std::string& url) {
  auto conninfo = postgres::conninfo_of(url);
  if (!conninfo) return conninfo.error();
  c.conn = PQconnectdb(conninfo->c_str());
  if (PQstatus(c.conn) != CONNECTION_OK)
    return Error{ErrorKind::unavailable, "db_unreachable",
                 "cannot connect to " + postgres::redacted(url) + ": " + PQerrorMessage(c.conn),
                 "db"};
  return ok_status();
}

Status pg_exec(PGconn* conn, const std::string& sql) {
  PGresult* r = PQexec(conn, sql.c_str());
  const auto status = PQresultStatus(r);
  std::string error = PQresultErrorMessage(r);
  PQclear(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return Error::storage(sql.substr(0, 60) + ": " + error);
  return ok_status();
}

// Copies every row of `t` from the snapshot on `pg` into the open transaction on `db`.
Status pg_table_to_sqlite(PGconn* pg, sqlite3* db, const Table& t) {
  std::string placeholders;
  for (std::size_t i = 0; i < t.columns.size(); ++i) placeholders += i ? ", ?" : "?";
  Statement insert;
  ZEREN_TRY(prepare(
      db, insert,
      "INSERT INTO " + t.name + " (" + t.column_list() + ") VALUES (" + placeholders + ")"));
  const std::string select = "SELECT " + t.column_list() + " FROM " + t.name + " ORDER BY 1";
  if (!PQsendQuery(pg, select.c_str()) || !PQsetSingleRowMode(pg))
    return Error::storage(std::string("cannot read ") + t.name + ": " + PQerrorMessage(pg));
  Status status = ok_status();
  while (PGresult* r = PQgetResult(pg)) {
    const auto kind = PQresultStatus(r);
    if (kind == PGRES_SINGLE_TUPLE && status) {
      for (int c = 0; c < static_cast<int>(t.columns.size()); ++c) {
        if (PQgetisnull(r, 0, c))
          sqlite3_bind_null(insert.st, c + 1);
        else if (t.integer[static_cast<std::size_t>(c)])
          sqlite3_bind_int64(insert.st, c + 1, std::strtoll(PQgetvalue(r, 0, c), nullptr, 10));
        else
          sqlite3_bind_text(insert.st, c + 1, PQgetvalue(r, 0, c), PQgetlength(r, 0, c),
                            SQLITE_TRANSIENT);
      }
      if (sqlite3_step(insert.st) != SQLITE_DONE)
        status = sqlite_failure(db, "cannot write a row of " + t.name);
      sqlite3_reset(insert.st);
    } else if (kind != PGRES_TUPLES_OK && kind != PGRES_SINGLE_TUPLE && status) {
      status = Error::storage("cannot read " + t.name + ": " + PQresultErrorMessage(r));
    }
    PQclear(r);
  }
  return status;
}

// One value in COPY's text format.
void append_copy_value(std::string& line, sqlite3_stmt* st, int c) {
  if (sqlite3_column_type(st, c) == SQLITE_NULL) {
    line += "\\N";
    return;
  }
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(st, c));
  const int n = sqlite3_column_bytes(st, c);
  for (int i = 0; i < n; ++i) switch (text[i]) {
      case '\\': line += "\\\\"; break;
      case '\t': line += "\\t"; break;
      case '\n': line += "\\n"; break;
      case '\r': line += "\\r"; break;
      default: line.push_back(text[i]);
    }
}

// Copies every row of `t` from `db` into the open transaction on `pg` with COPY, then moves the
// table's identity past the ids it now holds.
Status sqlite_table_to_pg(sqlite3* db, PGconn* pg, const Table& t) {
  Statement rows;
  ZEREN_TRY(
      prepare(db, rows, "SELECT " + t.column_list() + " FROM " + t.name + " ORDER BY " + t.order));
  const std::string copy = "COPY " + t.name + " (" + t.column_list() + ") FROM STDIN";
  PGresult* started = PQexec(pg, copy.c_str());
  const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
  std::string error = PQresultErrorMessage(started);
  PQclear(started);
  if (!copying) return Error::storage("cannot copy into " + t.name + ": " + error);
  std::string buffer;
  bool sent = true;
  while (sqlite3_step(rows.st) == SQLITE_ROW) {
    for (int c = 0; c < static_cast<int>(t.columns.size()); ++c) {
      if (c) buffer.push_back('\t');
      append_copy_value(buffer, rows.st, c);
    }
    buffer.push_back('\n');
    if (buffer.size() > (1 << 16)) {
      sent = sent && PQputCopyData(pg, buffer.data(), static_cast<int>(buffer.size())) == 1;
      buffer.clear();
    }
  }
  if (!buffer.empty())
    sent = sent && PQputCopyData(pg, buffer.data(), static_cast<int>(buffer.size())) == 1;
  sent = PQputCopyEnd(pg, sent ? nullptr : "the copy was broken off") == 1 && sent;
  Status status = ok_status();
  while (PGresult* r = PQgetResult(pg)) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK && status)
      status = Error::storage("cannot copy into " + t.name + ": " + PQresultErrorMessage(r));
    PQclear(r);
  }
  if (!sent && status) status = Error::storage("cannot copy into " + t.name);
  if (!status) return status;
  if (!t.integer.front()) return ok_status();
  const std::string& id = t.columns.front();
  return pg_exec(pg, "SELECT setval(pg_get_serial_sequence('" + t.name + "', '" + id + "'), MAX(" +
                         id + ")) FROM " + t.name + " HAVING MAX(" + id + ") IS NOT NULL");
}

// ---- the key files

Result<std::string> read_text(const fs::path& p) {
  std::ifstream in(p);
  if (!in) return Error::storage("cannot read " + p.string());
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Status copy_key_file(const fs::path& from, const fs::path& to, bool secret) {
  std::error_code ec;
  fs::copy_file(from, to, fs::copy_options::overwrite_existing, ec);
  if (ec) return Error::storage("cannot copy " + from.string() + " to " + to.string());
  if (secret) fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write, ec);
  return ok_status();
}

// Puts the backup's key where the target database looks for it, unless the same key is there.
Status place_key(const std::string& in, const std::string& database) {
  const fs::path from = in + ".audit-key", from_pub = in + ".audit-key.pub";
  if (!fs::exists(from)) return ok_status();
  ZEREN_TRY(audit::key_location_known(database));
  const fs::path to = audit::key_path_for(database), to_pub = audit::public_key_path_for(database);
  if (fs::exists(to)) {
    auto a = read_text(from), b = read_text(to);
    if (!a || !b) return a ? b.error() : a.error();
    if (*a != *b)
      return Error::conflict(
          "key_differs",
          "目标位置已有另一把检查点密钥 (a different checkpoint key is already at " + to.string() +
              ")",
          "ZEREN_AUDIT_KEY");
    return ok_status();
  }
  ZEREN_TRY(copy_key_file(from, to, true));
  if (fs::exists(from_pub)) ZEREN_TRY(copy_key_file(from_pub, to_pub, false));
  return ok_status();
}

bool copy_keys_beside(const std::string& database, const std::string& out) {
  if (!audit::key_location_known(database)) return false;
  const fs::path key = audit::key_path_for(database), pub = audit::public_key_path_for(database);
  if (!fs::exists(key)) return false;
  if (!copy_key_file(key, out + ".audit-key", true)) return false;
  if (fs::exists(pub) && !copy_key_file(pub, out + ".audit-key.pub", false)) return false;
  return true;
}

// A path beside `out` for work in progress, and its removal however the work ends.
struct Partial {
  std::string path;
  explicit Partial(std::string p) : path(std::move(p)) { remove(); }
  ~Partial() { remove(); }
  void remove() const {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
  }
};

// Opens `database` through the store (bringing it to this binary's schema), for its chain hash.
Result<audit::HashAlgorithm> hash_of(const std::string& database) {
  auto opened = open_store({database, false, std::nullopt});
  if (!opened) return opened.error();
  return opened->hash;
}

}  // namespace

Result<BackupReport> backup_database(const std::string& database, const std::string& out) {
  if (out.empty()) return Error::invalid("out", "required", "--out is required");
  if (fs::exists(out))
    return Error::conflict("exists", "备份文件已存在 (the backup file already exists): " + out,
                           "out");
  auto hash = hash_of(database);
  if (!hash) return hash.error();
  Partial partial(out + ".partial");
  if (!is_postgresql_url(database)) {
    ZEREN_TRY(sqlite_copy(database, partial.path));
  } else {
    // The file gets the schema from the same migrations, then the snapshot's rows.
    {
      auto made = open_store({partial.path, true, *hash});
      if (!made) return made.error();
    }
    SqliteFile file;
    ZEREN_TRY(open_file(file, partial.path, SQLITE_OPEN_READWRITE));
    auto tables = tables_of(file.db);
    if (!tables) return tables.error();
    PgConnection pg;
    ZEREN_TRY(pg_connect(pg, database));
    ZEREN_TRY(pg_exec(pg.conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    ZEREN_TRY(exec(file.db, "BEGIN; DELETE FROM meta"));
    for (const auto& t : *tables) ZEREN_TRY(pg_table_to_sqlite(pg.conn, file.db, t));
    ZEREN_TRY(exec(file.db, "COMMIT"));
    (void)pg_exec(pg.conn, "COMMIT");
  }
  auto report = summarize(partial.path);
  if (!report) return report.error();
  std::error_code ec;
  fs::rename(partial.path, out, ec);
  if (ec) return Error::storage("cannot move the backup to " + out + ": " + ec.message());
  report->key_copied = copy_keys_beside(database, out);
  return report;
}

Result<BackupReport> restore_database(const std::string& in, const StoreOptions& target) {
  if (in.empty()) return Error::invalid("in", "required", "--in is required");
  if (!fs::exists(in))
    return Error::not_found("in", "没有这个备份文件 (no backup file at " + in + ")");
  auto found = summarize(in);
  if (!found)
    return Error::invalid("in", "not_a_backup",
                          "不是 Zeren 的备份文件 (not a Zeren backup): " + found.error().message);
  if (found->schema_version > sql::migrations().back().version)
    return Error::invalid("in", "newer_backup",
                          "备份来自较新的版本 (the backup has schema " +
                              std::to_string(found->schema_version) + "; this zeren knows " +
                              std::to_string(sql::migrations().back().version) + ")");
  const bool to_postgresql = is_postgresql_url(target.database);
  if (!to_postgresql && fs::exists(target.database))
    return Error::conflict(
        "exists",
        "目标数据库已存在，只能恢复到新文件 (restore writes a new file only): " + target.database,
        "db");
  ZEREN_TRY(place_key(in, target.database));

  // A copy of the backup brought to this binary's schema; the backup itself is left as it was.
  const std::string work =
      (fs::temp_directory_path() / ("zeren-restore-" + std::to_string(::getpid()) + ".db"))
          .string();
  Partial copy(work);
  ZEREN_TRY(sqlite_copy(in, work));
  auto hash = hash_of(work);
  if (!hash) return hash.error();

  if (!to_postgresql) {
    Partial partial(target.database + ".partial");
    ZEREN_TRY(sqlite_copy(work, partial.path));
    std::error_code ec;
    fs::rename(partial.path, target.database, ec);
    if (ec) return Error::storage("cannot move the restored database into place: " + ec.message());
  } else {
    {
      auto opened = open_store({target.database, true, *hash});
      if (!opened) return opened.error();
      auto filled = transact_value<bool>(*opened->store, [](Transaction& tx) -> Result<bool> {
        auto size = tx.audit().size();
        if (!size) return size.error();
        auto units = tx.organisation().list_procuratorates();
        if (!units) return units.error();
        return *size > 0 || !units->empty();
      });
      if (!filled) return filled.error();
      if (*filled)
        return Error::conflict(
            "not_empty",
            "目标数据库已有数据，只能恢复到空数据库 (restore writes into an empty "
            "database only): " +
                postgres::redacted(target.database),
            "db");
    }
    SqliteFile file;
    ZEREN_TRY(open_file(file, work, SQLITE_OPEN_READONLY));
    auto tables = tables_of(file.db);
    if (!tables) return tables.error();
    PgConnection pg;
    ZEREN_TRY(pg_connect(pg, target.database));
    // The restore is acknowledged only once its commit is durable, whatever the cluster's default;
    // and VACUUM marks a page all-visible only when its rows' commit is flushed.
    ZEREN_TRY(pg_exec(pg.conn, "SET synchronous_commit = on"));
    ZEREN_TRY(pg_exec(pg.conn, "BEGIN"));
    ZEREN_TRY(pg_exec(pg.conn, "DELETE FROM meta"));
    for (const auto& t : *tables) {
      auto copied = sqlite_table_to_pg(file.db, pg.conn, t);
      if (!copied) {
        (void)pg_exec(pg.conn, "ROLLBACK");
        return copied.error();
      }
    }
    ZEREN_TRY(pg_exec(pg.conn, "COMMIT"));
    // VACUUM marks every page of the rows just copied all-visible, so the dashboard's counts and
    // lists are answered from their covering indexes alone (an index-only scan) instead of
    // reading the table's pages, and sets their hint bits, so the first readers do not write
    // them; ANALYZE gives the planner their statistics. Until autovacuum got round to each table
    // the dashboard of a restored province read every open case's page (50,000 cases: its
    // overdue count took 4.5 ms, 0.8 ms once vacuumed).
    ZEREN_TRY(pg_exec(pg.conn, "VACUUM (ANALYZE)"));
  }
  auto report = summarize(work);
  if (!report) return report.error();
  report->key_copied = fs::exists(in + ".audit-key");
  return report;
}

}  // namespace zeren
