// UserRepository on SQLite.
#include <soci/soci.h>

#include <map>

#include "storage/sql/sql_transaction.hpp"
#include "storage/sql/statement_cache.hpp"

namespace zeren::sql {

using soci::into;
using soci::use;

Result<UserId> SqlTransaction::add_user(const UserAccount& u) {
  return guarded_value<UserId>([&]() -> Result<UserId> {
    long long id = 0;
    long long proc = u.procuratorate().value;
    long long person = u.person() ? u.person()->value : 0;
    soci::indicator person_ind = u.person() ? soci::i_ok : soci::i_null;
    int must_change = u.must_change_password() ? 1 : 0;
    statements_.run(
        "INSERT INTO user_account (username, password_hash, procuratorate_id, person_id, "
        "must_change_password) VALUES (:u, :h, :p, :person, :m) RETURNING id",
        use(u.username()), use(u.password_hash()), use(proc), use(person, person_ind),
        use(must_change), into(id));
    for (auto r : u.roles()) {
      const std::string code(code_of(r));
      statements_.run("INSERT INTO user_role (user_id, role) VALUES (:u, :r)", use(id), use(code));
    }
    return UserId{id};
  });
}

Result<UserAccount> SqlTransaction::find_user_by_name(const std::string& username) {
  return guarded_value<UserAccount>([&]() -> Result<UserAccount> {
    long long id = 0, proc = 0, person = 0;
    std::string hash;
    int must_change = 0;
    soci::indicator person_ind = soci::i_ok;
    statements_.run(
        "SELECT id, password_hash, procuratorate_id, person_id, must_change_password "
        "FROM user_account WHERE username = :u",
        use(username), into(id), into(hash), into(proc), into(person, person_ind),
        into(must_change));
    if (!sql_.got_data()) return Error::not_found("username", "no user " + username);
    std::set<Role> roles;
    std::string code;
    soci::statement& st = statements_.bind(
        "SELECT role FROM user_role WHERE user_id = :u ORDER BY role", use(id), into(code));
    st.execute();
    while (st.fetch()) {
      auto r = parse_term<Role>(code, "role");
      if (!r) return Error{ErrorKind::corruption, "bad_row", "unknown stored role " + code, "role"};
      roles.insert(*r);
    }
    std::optional<PersonId> p;
    if (person_ind != soci::i_null) p = PersonId{person};
    auto u = UserAccount::create(username, hash, roles, ProcuratorateId{proc}, p, must_change == 1);
    if (!u)
      return Error{ErrorKind::corruption, "bad_row", "user " + username + ": " + u.error().message,
                   ""};
    u->set_id(UserId{id});
    return u;
  });
}

Result<std::int64_t> SqlTransaction::count_users() {
  return guarded_value<std::int64_t>([&]() -> Result<std::int64_t> {
    long long n = 0;
    statements_.run("SELECT COUNT(*) FROM user_account", into(n));
    return static_cast<std::int64_t>(n);
  });
}

}  // namespace zeren::sql

namespace zeren::sql {

Result<std::vector<UserAccount>> SqlTransaction::list_users() {
  return guarded_value<std::vector<UserAccount>>([&]() -> Result<std::vector<UserAccount>> {
    std::map<long long, std::set<Role>> roles;
    {
      long long user = 0;
      std::string code;
      soci::statement& st =
          statements_.bind("SELECT user_id, role FROM user_role", into(user), into(code));
      st.execute();
      while (st.fetch()) {
        auto r = parse_term<Role>(code, "role");
        if (!r)
          return Error{ErrorKind::corruption, "bad_row", "unknown stored role " + code, "role"};
        roles[user].insert(*r);
      }
    }
    std::vector<UserAccount> out;
    long long id = 0, proc = 0, person = 0;
    std::string name, hash;
    int must_change = 0;
    soci::indicator person_ind = soci::i_ok;
    soci::statement& st = statements_.bind(
        "SELECT id, username, password_hash, procuratorate_id, person_id, "
        "must_change_password FROM user_account ORDER BY id",
        into(id), into(name), into(hash), into(proc), into(person, person_ind), into(must_change));
    st.execute();
    while (st.fetch()) {
      std::optional<PersonId> p;
      if (person_ind != soci::i_null) p = PersonId{person};
      auto u =
          UserAccount::create(name, hash, roles[id], ProcuratorateId{proc}, p, must_change == 1);
      if (!u)
        return Error{ErrorKind::corruption, "bad_row", "user " + name + ": " + u.error().message,
                     ""};
      u->set_id(UserId{id});
      out.push_back(std::move(*u));
    }
    return out;
  });
}

Result<UserAccount> SqlTransaction::find_user(UserId id) {
  auto name = guarded_value<std::string>([&]() -> Result<std::string> {
    long long v = id.value;
    std::string username;
    statements_.run("SELECT username FROM user_account WHERE id = :id", use(v), into(username));
    if (!sql_.got_data()) return Error::not_found("user", "no user " + std::to_string(id.value));
    return username;
  });
  if (!name) return name.error();
  return find_user_by_name(*name);
}

Status SqlTransaction::save_password(UserId id, const std::string& password_hash,
                                     bool must_change_password) {
  return guarded([&]() -> Status {
    long long v = id.value;
    int must = must_change_password ? 1 : 0;
    statements_.run(
        "UPDATE user_account SET password_hash = :h, must_change_password = :m WHERE id = :id",
        use(password_hash), use(must), use(v));
    return ok_status();
  });
}

Status SqlTransaction::save_roles(UserId id, const std::set<Role>& roles) {
  return guarded([&]() -> Status {
    long long v = id.value;
    statements_.run("DELETE FROM user_role WHERE user_id = :u", use(v));
    for (auto r : roles) {
      const std::string code(code_of(r));
      statements_.run("INSERT INTO user_role (user_id, role) VALUES (:u, :r)", use(v), use(code));
    }
    return ok_status();
  });
}

Result<LoginState> SqlTransaction::login_state(UserId id) {
  return guarded_value<LoginState>([&]() -> Result<LoginState> {
    long long v = id.value, until = 0;
    int failed = 0;
    soci::indicator until_ind = soci::i_null;
    statements_.run("SELECT failed_logins, locked_until_us FROM user_account WHERE id = :id",
                    use(v), into(failed), into(until, until_ind));
    if (!sql_.got_data()) return Error::not_found("user", "no user " + std::to_string(id.value));
    LoginState s;
    s.failed = failed;
    if (until_ind != soci::i_null) s.locked_until_us = until;
    return s;
  });
}

Status SqlTransaction::save_login_state(UserId id, const LoginState& state) {
  return guarded([&]() -> Status {
    long long v = id.value, until = state.locked_until_us.value_or(0);
    int failed = state.failed;
    soci::indicator until_ind = state.locked_until_us ? soci::i_ok : soci::i_null;
    statements_.run(
        "UPDATE user_account SET failed_logins = :f, locked_until_us = :l WHERE id = :id",
        use(failed), use(until, until_ind), use(v));
    return ok_status();
  });
}

}  // namespace zeren::sql
