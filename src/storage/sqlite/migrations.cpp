#include "storage/sqlite/migrations.hpp"

namespace zeren::sqlite {

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

// The audit log is append-only in the database itself: UPDATE and DELETE abort.
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

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused');
END;

CREATE TABLE audit_checkpoint (
  id           INTEGER PRIMARY KEY,
  size         INTEGER NOT NULL,
  head         TEXT NOT NULL,
  signed_at_us INTEGER NOT NULL,
  key_id       TEXT NOT NULL,
  signature    TEXT NOT NULL
);

CREATE TRIGGER audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoint is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint
BEGIN
  SELECT RAISE(ABORT, 'audit_checkpoint is append-only: DELETE refused');
END;
)sql";

constexpr Migration kMigrations[] = {
    {1, "organisation and accounts", kOrganisation},
    {2, "audit log and checkpoints", kAudit},
};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

}  // namespace zeren::sqlite
