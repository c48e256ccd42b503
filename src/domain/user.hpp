// User accounts: who may log in, with which roles, over which procuratorate (scope).
#pragma once

#include <optional>
#include <set>
#include <string>

#include "domain/error.hpp"
#include "domain/ids.hpp"
#include "domain/vocabulary.hpp"

namespace zeren {

// Password rule (等级保护 level 3 as the anchor): at least 10 characters, from at least 3 of the
// 4 classes lower-case, upper-case, digit, other. The error names `field`.
Status check_password_rule(std::string_view password, std::string_view field = "password");

class UserAccount {
 public:
  // username: 3..32 of a-z 0-9 . _ -; at least one role; the three administrators (系统管理员,
  // 安全管理员, 安全审计员) are separated: an account holding one of them holds no other role.
  static Result<UserAccount> create(std::string username, std::string password_hash,
                                    std::set<Role> roles, ProcuratorateId procuratorate,
                                    std::optional<PersonId> person, bool must_change_password);

  UserId id() const { return id_; }
  void set_id(UserId id) { id_ = id; }
  const std::string& username() const { return username_; }
  const std::string& password_hash() const { return password_hash_; }
  const std::set<Role>& roles() const { return roles_; }
  bool has(Role r) const { return roles_.contains(r); }
  ProcuratorateId procuratorate() const { return procuratorate_; }
  const std::optional<PersonId>& person() const { return person_; }
  bool must_change_password() const { return must_change_password_; }

 private:
  UserAccount() = default;
  UserId id_;
  std::string username_;
  std::string password_hash_;
  std::set<Role> roles_;
  ProcuratorateId procuratorate_;
  std::optional<PersonId> person_;
  bool must_change_password_ = true;
};

bool is_separated_admin(Role r);

}  // namespace zeren
