#include "domain/vocabulary.hpp"

namespace zeren {

ZEREN_DEFINE_TERMS(Level, {Level::province, "province", "省级院"}, {Level::city, "city", "市级院"},
            {Level::district, "district", "区县院"})

ZEREN_DEFINE_TERMS(DepartmentKind, {DepartmentKind::business, "business", "业务部门"},
            {DepartmentKind::case_management, "case_management", "案件管理部"},
            {DepartmentKind::discipline, "discipline", "检务督察部"},
            {DepartmentKind::personnel, "personnel", "政治部"},
            {DepartmentKind::office, "office", "办公室"},
            {DepartmentKind::other, "other", "其他部门"})

ZEREN_DEFINE_TERMS(CaseCategory, {CaseCategory::arrest_review, "arrest_review", "审查逮捕"},
            {CaseCategory::prosecution_review, "prosecution_review", "审查起诉"},
            {CaseCategory::criminal_appeal, "criminal_appeal", "刑事申诉"},
            {CaseCategory::civil_supervision, "civil_supervision", "民事诉讼监督"},
            {CaseCategory::administrative_supervision, "administrative_supervision",
             "行政诉讼监督"},
            {CaseCategory::public_interest, "public_interest", "公益诉讼"},
            {CaseCategory::state_compensation, "state_compensation", "国家赔偿"},
            {CaseCategory::reconsideration, "reconsideration", "复议复核"})

ZEREN_DEFINE_TERMS(Difficulty, {Difficulty::ordinary, "ordinary", "普通"},
            {Difficulty::difficult, "difficult", "疑难"})

ZEREN_DEFINE_TERMS(PersonCategory, {PersonCategory::prosecutor, "prosecutor", "员额检察官"},
            {PersonCategory::assistant, "assistant", "检察官助理"},
            {PersonCategory::clerk, "clerk", "书记员"},
            {PersonCategory::admin_staff, "admin_staff", "司法行政人员"})

ZEREN_DEFINE_TERMS(Employment, {Employment::none, "none", "无"},
            {Employment::established, "established", "编制"},
            {Employment::contract, "contract", "聘用"})

ZEREN_DEFINE_TERMS(PostKind, {PostKind::chief, "chief", "检察长"},
            {PostKind::deputy_chief, "deputy_chief", "副检察长"},
            {PostKind::committee_member, "committee_member", "检委会委员"},
            {PostKind::full_time_member, "full_time_member", "专职委员"},
            {PostKind::department_head, "department_head", "部门负责人"})

ZEREN_DEFINE_TERMS(UnitKind, {UnitKind::team, "team", "检察官办案组"},
            {UnitKind::sole, "sole", "独任检察官"})

ZEREN_DEFINE_TERMS(Role, {Role::case_manager, "case_manager", "案件管理"},
                   {Role::prosecutor, "prosecutor", "员额检察官"},
                   {Role::assistant, "assistant", "检察官助理"}, {Role::clerk, "clerk", "书记员"},
                   {Role::dept_head, "dept_head", "部门负责人"},
                   {Role::deputy_chief, "deputy_chief", "副检察长"}, {Role::chief, "chief", "检察长"},
                   {Role::committee_member, "committee_member", "检委会委员"},
                   {Role::discipline, "discipline", "检务督察"}, {Role::personnel, "personnel", "政治部"},
                   {Role::people_supervisor, "people_supervisor", "人民监督员"},
                   {Role::sysadmin, "sysadmin", "系统管理员"}, {Role::secadmin, "secadmin", "安全管理员"},
                   {Role::auditor, "auditor", "安全审计员"})


}  // namespace zeren
