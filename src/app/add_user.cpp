#include "app/permissions.hpp"
#include "app/record_change.hpp"
#include "app/use_cases.hpp"

namespace zeren::app {

Result<UserId> add_user(Transaction& tx, const Context& ctx, const PasswordHasher& hasher,
                        const AddUser& cmd) {
  ZEREN_TRY(authorize(tx, ctx.actor, Permission::manage_accounts, cmd.procuratorate));
  // The administrators' own roles are granted only by the 安全管理员 (三员分立).
  for (auto r : cmd.roles)
    if (is_separated_admin(r) && !ctx.actor.console &&
        !role_allows(ctx.actor, Permission::grant_roles))
      return Error::refused(
          "admin_role_needs_secadmin",
          "管理员角色只能由安全管理员授予 (only the security administrator grants "
          "administrator roles)");
  ZEREN_TRY(check_password_rule(cmd.password));
  auto proc = tx.organisation().find_procuratorate(cmd.procuratorate);
  if (!proc) return Error::not_found("procuratorate", "the procuratorate does not exist");
  if (cmd.person) {
    auto person = tx.organisation().find_person(*cmd.person);
    if (!person) return Error::not_found("person", "the person does not exist");
    if (person->procuratorate() != cmd.procuratorate)
      return Error::invalid("person", "person_of_other_procuratorate",
                            person->name() + " belongs to another procuratorate");
  }
  auto existing = tx.users().find_user_by_name(cmd.username);
  if (existing) return Error::conflict("username_taken", "username already exists", "username");
  if (existing.error().kind != ErrorKind::not_found) return existing.error();
  auto hash = hasher.hash(cmd.password);
  if (!hash) return hash.error();
  auto user = UserAccount::create(cmd.username, *hash, cmd.roles, cmd.procuratorate, cmd.person,
                                  cmd.must_change_password);
  if (!user) return user.error();
  auto id = tx.users().add_user(*user);
  if (!id) return id.error();
  std::vector<AuditField> fields{
      {"username", user->username()},
      {"procuratorate", std::to_string(cmd.procuratorate.value)},
      {"must_change_password", cmd.must_change_password ? "true" : "false"}};
  if (cmd.person) fields.push_back({"person", std::to_string(cmd.person->value)});
  std::vector<std::string> roles;
  for (auto r : user->roles()) roles.emplace_back(code_of(r));
  add_list(fields, "roles", roles);
  ZEREN_TRY(record_change(tx, ctx, "account.user.add", subject("user", *id), std::move(fields)));
  return id;
}

}  // namespace zeren::app
