#include "app/record_change.hpp"
#include "app/sessions.hpp"

namespace zeren::app {

Status change_password(Transaction& tx, const Context& ctx, const PasswordHasher& hasher,
                       const ChangePassword& cmd) {
  auto user = tx.users().find_user(cmd.user);
  if (!user) return user.error();
  if (!ctx.actor.console && ctx.actor.id != Actor::id_of(cmd.user))
    return Error::denied("只能修改自己的密码 (only your own password)");
  if (!hasher.verify(cmd.current_password, user->password_hash()))
    return Error::invalid("current_password", "wrong_password",
                          "当前密码不正确 (the current password is wrong)");
  ZEREN_TRY(check_password_rule(cmd.new_password, "new_password"));
  if (cmd.new_password == cmd.current_password)
    return Error::invalid("new_password", "password_unchanged",
                          "新密码不能与当前密码相同 (choose a new password)");
  auto hash = hasher.hash(cmd.new_password);
  if (!hash) return hash.error();
  ZEREN_TRY(tx.users().save_password(cmd.user, *hash, false));
  return as_status(
      record_change(tx, ctx, "account.password.change", subject("user", cmd.user), {}));
}

}  // namespace zeren::app
