#include "domain/user.hpp"

namespace zeren {

bool is_separated_admin(Role r) {
  return r == Role::sysadmin || r == Role::secadmin || r == Role::auditor;
}

Status check_password_rule(std::string_view pw, std::string_view field) {
  const std::string f(field);
  int lower = 0, upper = 0, digit = 0, other = 0;
  std::size_t chars = 0;
  for (char ch : pw) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80) ++chars;
    if (c >= 'a' && c <= 'z') lower = 1;
    else if (c >= 'A' && c <= 'Z') upper = 1;
    else if (c >= '0' && c <= '9') digit = 1;
    else other = 1;
  }
  if (chars < 10)
    return Error::invalid(f, "password_too_short", "密码至少 10 个字符 (at least 10 characters)");
  if (lower + upper + digit + other < 3)
    return Error::invalid(f, "password_too_weak",
                          "密码须包含小写字母、大写字母、数字、其他字符中的至少三类 "
                          "(at least 3 of: lower-case, upper-case, digit, other)");
  return ok_status();
}

Result<UserAccount> UserAccount::create(std::string username, std::string password_hash,
                                        std::set<Role> roles, ProcuratorateId procuratorate,
                                        std::optional<PersonId> person, bool must_change_password) {
  if (username.size() < 3 || username.size() > 32)
    return Error::invalid("username", "invalid_username", "username has 3 to 32 characters");
  for (char c : username)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-'))
      return Error::invalid("username", "invalid_username",
                            "username uses only a-z, 0-9, '.', '_' and '-'");
  if (password_hash.empty())
    return Error::invalid("password", "required", "password is required");
  if (roles.empty()) return Error::invalid("roles", "required", "at least one role is required");
  for (auto r : roles)
    if (is_separated_admin(r) && roles.size() > 1)
      return Error::invalid("roles", "admin_roles_separated",
                            std::string(zh_of(r)) +
                                " is one of the three separated administrators and holds no other "
                                "role (三员分立)");
  if (!procuratorate.valid())
    return Error::invalid("procuratorate", "required", "procuratorate is required");
  if (person && !person->valid()) return Error::invalid("person", "invalid_person", "unknown person");
  UserAccount u;
  u.username_ = std::move(username);
  u.password_hash_ = std::move(password_hash);
  u.roles_ = std::move(roles);
  u.procuratorate_ = procuratorate;
  u.person_ = person;
  u.must_change_password_ = must_change_password;
  return u;
}

}  // namespace zeren
