// zeren user add --db PATH --username U --procuratorate 院代字 --role R [--role R…] [--person ID]
//   [--password-stdin] [--json]: an account that must change its password at first log-in.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

#include "app/use_cases.hpp"
#include "cli/common.hpp"
#include "security/argon2_password_hasher.hpp"

namespace zeren::cli {

void add_user(CLI::App& app, Action& run) {
  struct Options {
    std::string db, username, procuratorate;
    std::vector<std::string> roles;
    std::int64_t person = 0;
    bool json = false;
    bool password_stdin = true;
  };
  auto opt = std::make_shared<Options>();
  auto* user = app.add_subcommand("user", "user accounts");
  user->require_subcommand(1);
  auto* add = user->add_subcommand("add", "add an account; the password is read from standard input");
  add->add_option("--db", opt->db, "SQLite file or postgresql:// URL")->required();
  add->add_option("--username", opt->username, "log-in name (a-z 0-9 . _ -)")->required();
  add->add_option("--procuratorate", opt->procuratorate, "院代字 of the account's procuratorate")
      ->required();
  add->add_option("--role", opt->roles, "role (repeatable), e.g. case_manager or 案件管理")
      ->required();
  add->add_option("--person", opt->person, "the person id the account belongs to");
  add->add_flag("--password-stdin", opt->password_stdin,
                "read the password from standard input (the default; never on the command line)");
  add->add_flag("--json", opt->json, "print JSON");
  add->callback([opt, &run] {
    run = [opt] {
      std::set<Role> roles;
      for (const auto& r : opt->roles) {
        auto role = parse_term<Role>(r, "role");
        if (!role) return report_error(role.error(), opt->json);
        roles.insert(*role);
      }
      std::string password;
      std::getline(std::cin, password);
      if (!password.empty() && password.back() == '\r') password.pop_back();
      auto s = open_session(opt->db, false);
      if (!s) return report_error(s.error(), opt->json);
      const Argon2PasswordHasher hasher;
      app::Context ctx{s->actor, system_clock()};
      auto id = transact_value<UserId>(s->store(), [&](Transaction& tx) -> Result<UserId> {
        auto proc = tx.organisation().find_procuratorate_by_code(opt->procuratorate);
        if (!proc)
          return Error::not_found("procuratorate", "no procuratorate with 院代字 " + opt->procuratorate);
        std::optional<PersonId> person;
        if (opt->person != 0) person = PersonId{opt->person};
        return app::add_user(tx, ctx, hasher,
                             {opt->username, password, roles, proc->id(), person, true});
      });
      if (!id) return report_error(id.error(), opt->json);
      if (auto c = checkpoint_after_change(*s, system_clock()); !c)
        return report_error(c.error(), opt->json);
      if (opt->json)
        print_json(boost::json::object{{"id", id->value},
                                       {"username", opt->username},
                                       {"must_change_password", true}});
      else
        std::cout << "已添加账号 account added: " << opt->username << " (id " << id->value
                  << ")，首次登录须修改密码\n";
      return 0;
    };
  });
}

}  // namespace zeren::cli
