// 安全管理员 sets an account's roles; never their own (三员分立).
#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Status grant_roles(Transaction& tx, const Context& ctx, const GrantRoles& cmd) {
  auto user = tx.users().find_user(cmd.user);
  if (!user) return Error::not_found("user", "the account does not exist");
  ZEREN_TRY(
      hide_out_of_scope(authorize(tx, ctx.actor, Permission::grant_roles, user->procuratorate()),
                        "user", "the account"));
  if (ctx.actor.id == Actor::id_of(cmd.user))
    return Error::refused("own_roles", "不能修改自己的角色 (no one changes their own roles)");
  // The account's rules (at least one role; an administrator role stands alone) still hold.
  auto changed =
      UserAccount::create(user->username(), user->password_hash(), cmd.roles, user->procuratorate(),
                          user->person(), user->must_change_password());
  if (!changed) return changed.error();
  ZEREN_TRY(tx.users().save_roles(cmd.user, cmd.roles));
  std::vector<std::string> before, after;
  for (auto r : user->roles()) before.emplace_back(code_of(r));
  for (auto r : cmd.roles) after.emplace_back(code_of(r));
  std::vector<AuditField> fields{{"username", user->username()}};
  add_list(fields, "roles_before", before);
  add_list(fields, "roles", after);
  return as_status(
      record_change(tx, ctx, "account.roles.grant", subject("user", cmd.user), std::move(fields)));
}

}  // namespace zeren::app
