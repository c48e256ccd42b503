#include "app/record_change.hpp"
#include "app/sessions.hpp"

namespace zeren::app {

namespace {

// A hash of no one's password: unknown user names are checked against it, so that they take as
// long as known ones.
const std::string& nobody(const PasswordHasher& hasher) {
  static const std::string hash = [&] {
    auto h = hasher.hash("no-one's password, 2026");
    return h ? *h : std::string();
  }();
  return hash;
}

Actor anonymous(const std::string& client) {
  return Actor{"client:" + client, {}, std::nullopt, std::nullopt, false};
}

Error invalid_credentials() {
  return Error::unauthenticated("invalid_credentials",
                                "用户名或密码错误 (wrong user name or password)");
}

Error locked_error() {
  return Error{
      ErrorKind::locked,
      "account_locked",
      "账号因多次登录失败已锁定，请15分钟后再试 (account locked after repeated failed log-ins; "
      "try again later)",
      {}};
}

}  // namespace

Result<LoggedIn> log_in(Store& store, const Clock& clock, const PasswordHasher& hasher,
                        const SessionSecrets& secrets, const SessionPolicy& policy,
                        const LogIn& cmd) {
  if (cmd.username.empty())
    return Error::invalid("username", "required", "请输入用户名 (user name required)");
  if (cmd.password.empty())
    return Error::invalid("password", "required", "请输入密码 (password required)");
  // 1. Who is it, and are they locked?
  std::optional<UserAccount> user;
  auto looked = store.transact([&](Transaction& tx) -> Status {
    auto u = tx.users().find_user_by_name(cmd.username);
    if (!u) {
      if (u.error().kind != ErrorKind::not_found) return u.error();
      return ok_status();
    }
    user = std::move(*u);
    return ok_status();
  });
  if (!looked) return looked.error();

  // 2. The slow check, outside any transaction.
  const bool verified =
      hasher.verify(cmd.password, user ? user->password_hash() : nobody(hasher)) && user;

  // 3. Record the outcome against the account's state as it is now.
  std::optional<LoggedIn> out;
  std::optional<Error> refusal;
  auto recorded = store.transact([&](Transaction& tx) -> Status {
    const Context ctx{anonymous(cmd.client), clock};
    const std::int64_t now = clock.now_us();
    if (!user) {
      refusal = invalid_credentials();
      return as_status(record_change(tx, ctx, "session.login.fail", "username:" + cmd.username,
                                     {{"client", cmd.client}, {"reason", "unknown_user"}}));
    }
    auto state = tx.users().login_state(user->id());
    if (!state) return state.error();
    const std::string subj = subject("user", user->id());
    if (state->locked(now)) {
      refusal = locked_error();
      return as_status(record_change(tx, ctx, "session.login.fail", subj,
                                     {{"client", cmd.client}, {"reason", "locked"}}));
    }
    if (!verified) {
      const LoginState next = state->after_failure(now, policy);
      ZEREN_TRY(tx.users().save_login_state(user->id(), next));
      refusal = invalid_credentials();
      std::vector<AuditField> f{{"client", cmd.client},
                                {"reason", "wrong_password"},
                                {"failed", std::to_string(next.failed)}};
      if (next.locked(now)) f.push_back({"locked_until_us", std::to_string(*next.locked_until_us)});
      return as_status(record_change(tx, ctx, "session.login.fail", subj, std::move(f)));
    }
    if (state->failed != 0 || state->locked_until_us)
      ZEREN_TRY(tx.users().save_login_state(user->id(), LoginState{}));
    Session s;
    const std::string token = secrets.new_token();
    s.token_hash = secrets.token_hash(token);
    s.user = user->id();
    s.csrf_token = secrets.new_token();
    s.client = cmd.client;
    s.created_us = s.last_seen_us = now;
    auto id = tx.sessions().add_session(s);
    if (!id) return id.error();
    s.id = *id;
    const Context as_user{Actor::for_account(*user), clock};
    ZEREN_TRY(
        as_status(record_change(tx, as_user, "session.login", subj,
                                {{"client", cmd.client}, {"session", std::to_string(id->value)}})));
    out = LoggedIn{*user, std::move(s), token};
    return ok_status();
  });
  if (!recorded) return recorded.error();
  if (refusal) return *refusal;
  return std::move(*out);
}

}  // namespace zeren::app
