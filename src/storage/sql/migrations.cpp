#include "storage/sql/migrations.hpp"

#include <cctype>

namespace zeren::sql {

namespace {

constexpr std::string_view kOrganisation = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE procuratorate (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  short_code TEXT NOT NULL UNIQUE,
  level      TEXT NOT NULL CHECK (level IN ('province', 'city', 'district')),
  parent_id  INTEGER REFERENCES procuratorate (id)
);

CREATE TABLE department (
  id               INTEGER PRIMARY KEY,
  procuratorate_id INTEGER NOT NULL REFERENCES procuratorate (id),
  name             TEXT NOT NULL,
  kind             TEXT NOT NULL,
  UNIQUE (procuratorate_id, name)
);

CREATE TABLE department_category (
  department_id INTEGER NOT NULL REFERENCES department (id),
  category      TEXT NOT NULL,
  PRIMARY KEY (department_id, category)
);

CREATE TABLE person (
  id               INTEGER PRIMARY KEY,
  procuratorate_id INTEGER NOT NULL REFERENCES procuratorate (id),
  department_id    INTEGER NOT NULL REFERENCES department (id),
  name             TEXT NOT NULL,
  category         TEXT NOT NULL
                   CHECK (category IN ('prosecutor', 'assistant', 'clerk', 'admin_staff')),
  employment       TEXT NOT NULL CHECK (employment IN ('none', 'established', 'contract')),
  active_from      TEXT,
  active_to        TEXT
);
CREATE INDEX person_by_procuratorate ON person (procuratorate_id);

CREATE TABLE person_post (
  person_id INTEGER NOT NULL REFERENCES person (id),
  post      TEXT NOT NULL,
  PRIMARY KEY (person_id, post)
);

CREATE TABLE person_post_department (
  person_id     INTEGER NOT NULL,
  post          TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES department (id),
  PRIMARY KEY (person_id, post, department_id),
  FOREIGN KEY (person_id, post) REFERENCES person_post (person_id, post)
);

CREATE TABLE absence (
  id        INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (id),
  from_date TEXT NOT NULL,
  to_date   TEXT NOT NULL,
  reason    TEXT NOT NULL,
  CHECK (from_date <= to_date)
);
CREATE INDEX absence_by_person ON absence (person_id);

CREATE TABLE unit (
  id            INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES department (id),
  kind          TEXT NOT NULL CHECK (kind IN ('team', 'sole')),
  name          TEXT NOT NULL,
  lead_id       INTEGER NOT NULL REFERENCES person (id),
  share_bp      INTEGER NOT NULL CHECK (share_bp > 0 AND share_bp <= 10000),
  position      INTEGER NOT NULL CHECK (position >= 1),
  active        INTEGER NOT NULL CHECK (active IN (0, 1)),
  UNIQUE (department_id, name)
);

CREATE TABLE unit_member (
  unit_id   INTEGER NOT NULL REFERENCES unit (id),
  person_id INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (unit_id, person_id)
);

CREATE TABLE unit_category (
  unit_id  INTEGER NOT NULL REFERENCES unit (id),
  category TEXT NOT NULL,
  PRIMARY KEY (unit_id, category)
);

CREATE TABLE unit_difficulty (
  unit_id    INTEGER NOT NULL REFERENCES unit (id),
  difficulty TEXT NOT NULL CHECK (difficulty IN ('ordinary', 'difficult')),
  PRIMARY KEY (unit_id, difficulty)
);

CREATE TABLE user_account (
  id                   INTEGER PRIMARY KEY,
  username             TEXT NOT NULL UNIQUE,
  password_hash        TEXT NOT NULL,
  procuratorate_id     INTEGER NOT NULL REFERENCES procuratorate (id),
  person_id            INTEGER REFERENCES person (id),
  must_change_password INTEGER NOT NULL CHECK (must_change_password IN (0, 1))
);

CREATE TABLE user_role (
  user_id INTEGER NOT NULL REFERENCES user_account (id),
  role    TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);
)sql";

// The audit log is append-only in the database itself: UPDATE and DELETE abort (the triggers are
// each dialect's own).
constexpr std::string_view kAudit = R"sql(
CREATE TABLE audit_log (
  seq     INTEGER PRIMARY KEY,
  version INTEGER NOT NULL,
  time_us INTEGER NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  subject TEXT NOT NULL,
  fields  TEXT NOT NULL,
  hash    TEXT NOT NULL
);

CREATE TABLE audit_checkpoint (
  id           INTEGER PRIMARY KEY,
  size         INTEGER NOT NULL,
  head         TEXT NOT NULL,
  signed_at_us INTEGER NOT NULL,
  key_id       TEXT NOT NULL,
  signature    TEXT NOT NULL
);
)sql";

constexpr std::string_view kAuditSqlite = R"sql(
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;

CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoint is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoint is append-only: DELETE refused');
END;
)sql";

constexpr std::string_view kAuditPostgresql = R"sql(
CREATE FUNCTION zeren_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION zeren_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION zeren_append_only();
CREATE TRIGGER audit_checkpoint_no_change BEFORE UPDATE OR DELETE ON audit_checkpoint
  FOR EACH ROW EXECUTE FUNCTION zeren_append_only();
CREATE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION zeren_append_only();
)sql";

constexpr std::string_view kCases = R"sql(
CREATE INDEX audit_log_by_subject ON audit_log (subject);

CREATE TABLE assignment_plan (
  id                    INTEGER PRIMARY KEY,
  department_id         INTEGER NOT NULL REFERENCES department (id),
  version               INTEGER NOT NULL,
  mode                  TEXT NOT NULL CHECK (mode IN ('balanced_random', 'rotation')),
  weight_ordinary       INTEGER NOT NULL,
  weight_difficult      INTEGER NOT NULL,
  tolerance             INTEGER NOT NULL,
  min_pool              INTEGER NOT NULL,
  designation_approver  TEXT NOT NULL,
  change_approver       TEXT NOT NULL,
  effective_from        TEXT NOT NULL,
  status                TEXT NOT NULL,
  proposed_by           INTEGER NOT NULL REFERENCES person (id),
  approved_by           INTEGER REFERENCES person (id),
  UNIQUE (department_id, version)
);

CREATE TABLE case_number_counter (
  procuratorate_id INTEGER NOT NULL REFERENCES procuratorate (id),
  code             TEXT NOT NULL,
  year             INTEGER NOT NULL,
  last_serial      INTEGER NOT NULL,
  PRIMARY KEY (procuratorate_id, code, year)
);

CREATE TABLE case_file (
  id               INTEGER PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE,
  procuratorate_id INTEGER NOT NULL REFERENCES procuratorate (id),
  department_id    INTEGER NOT NULL REFERENCES department (id),
  category         TEXT NOT NULL,
  received_on      TEXT NOT NULL,
  difficulty       TEXT NOT NULL CHECK (difficulty IN ('ordinary', 'difficult')),
  custody          INTEGER NOT NULL CHECK (custody IN (0, 1)),
  source_org       TEXT NOT NULL,
  source_doc_no    TEXT NOT NULL,
  related_case_id  INTEGER REFERENCES case_file (id),
  status           TEXT NOT NULL,
  unit_id          INTEGER REFERENCES unit (id),
  withdrawn_on     TEXT
);
CREATE INDEX case_by_unit ON case_file (unit_id, status);
CREATE INDEX case_by_department ON case_file (department_id);
CREATE INDEX case_by_source_doc ON case_file (source_doc_no);

CREATE TABLE case_party (
  case_id  INTEGER NOT NULL REFERENCES case_file (id),
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
);

CREATE TABLE case_person (
  case_id   INTEGER NOT NULL REFERENCES case_file (id),
  role      TEXT NOT NULL CHECK (role IN ('recusal', 'investigator')),
  person_id INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (case_id, role, person_id)
);

CREATE TABLE draw_epoch (
  id           INTEGER PRIMARY KEY,
  day          TEXT NOT NULL,
  commitment   TEXT NOT NULL,
  secret       TEXT NOT NULL,
  opened_at_us INTEGER NOT NULL,
  closed_at_us INTEGER
);

CREATE TABLE assignment_request (
  id                 INTEGER PRIMARY KEY,
  case_id            INTEGER NOT NULL REFERENCES case_file (id),
  kind               TEXT NOT NULL CHECK (kind IN ('designation', 'change_of_handler')),
  reason             TEXT NOT NULL,
  reason_text        TEXT NOT NULL,
  target_unit_id     INTEGER REFERENCES unit (id),
  requested_by       INTEGER NOT NULL REFERENCES person (id),
  requested_by_actor TEXT NOT NULL,
  requested_at_us    INTEGER NOT NULL,
  status             TEXT NOT NULL,
  decided_by         INTEGER REFERENCES person (id),
  decision_note      TEXT NOT NULL DEFAULT '',
  decided_at_us      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE assignment (
  id            INTEGER PRIMARY KEY,
  case_id       INTEGER NOT NULL REFERENCES case_file (id),
  unit_id       INTEGER NOT NULL REFERENCES unit (id),
  method        TEXT NOT NULL,
  plan_id       INTEGER REFERENCES assignment_plan (id),
  plan_version  INTEGER NOT NULL,
  tolerance     INTEGER NOT NULL,
  min_pool      INTEGER NOT NULL,
  pool_size     INTEGER NOT NULL,
  band_size     INTEGER NOT NULL,
  epoch_id      INTEGER REFERENCES draw_epoch (id),
  draw_value    TEXT NOT NULL DEFAULT '',
  draw_index    INTEGER NOT NULL DEFAULT -1,
  approver      INTEGER REFERENCES person (id),
  request_id    INTEGER REFERENCES assignment_request (id),
  decided_at_us INTEGER NOT NULL,
  audit_seq     INTEGER NOT NULL
);
CREATE INDEX assignment_by_case ON assignment (case_id);

CREATE TABLE assignment_candidate (
  assignment_id INTEGER NOT NULL REFERENCES assignment (id),
  ordinal       INTEGER NOT NULL,
  unit_id       INTEGER NOT NULL REFERENCES unit (id),
  position      INTEGER NOT NULL,
  weight_sum    INTEGER NOT NULL,
  share_bp      INTEGER NOT NULL,
  eligible      INTEGER NOT NULL,
  exclusion     TEXT NOT NULL,
  in_band       INTEGER NOT NULL,
  PRIMARY KEY (assignment_id, ordinal)
);

CREATE TABLE alert (
  id               INTEGER PRIMARY KEY,
  procuratorate_id INTEGER NOT NULL REFERENCES procuratorate (id),
  department_id    INTEGER REFERENCES department (id),
  case_id          INTEGER REFERENCES case_file (id),
  kind             TEXT NOT NULL,
  message          TEXT NOT NULL,
  created_at_us    INTEGER NOT NULL
);
)sql";

// An intake sums its department's open load; with every column the sum needs in one index the
// sum reads the index alone instead of every case row of the department.
constexpr std::string_view kDepartmentLoadIndex = R"sql(
DROP INDEX case_by_department;
CREATE INDEX case_load_by_department ON case_file (department_id, status, unit_id, difficulty);
)sql";

// Log-in sessions live in the database so every server instance sees them (SPEC §17); only the
// hash of a session's token is stored. Failed log-ins and the lock they lead to sit on the account.
constexpr std::string_view kSessions = R"sql(
ALTER TABLE user_account ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE user_account ADD COLUMN locked_until_us INTEGER;

CREATE TABLE session (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  user_id      INTEGER NOT NULL REFERENCES user_account (id),
  csrf_token   TEXT NOT NULL,
  client       TEXT NOT NULL,
  created_us   INTEGER NOT NULL,
  last_seen_us INTEGER NOT NULL,
  ended_us     INTEGER
);
CREATE INDEX session_by_user ON session (user_id);
)sql";

// Handling a case (SPEC §2, §4–§7): its life cycle and statutory period on the case itself;
// decisions with the power they were made under and their document numbers; notes (leaders'
// personal acts, flags, pre-review opinions); follow-ups that wait for a written answer (notices,
// reports to the chief).
constexpr std::string_view kHandling = R"sql(
ALTER TABLE case_file ADD COLUMN complex INTEGER NOT NULL DEFAULT 0 CHECK (complex IN (0, 1));
ALTER TABLE case_file ADD COLUMN fast_track INTEGER NOT NULL DEFAULT 0 CHECK (fast_track IN (0, 1));
ALTER TABLE case_file ADD COLUMN over_one_year INTEGER NOT NULL DEFAULT 0 CHECK (over_one_year IN (0, 1));
ALTER TABLE case_file ADD COLUMN period TEXT;
ALTER TABLE case_file ADD COLUMN period_start TEXT;
ALTER TABLE case_file ADD COLUMN due_on TEXT;
ALTER TABLE case_file ADD COLUMN deadline_basis TEXT NOT NULL DEFAULT '';
ALTER TABLE case_file ADD COLUMN returns INTEGER NOT NULL DEFAULT 0 CHECK (returns >= 0);
ALTER TABLE case_file ADD COLUMN extended INTEGER NOT NULL DEFAULT 0 CHECK (extended IN (0, 1));
ALTER TABLE case_file ADD COLUMN concluded_on TEXT;
ALTER TABLE case_file ADD COLUMN archived_on TEXT;
ALTER TABLE case_file ADD COLUMN transferred_on TEXT;
ALTER TABLE case_file ADD COLUMN transferred_to TEXT NOT NULL DEFAULT '';
CREATE INDEX case_by_due ON case_file (procuratorate_id, status, due_on);

CREATE TABLE document_number_counter (
  procuratorate_id INTEGER NOT NULL REFERENCES procuratorate (id),
  code             TEXT NOT NULL,
  year             INTEGER NOT NULL,
  last_serial      INTEGER NOT NULL,
  PRIMARY KEY (procuratorate_id, code, year)
);

CREATE TABLE decision (
  id                 INTEGER PRIMARY KEY,
  case_id            INTEGER NOT NULL REFERENCES case_file (id),
  type               TEXT NOT NULL,
  proposed_type      TEXT,
  holder             TEXT NOT NULL,
  power_list_version TEXT NOT NULL,
  status             TEXT NOT NULL CHECK (status IN ('pending', 'issued', 'rejected', 'referred')),
  reasoning          TEXT NOT NULL,
  proposed_by        INTEGER NOT NULL REFERENCES person (id),
  proposed_actor     TEXT NOT NULL,
  proposed_at_us     INTEGER NOT NULL,
  decided_by         INTEGER REFERENCES person (id),
  decided_actor      TEXT NOT NULL DEFAULT '',
  decided_at_us      INTEGER,
  note               TEXT NOT NULL DEFAULT '',
  document_number    TEXT UNIQUE
);
CREATE INDEX decision_by_case ON decision (case_id);
CREATE INDEX decision_by_status ON decision (status);

CREATE TABLE decision_objection (
  decision_id INTEGER NOT NULL REFERENCES decision (id),
  position    INTEGER NOT NULL,
  person_id   INTEGER NOT NULL REFERENCES person (id),
  text        TEXT NOT NULL,
  at_us       INTEGER NOT NULL,
  PRIMARY KEY (decision_id, position)
);

CREATE TABLE case_note (
  id        INTEGER PRIMARY KEY,
  case_id   INTEGER NOT NULL REFERENCES case_file (id),
  kind      TEXT NOT NULL CHECK (kind IN ('act', 'flag', 'pre_review')),
  code      TEXT NOT NULL,
  on_date   TEXT NOT NULL,
  text      TEXT NOT NULL,
  person_id INTEGER REFERENCES person (id),
  actor     TEXT NOT NULL,
  at_us     INTEGER NOT NULL
);
CREATE INDEX case_note_by_case ON case_note (case_id);

CREATE TABLE follow_up (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES case_file (id),
  kind            TEXT NOT NULL CHECK (kind IN ('notice', 'report')),
  code            TEXT NOT NULL,
  flag            TEXT NOT NULL DEFAULT '',
  request         TEXT NOT NULL,
  requested_by    INTEGER REFERENCES person (id),
  requested_actor TEXT NOT NULL,
  requested_on    TEXT NOT NULL,
  due_on          TEXT NOT NULL,
  answer          TEXT NOT NULL DEFAULT '',
  answered_by     INTEGER REFERENCES person (id),
  answered_actor  TEXT NOT NULL DEFAULT '',
  answered_on     TEXT
);
CREATE INDEX follow_up_by_case ON follow_up (case_id);
)sql";

// An assignment reads its department's units and their leads, not the whole 院's.
constexpr std::string_view kUnitByDepartmentIndex = R"sql(
CREATE INDEX unit_by_department ON unit (department_id);
)sql";

// Each unit's load as the assignment engine counts it (SPEC §3), kept with every write of a case
// (unit_load_rows.cpp) instead of summed over the department's cases at every intake. A case
// counts while open (counted_year 0) and, once concluded or transferred, in the year it was.
// Filled from the cases already there.
constexpr std::string_view kUnitLoad = R"sql(
CREATE TABLE unit_load (
  department_id INTEGER NOT NULL REFERENCES department (id),
  unit_id       INTEGER NOT NULL REFERENCES unit (id),
  counted_year  INTEGER NOT NULL,
  difficult     INTEGER NOT NULL,
  ordinary      INTEGER NOT NULL,
  PRIMARY KEY (department_id, unit_id, counted_year)
);
INSERT INTO unit_load (department_id, unit_id, counted_year, difficult, ordinary)
SELECT department_id, unit_id, counted_year,
       SUM(CASE WHEN difficulty = 'difficult' THEN 1 ELSE 0 END),
       SUM(CASE WHEN difficulty = 'difficult' THEN 0 ELSE 1 END)
FROM (SELECT department_id, unit_id, difficulty,
             CASE WHEN status IN ('concluded', 'archived')
                  THEN CAST(substr(concluded_on, 1, 4) AS INTEGER)
                  WHEN status = 'transferred'
                  THEN CAST(substr(transferred_on, 1, 4) AS INTEGER)
                  ELSE 0 END AS counted_year
      FROM case_file
      WHERE unit_id IS NOT NULL
        AND (status IN ('assigned', 'in_progress', 'awaiting_decision', 'returned')
             OR (status IN ('concluded', 'archived') AND concluded_on IS NOT NULL)
             OR (status = 'transferred' AND transferred_on IS NOT NULL))) AS counted
GROUP BY department_id, unit_id, counted_year;
)sql";

// The year's statistics count a 院's cases by month and unit in the database (case_count_rows.cpp):
// received and concluded ones, each within one index.
constexpr std::string_view kYearCountIndexes = R"sql(
CREATE INDEX case_received_by_procuratorate ON case_file (procuratorate_id, received_on, status, unit_id);
CREATE INDEX case_concluded_by_procuratorate ON case_file (procuratorate_id, concluded_on, status);
)sql";

// The year's statistics counted with every write of a case (case_tally.hpp) instead of over the
// scope's cases at every request: per 院, month received, month concluded ('' while not) and unit
// (0 without one), how many cases count there; withdrawn ones nowhere. Filled from the cases
// already there.
constexpr std::string_view kCaseTally = R"sql(
CREATE TABLE case_tally (
  procuratorate_id INTEGER NOT NULL REFERENCES procuratorate (id),
  received_month   TEXT NOT NULL,
  concluded_month  TEXT NOT NULL,
  unit_id          INTEGER NOT NULL,
  cases            INTEGER NOT NULL,
  PRIMARY KEY (procuratorate_id, received_month, concluded_month, unit_id)
);
INSERT INTO case_tally (procuratorate_id, received_month, concluded_month, unit_id, cases)
SELECT procuratorate_id, substr(received_on, 1, 7), COALESCE(substr(concluded_on, 1, 7), ''),
       COALESCE(unit_id, 0), COUNT(*)
FROM case_file WHERE status <> 'withdrawn'
GROUP BY procuratorate_id, substr(received_on, 1, 7), COALESCE(substr(concluded_on, 1, 7), ''),
         COALESCE(unit_id, 0);
)sql";

// What the dashboard and the year's statistics read, found by index alone. The dashboard's counts
// and lists read the 院's open cases through an index holding every column they test (it
// replaces case_by_due, its first three columns), the statistics the tallies through one holding
// the counts, and the year's decisions, notes and follow-ups through their dates.
constexpr std::string_view kReadIndexes = R"sql(
DROP INDEX case_by_due;
CREATE INDEX case_watch ON case_file (procuratorate_id, status, due_on, period, unit_id, extended,
                                      custody);
CREATE INDEX case_tally_read ON case_tally (procuratorate_id, received_month, unit_id,
                                            concluded_month, cases);
CREATE INDEX decision_by_decided_at ON decision (decided_at_us);
CREATE INDEX case_note_by_date ON case_note (on_date);
CREATE INDEX follow_up_by_requested ON follow_up (requested_on);
)sql";

// The dashboard's open cases counted with every write of a case (case_tally.hpp: OpenKey) instead
// of over the 院's open cases at every request: per 院, unit (0 without one), status, extension
// and custody, how many open cases count there. Filled from the cases already there. The cases
// on the chief's desk and the flagged ones are found from their decisions and notes.
constexpr std::string_view kOpenTally = R"sql(
CREATE TABLE open_tally (
  procuratorate_id INTEGER NOT NULL REFERENCES procuratorate (id),
  unit_id          INTEGER NOT NULL,
  status           TEXT NOT NULL,
  extended         INTEGER NOT NULL,
  custody          INTEGER NOT NULL,
  cases            INTEGER NOT NULL,
  PRIMARY KEY (procuratorate_id, unit_id, status, extended, custody)
);
INSERT INTO open_tally (procuratorate_id, unit_id, status, extended, custody, cases)
SELECT procuratorate_id, COALESCE(unit_id, 0), status, extended, custody, COUNT(*)
FROM case_file WHERE status IN ('assigned', 'in_progress', 'awaiting_decision', 'returned')
GROUP BY procuratorate_id, COALESCE(unit_id, 0), status, extended, custody;
CREATE INDEX decision_held ON decision (status, holder, case_id);
CREATE INDEX case_note_by_kind ON case_note (kind, case_id);
)sql";

// The organisation's version, moved on by every write of the tables a view of the organisation
// is read from (app/organisation_cache.hpp): a server keeps the views it has read for as long as
// the version it read stays the same, and the database's own triggers move it, so no writer, now
// or later, can change the organisation and leave a server's views stale.
constexpr std::string_view kOrganisationVersion = R"sql(
INSERT INTO meta (key, value) VALUES ('organisation.version', '1');
)sql";

// The tables a view of the organisation is read from; a write of any of them moves its version.
constexpr std::string_view kOrganisationTables[] = {
    "procuratorate", "department",  "department_category", "person",        "person_post",
    "person_post_department", "absence", "unit", "unit_member", "unit_category", "unit_difficulty"};

// BIGINT in both: SQLite reads it as INTEGER, PostgreSQL's INTEGER has 32 bits.
constexpr std::string_view kMoveOrganisationVersion =
    "UPDATE meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) "
    "WHERE key = 'organisation.version';";

// SQLite's triggers fire for each row and on one event: three for each table, named
// <table>_<event>_bumps.
const std::string& organisation_version_sqlite() {
  static const std::string script = [] {
    std::string out;
    for (std::string_view table : kOrganisationTables)
      for (const auto& [event, name] : {std::pair{"INSERT", "insert"}, std::pair{"UPDATE", "update"},
                                        std::pair{"DELETE", "delete"}})
        out += "CREATE TRIGGER " + std::string(table) + "_" + name + "_bumps AFTER " + event +
               " ON " + std::string(table) + " BEGIN " + std::string(kMoveOrganisationVersion) +
               " END;\n";
    return out;
  }();
  return script;
}

// PostgreSQL's fire once for each statement, on every kind of write, truncation included.
const std::string& organisation_version_postgresql() {
  static const std::string script = [] {
    std::string out =
        "CREATE FUNCTION zeren_organisation_changed() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        "BEGIN\n  " +
        std::string(kMoveOrganisationVersion) + "\n  RETURN NULL;\nEND\n$$;\n";
    for (std::string_view table : kOrganisationTables)
      out += "CREATE TRIGGER " + std::string(table) + "_changed AFTER INSERT OR UPDATE OR DELETE "
             "OR TRUNCATE ON " + std::string(table) +
             " FOR EACH STATEMENT EXECUTE FUNCTION zeren_organisation_changed();\n";
    return out;
  }();
  return script;
}

// The dashboard's lists read the first page of a 院's open cases, the most urgent first, or the
// first in custody or extended: through indexes of the open cases alone (partial: a case leaves
// them when it closes), already in the order of the list, a page reads its rows and stops. Their
// conditions are written as watch_rows.cpp writes them (SQLite uses a partial index only for a
// query that repeats its condition).
constexpr std::string_view kWatchListIndexes = R"sql(
CREATE INDEX case_open_by_due ON case_file (procuratorate_id, due_on)
  WHERE status IN ('assigned', 'in_progress', 'awaiting_decision', 'returned');
CREATE INDEX case_open_in_custody ON case_file (procuratorate_id)
  WHERE custody = 1 AND status IN ('assigned', 'in_progress', 'awaiting_decision', 'returned');
CREATE INDEX case_open_extended ON case_file (procuratorate_id)
  WHERE extended = 1 AND status IN ('assigned', 'in_progress', 'awaiting_decision', 'returned');
)sql";

// A case's page reads the case's requests for designation and change of handler, not the 院's.
constexpr std::string_view kRequestByCaseIndex = R"sql(
CREATE INDEX assignment_request_by_case ON assignment_request (case_id);
)sql";

// The open cases' partial indexes of migration 14 again, with the open statuses written as
// equalities joined by OR instead of an IN list: SQLite tests a partial index's condition on every
// write of a row that touches its columns, and an IN list of more than two values is tested by
// building a temporary b-tree of the values (OP_OpenEphemeral) each time, twice for an UPDATE. An
// intake writes its case's row four times. Queries repeat the same text (watch_rows.cpp), so
// SQLite still knows they cover these indexes' rows; it searches an OR of equalities of one column
// as it would the IN list.
constexpr std::string_view kOpenIndexesWithoutList = R"sql(
DROP INDEX case_open_by_due;
DROP INDEX case_open_in_custody;
DROP INDEX case_open_extended;
CREATE INDEX case_open_by_due ON case_file (procuratorate_id, due_on)
  WHERE (status = 'assigned' OR status = 'in_progress' OR status = 'awaiting_decision'
         OR status = 'returned');
CREATE INDEX case_open_in_custody ON case_file (procuratorate_id)
  WHERE custody = 1 AND (status = 'assigned' OR status = 'in_progress'
                         OR status = 'awaiting_decision' OR status = 'returned');
CREATE INDEX case_open_extended ON case_file (procuratorate_id)
  WHERE extended = 1 AND (status = 'assigned' OR status = 'in_progress'
                          OR status = 'awaiting_decision' OR status = 'returned');
)sql";

// Migration 9 indexed a 院's cases by the date they were concluded, for the year's counts; since
// migration 10 those counts are kept in case_tally, and no query filters cases by that date. The
// index still cost a page on every write that changed a case's status, an intake's among them.
constexpr std::string_view kDropConcludedIndex = R"sql(
DROP INDEX case_concluded_by_procuratorate;
)sql";

// A case's parties and people and an assignment's candidates kept in the b-tree of their own
// primary key (SQLite's WITHOUT ROWID): each was a table of row ids plus the index of its key, two
// b-trees where one holds the same rows in the same order. Every intake writes a page of each, so
// an intake's commit has one page fewer per table. PostgreSQL keeps a table and its key's index
// apart in any case; the tables there stay as they are.
constexpr std::string_view kKeyOrderedTablesSqlite = R"sql(
CREATE TABLE case_party_by_key (
  case_id  INTEGER NOT NULL REFERENCES case_file (id),
  position INTEGER NOT NULL,
  name     TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
) WITHOUT ROWID;
INSERT INTO case_party_by_key (case_id, position, name)
  SELECT case_id, position, name FROM case_party;
DROP TABLE case_party;
ALTER TABLE case_party_by_key RENAME TO case_party;

CREATE TABLE case_person_by_key (
  case_id   INTEGER NOT NULL REFERENCES case_file (id),
  role      TEXT NOT NULL CHECK (role IN ('recusal', 'investigator')),
  person_id INTEGER NOT NULL REFERENCES person (id),
  PRIMARY KEY (case_id, role, person_id)
) WITHOUT ROWID;
INSERT INTO case_person_by_key (case_id, role, person_id)
  SELECT case_id, role, person_id FROM case_person;
DROP TABLE case_person;
ALTER TABLE case_person_by_key RENAME TO case_person;

CREATE TABLE assignment_candidate_by_key (
  assignment_id INTEGER NOT NULL REFERENCES assignment (id),
  ordinal       INTEGER NOT NULL,
  unit_id       INTEGER NOT NULL REFERENCES unit (id),
  position      INTEGER NOT NULL,
  weight_sum    INTEGER NOT NULL,
  share_bp      INTEGER NOT NULL,
  eligible      INTEGER NOT NULL,
  exclusion     TEXT NOT NULL,
  in_band       INTEGER NOT NULL,
  PRIMARY KEY (assignment_id, ordinal)
) WITHOUT ROWID;
INSERT INTO assignment_candidate_by_key
  (assignment_id, ordinal, unit_id, position, weight_sum, share_bp, eligible, exclusion, in_band)
  SELECT assignment_id, ordinal, unit_id, position, weight_sum, share_bp, eligible, exclusion,
         in_band FROM assignment_candidate;
DROP TABLE assignment_candidate;
ALTER TABLE assignment_candidate_by_key RENAME TO assignment_candidate;
)sql";

// A 院's cases, newest first: the case list of a reader whose reach is one 院 (search_cases)
// walks them in order and stops at the page's end. Walking every case of the province from the
// newest instead, as a list over several 院 does, reads all the other 院's cases on the way: for
// a 院 with 3 % of the province's cases, a page of a category's cases read some 10,000 rows.
constexpr std::string_view kNewestByProcuratorateIndex = R"sql(
CREATE INDEX case_newest_by_procuratorate ON case_file (procuratorate_id, id);
)sql";

// The year's statistics count the cases concluded in each month of the year from case_tally; with
// no index of a 院's rows by the month concluded, that read every row the 院 ever had, a number
// that grows every year. `cases` is left out so that counting a case (an update of `cases`) does
// not write this index: only a new row of tallies does.
constexpr std::string_view kTallyConcludedIndex = R"sql(
CREATE INDEX case_tally_concluded ON case_tally (procuratorate_id, concluded_month);
)sql";

const Migration kMigrations[] = {
    {1, "organisation and accounts", kOrganisation},
    {2, "audit log and checkpoints", kAudit, kAuditSqlite, kAuditPostgresql},
    {3, "cases, plans, assignments, draw epochs", kCases},
    {4, "index covering a department's load", kDepartmentLoadIndex},
    {5, "log-in sessions and lock-out", kSessions},
    {6, "case handling: life cycle, deadlines, decisions, notes, follow-ups", kHandling},
    {7, "index of a department's units", kUnitByDepartmentIndex},
    {8, "each unit's load kept with its cases", kUnitLoad},
    {9, "indexes of the year's counts", kYearCountIndexes},
    {10, "the year's case counts kept with the cases", kCaseTally},
    {11, "indexes covering the dashboard's and the statistics' reads", kReadIndexes},
    {12, "the dashboard's open cases kept with each case", kOpenTally},
    {13, "the organisation's version, moved by its own writes", kOrganisationVersion,
     organisation_version_sqlite(), organisation_version_postgresql()},
    {14, "indexes of the open cases in the dashboard's lists' order", kWatchListIndexes},
    {15, "index of a case's requests", kRequestByCaseIndex},
    {16, "the open cases' indexes without an IN list", kOpenIndexesWithoutList},
    {17, "no index of cases by conclusion date, which nothing reads", kDropConcludedIndex},
    {18, "parties, people and candidates kept in their key's order", {}, kKeyOrderedTablesSqlite},
    {19, "index of a 院's cases, newest first", kNewestByProcuratorateIndex},
    {20, "index of a 院's tallies by the month concluded", kTallyConcludedIndex},
};

}  // namespace

std::span<const Migration> migrations() {
  return kMigrations;
}

namespace {

bool word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Replaces whole-word occurrences of `from` (not inside a longer identifier).
std::string replace_word(std::string text, std::string_view from, std::string_view to) {
  std::size_t at = 0;
  while ((at = text.find(from, at)) != std::string::npos) {
    const bool starts = at == 0 || !word_char(text[at - 1]);
    const std::size_t end = at + from.size();
    const bool ends = end >= text.size() || !word_char(text[end]);
    if (starts && ends) {
      text.replace(at, from.size(), to);
      at += to.size();
    } else {
      at = end;
    }
  }
  return text;
}

}  // namespace

std::string script_for(const Migration& m, Backend backend) {
  std::string script(m.sql);
  if (backend == Backend::sqlite) return script + std::string(m.sqlite_only);
  script = replace_word(std::move(script), "INTEGER PRIMARY KEY",
                        "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
  script = replace_word(std::move(script), "INTEGER", "BIGINT");
  return script + std::string(m.postgresql_only);
}

}  // namespace zeren::sql
