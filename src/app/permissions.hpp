// Who may do what, over which procuratorate (SPEC §17). Every use case calls `authorize` first.
#pragma once

#include <optional>

#include "app/context.hpp"

namespace zeren::app {

enum class Permission {
  read_organisation,    // anyone with an account, in scope
  manage_organisation,  // 政治部 (personnel) and the 系统管理员, in scope
  manage_accounts,      // the 安全管理员, in scope
  read_audit_log,       // the 安全审计员 only
};

// Scope: an actor acts on their own procuratorate and on those directly below it (an upper 院
// supervises the lower one). `target` empty means "the whole system" (only the console operator
// and, for the audit log, the auditor of a top-level 院).
Status authorize(Transaction& tx, const Actor& actor, Permission permission,
                 std::optional<ProcuratorateId> target);

}  // namespace zeren::app
