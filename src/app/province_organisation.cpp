// A provincial organisation made from a seed (zeren gen): its shape follows a real province's,
// one provincial 院 over city 院 over district 院, with the demo's departments in each.
#include <algorithm>
#include <random>

#include "app/generate.hpp"
#include "app/invented_names.hpp"

namespace zeren::app {

namespace {

// Place-name characters for the 院's short codes (院代字): a city 院 is 「X」, a district 院
// 「XY」.
constexpr const char* kCities[] = {"兰", "嘉", "金", "白", "天", "武", "张", "平", "酒", "庆",
                                   "定", "陇", "临", "甘", "华", "宁", "秦", "河", "安", "永"};
constexpr const char* kDistricts[] = {"城", "东", "西", "南", "北", "新", "川", "山", "水", "阳",
                                      "台", "泉", "林", "源", "丰", "和", "昌", "远", "清", "乐",
                                      "文", "康", "兴", "景", "通", "谷", "原", "峪", "池", "岭"};
struct BusinessDepartment {
  const char* name;
  std::set<CaseCategory> categories;
  int share_percent;  // of the 院's prosecutors who are not leaders
};

const std::vector<BusinessDepartment>& business_departments() {
  static const std::vector<BusinessDepartment> list{
      {"第一检察部", {CaseCategory::arrest_review, CaseCategory::prosecution_review}, 40},
      {"第二检察部", {CaseCategory::arrest_review, CaseCategory::prosecution_review}, 25},
      {"第三检察部",
       {CaseCategory::criminal_appeal, CaseCategory::state_compensation,
        CaseCategory::reconsideration},
       10},
      {"第四检察部",
       {CaseCategory::civil_supervision, CaseCategory::administrative_supervision},
       10},
      {"第五检察部", {CaseCategory::public_interest}, 15}};
  return list;
}

}  // namespace

Result<DemoOrganisation> province_organisation(const ProvinceShape& shape) {
  const int n = shape.procuratorates;
  if (n < 1 || n > 600)
    return Error::invalid("procuratorates", "out_of_range",
                          "院的数量须在 1 到 600 之间 (1 to 600)");
  if (shape.prosecutors < 8 * n)
    return Error::invalid("prosecutors", "out_of_range",
                          "每个院至少 8 名员额检察官 (at least 8 prosecutors per procuratorate)");
  std::mt19937_64 rng(shape.seed);

  DemoOrganisation org;
  // 院 0 is the provincial one; then cities (about one in seven), then districts under them.
  const int cities = std::clamp((n - 1) / 7, n > 1 ? 1 : 0, static_cast<int>(std::size(kCities)));
  std::vector<int> districts_of(static_cast<std::size_t>(cities), 0);
  for (int i = 0; i < n; ++i) {
    DemoOrganisation::Procuratorate p;
    p.key = "p" + std::to_string(i);
    if (i == 0) {
      p.name = "陇原省人民检察院";
      p.short_code = "陇原";
      p.level = Level::province;
    } else if (i <= cities) {
      const std::string city = kCities[i - 1];
      p.name = city + "州市人民检察院";
      p.short_code = city;
      p.level = Level::city;
      p.parent = "p0";
    } else {
      const int c = (i - cities - 1) % cities;
      const int k = districts_of[static_cast<std::size_t>(c)]++;
      const std::string city = kCities[c];
      // A second round of district characters doubles the first ("城城"): still unique.
      const std::size_t d = static_cast<std::size_t>(k) % std::size(kDistricts);
      std::string district = kDistricts[d];
      if (k >= static_cast<int>(std::size(kDistricts)))
        district +=
            kDistricts[static_cast<std::size_t>(k) / std::size(kDistricts) % std::size(kDistricts)];
      p.name = city + "州市" + district + "区人民检察院";
      p.short_code = city + district;
      p.level = Level::district;
      p.parent = "p" + std::to_string(c + 1);
    }
    for (const auto& b : business_departments())
      p.departments.push_back({b.name, DepartmentKind::business, b.categories});
    p.departments.push_back({"案件管理部", DepartmentKind::case_management, {}});
    p.departments.push_back({"检务督察部", DepartmentKind::discipline, {}});
    p.departments.push_back({"政治部", DepartmentKind::personnel, {}});
    p.departments.push_back({"办公室", DepartmentKind::office, {}});
    org.procuratorates.push_back(std::move(p));
  }

  // Prosecutors per 院: the provincial 院 counts three shares, a city 院 two, a district one.
  std::vector<int> weight(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    weight[static_cast<std::size_t>(i)] = i == 0 ? 3 : i <= cities ? 2 : 1;
  int weights = 0;
  for (int w : weight) weights += w;
  std::vector<int> prosecutors(static_cast<std::size_t>(n));
  int given = 0;
  for (int i = 0; i < n; ++i) {
    auto& k = prosecutors[static_cast<std::size_t>(i)];
    k = std::max(8, shape.prosecutors * weight[static_cast<std::size_t>(i)] / weights);
    given += k;
  }
  // What rounding left over goes to the districts, one each, from the last.
  for (int i = n - 1; given < shape.prosecutors; i = i == 0 ? n - 1 : i - 1, ++given)
    ++prosecutors[static_cast<std::size_t>(i)];
  for (int i = n - 1; given > shape.prosecutors; i = i == 0 ? n - 1 : i - 1)
    if (prosecutors[static_cast<std::size_t>(i)] > 8)
      --prosecutors[static_cast<std::size_t>(i)], --given;

  const auto& business = business_departments();
  for (int i = 0; i < n; ++i) {
    const auto& p = org.procuratorates[static_cast<std::size_t>(i)];
    int serial = 0;
    auto add_person = [&](const std::string& department, PersonCategory category,
                          std::vector<DemoOrganisation::PostRef> posts) {
      DemoOrganisation::Person person;
      person.key = p.key + "-" + std::to_string(++serial);
      person.name = invented_name(rng);
      person.procuratorate = p.key;
      person.department = department;
      person.category = category;
      person.employment = Employment::none;  // only clerks have one
      person.posts = std::move(posts);
      org.persons.push_back(std::move(person));
      return org.persons.back().key;
    };
    auto add_unit = [&](const BusinessDepartment& b, const std::string& lead, double share,
                        int position) {
      DemoOrganisation::Unit u;
      u.procuratorate = p.key;
      u.department = b.name;
      u.kind = UnitKind::sole;
      u.lead = lead;
      u.name = std::string(b.name) + "独任检察官" + std::to_string(position);
      u.categories = b.categories;
      u.difficulties = {Difficulty::ordinary, Difficulty::difficult};
      u.share = *Share::from_decimal(share);
      u.position = position;
      org.units.push_back(std::move(u));
    };
    std::vector<int> position(business.size(), 0);
    // Leaders: the chief in the first department; two deputies, each supervising half of them.
    const std::string chief = add_person(business[0].name, PersonCategory::prosecutor,
                                         {{PostKind::chief, {}}, {PostKind::committee_member, {}}});
    add_unit(business[0], chief, 0.05, ++position[0]);
    for (int d = 0; d < 2; ++d) {
      DemoOrganisation::PostRef supervises{PostKind::deputy_chief, {}};
      for (std::size_t b = 0; b < business.size(); ++b)
        if (static_cast<int>(b % 2) == d) supervises.departments.push_back(business[b].name);
      if (d == 0) supervises.departments.push_back("案件管理部");
      const std::size_t home = static_cast<std::size_t>(d);
      const std::string deputy = add_person(business[home].name, PersonCategory::prosecutor,
                                            {supervises, {PostKind::committee_member, {}}});
      add_unit(business[home], deputy, 0.2, ++position[home]);
    }
    int left = prosecutors[static_cast<std::size_t>(i)] - 3;
    // A head for every business department (a prosecutor who also takes cases).
    for (std::size_t b = 0; b < business.size(); ++b, --left) {
      const std::string head = add_person(business[b].name, PersonCategory::prosecutor,
                                          {{PostKind::department_head, {business[b].name}}});
      add_unit(business[b], head, 0.5, ++position[b]);
    }
    // The rest by each department's share; what rounding leaves goes to the first department.
    const int rest = left;
    for (std::size_t b = 0; b < business.size(); ++b) {
      const int k = b + 1 == business.size() ? left : rest * business[b].share_percent / 100;
      for (int j = 0; j < k; ++j, --left) {
        const std::string who = add_person(business[b].name, PersonCategory::prosecutor, {});
        add_unit(business[b], who, 1.0, ++position[b]);
      }
    }
    const std::string case_manager = add_person("案件管理部", PersonCategory::admin_staff, {});
    org.users.push_back({p.key + "-chief", "", {Role::chief, Role::prosecutor}, p.key, chief});
    org.users.push_back({p.key + "-anguan", "", {Role::case_manager}, p.key, case_manager});
  }
  return org;
}

}  // namespace zeren::app
