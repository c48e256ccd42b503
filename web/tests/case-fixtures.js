// Answers of the real API (captured from `zeren demo` data through `zeren serve`; the audit
// entries' candidate dumps trimmed but for one), for the case pages' tests.

// GET /session of the case-management officer (anguan) of 嘉峪关市人民检察院.
export const sessionUser = {
  "id": 6,
  "username": "anguan",
  "roles": [
    "case_manager"
  ],
  "role_labels": [
    "案件管理"
  ],
  "procuratorate_id": 1,
  "person_id": 40,
  "must_change_password": false,
  "procuratorate": "嘉峪关市人民检察院",
  "person": "冉丽华",
  "permissions": [
    "read_organisation",
    "read_cases",
    "intake_cases",
    "request_designation",
    "request_handler_change",
    "read_plans",
    "propose_plans",
    "read_alerts",
    "read_anomalies",
    "read_statistics"
  ]
}

export const procuratorates = [
  {
    "id": 1,
    "name": "嘉峪关市人民检察院",
    "short_code": "嘉",
    "level": "city",
    "level_label": "市级院",
    "parent_id": null
  },
  {
    "id": 2,
    "name": "嘉峪关市城区人民检察院",
    "short_code": "嘉城",
    "level": "district",
    "level_label": "区县院",
    "parent_id": 1
  }
]

export const departments = [
  {
    "id": 1,
    "name": "第一检察部",
    "procuratorate_id": 1,
    "kind": "business",
    "kind_label": "业务部门",
    "categories": [
      "arrest_review",
      "prosecution_review"
    ],
    "category_labels": [
      "审查逮捕",
      "审查起诉"
    ]
  },
  {
    "id": 2,
    "name": "第二检察部",
    "procuratorate_id": 1,
    "kind": "business",
    "kind_label": "业务部门",
    "categories": [
      "arrest_review",
      "prosecution_review"
    ],
    "category_labels": [
      "审查逮捕",
      "审查起诉"
    ]
  },
  {
    "id": 6,
    "name": "案件管理部",
    "procuratorate_id": 1,
    "kind": "case_management",
    "kind_label": "案件管理部",
    "categories": [],
    "category_labels": []
  },
  {
    "id": 10,
    "name": "第一检察部",
    "procuratorate_id": 2,
    "kind": "business",
    "kind_label": "业务部门",
    "categories": [
      "arrest_review",
      "prosecution_review"
    ],
    "category_labels": [
      "审查逮捕",
      "审查起诉"
    ]
  }
]

export const people = [
  {
    "id": 1,
    "name": "郑立群",
    "procuratorate_id": 1,
    "department_id": 1,
    "department": "第一检察部",
    "posts": [
      "chief",
      "committee_member"
    ],
    "post_labels": [
      "检察长",
      "检委会委员"
    ],
    "absences": [],
    "category": "prosecutor",
    "category_label": "员额检察官"
  },
  {
    "id": 2,
    "name": "马文涛",
    "procuratorate_id": 1,
    "department_id": 2,
    "department": "第二检察部",
    "posts": [
      "committee_member",
      "deputy_chief"
    ],
    "post_labels": [
      "检委会委员",
      "副检察长"
    ],
    "absences": [
      {
        "from": "2026-05-22",
        "to": "2026-05-26",
        "reason": "出差"
      },
      {
        "from": "2026-06-24",
        "to": "2026-06-28",
        "reason": "病假"
      }
    ],
    "category": "prosecutor",
    "category_label": "员额检察官"
  },
  {
    "id": 4,
    "name": "韩志远",
    "procuratorate_id": 1,
    "department_id": 1,
    "department": "第一检察部",
    "posts": [
      "committee_member",
      "department_head"
    ],
    "post_labels": [
      "检委会委员",
      "部门负责人"
    ],
    "absences": [
      {
        "from": "2026-01-10",
        "to": "2026-01-14",
        "reason": "培训"
      },
      {
        "from": "2026-06-10",
        "to": "2026-06-14",
        "reason": "年休假"
      },
      {
        "from": "2026-10-25",
        "to": "2026-10-29",
        "reason": "出差"
      }
    ],
    "category": "prosecutor",
    "category_label": "员额检察官"
  },
  {
    "id": 40,
    "name": "冉丽华",
    "procuratorate_id": 1,
    "department_id": 6,
    "department": "案件管理部",
    "posts": [
      "department_head"
    ],
    "post_labels": [
      "部门负责人"
    ],
    "absences": [],
    "category": "admin_staff",
    "category_label": "司法行政人员"
  },
  {
    "id": 44,
    "name": "谭守诚",
    "procuratorate_id": 2,
    "department_id": 10,
    "department": "第一检察部",
    "posts": [
      "chief",
      "committee_member"
    ],
    "post_labels": [
      "检察长",
      "检委会委员"
    ],
    "absences": [],
    "category": "prosecutor",
    "category_label": "员额检察官"
  },
  {
    "id": 45,
    "name": "孔繁宇",
    "procuratorate_id": 2,
    "department_id": 11,
    "department": "第二检察部",
    "posts": [
      "committee_member",
      "deputy_chief"
    ],
    "post_labels": [
      "检委会委员",
      "副检察长"
    ],
    "absences": [
      {
        "from": "2026-10-22",
        "to": "2026-10-26",
        "reason": "出差"
      }
    ],
    "category": "prosecutor",
    "category_label": "员额检察官"
  },
  {
    "id": 46,
    "name": "毕淑芬",
    "procuratorate_id": 2,
    "department_id": 12,
    "department": "第三检察部",
    "posts": [
      "committee_member",
      "deputy_chief"
    ],
    "post_labels": [
      "检委会委员",
      "副检察长"
    ],
    "absences": [
      {
        "from": "2026-04-17",
        "to": "2026-04-19",
        "reason": "年休假"
      },
      {
        "from": "2026-05-02",
        "to": "2026-05-04",
        "reason": "培训"
      },
      {
        "from": "2026-05-16",
        "to": "2026-05-20",
        "reason": "出差"
      }
    ],
    "category": "prosecutor",
    "category_label": "员额检察官"
  },
  {
    "id": 47,
    "name": "聂远航",
    "procuratorate_id": 2,
    "department_id": 10,
    "department": "第一检察部",
    "posts": [
      "committee_member",
      "department_head"
    ],
    "post_labels": [
      "检委会委员",
      "部门负责人"
    ],
    "absences": [
      {
        "from": "2026-04-06",
        "to": "2026-04-07",
        "reason": "年休假"
      },
      {
        "from": "2026-06-17",
        "to": "2026-06-19",
        "reason": "出差"
      }
    ],
    "category": "prosecutor",
    "category_label": "员额检察官"
  }
]

// GET /units?department=1
export const units = [
  {
    "id": 1,
    "name": "第一检察部郑立群办案组",
    "department_id": 1,
    "department": "第一检察部",
    "lead_id": 1,
    "lead": "郑立群",
    "members": [
      {
        "id": 6,
        "name": "袁国栋"
      },
      {
        "id": 15,
        "name": "庞雨欣"
      },
      {
        "id": 20,
        "name": "欧阳晨"
      }
    ],
    "categories": [
      "arrest_review",
      "prosecution_review"
    ],
    "category_labels": [
      "审查逮捕",
      "审查起诉"
    ],
    "difficulties": [
      "difficult"
    ],
    "difficulty_labels": [
      "疑难"
    ],
    "share": 0.05,
    "position": 1,
    "active": true,
    "kind": "team",
    "kind_label": "检察官办案组"
  },
  {
    "id": 2,
    "name": "第一检察部韩志远办案组",
    "department_id": 1,
    "department": "第一检察部",
    "lead_id": 4,
    "lead": "韩志远",
    "members": [
      {
        "id": 5,
        "name": "冯晓琳"
      },
      {
        "id": 15,
        "name": "庞雨欣"
      },
      {
        "id": 21,
        "name": "耿丽娜"
      }
    ],
    "categories": [
      "arrest_review",
      "prosecution_review"
    ],
    "category_labels": [
      "审查逮捕",
      "审查起诉"
    ],
    "difficulties": [
      "ordinary",
      "difficult"
    ],
    "difficulty_labels": [
      "普通",
      "疑难"
    ],
    "share": 1.0,
    "position": 2,
    "active": true,
    "kind": "team",
    "kind_label": "检察官办案组"
  },
  {
    "id": 3,
    "name": "独任检察官韩志远",
    "department_id": 1,
    "department": "第一检察部",
    "lead_id": 4,
    "lead": "韩志远",
    "members": [
      {
        "id": 22,
        "name": "卜晓东"
      }
    ],
    "categories": [
      "arrest_review",
      "prosecution_review"
    ],
    "category_labels": [
      "审查逮捕",
      "审查起诉"
    ],
    "difficulties": [
      "ordinary",
      "difficult"
    ],
    "difficulty_labels": [
      "普通",
      "疑难"
    ],
    "share": 1.0,
    "position": 3,
    "active": true,
    "kind": "sole",
    "kind_label": "独任检察官"
  },
  {
    "id": 4,
    "name": "独任检察官冯晓琳",
    "department_id": 1,
    "department": "第一检察部",
    "lead_id": 5,
    "lead": "冯晓琳",
    "members": [
      {
        "id": 23,
        "name": "詹佳琪"
      }
    ],
    "categories": [
      "arrest_review",
      "prosecution_review"
    ],
    "category_labels": [
      "审查逮捕",
      "审查起诉"
    ],
    "difficulties": [
      "ordinary"
    ],
    "difficulty_labels": [
      "普通"
    ],
    "share": 1.0,
    "position": 4,
    "active": true,
    "kind": "sole",
    "kind_label": "独任检察官"
  },
  {
    "id": 5,
    "name": "独任检察官袁国栋",
    "department_id": 1,
    "department": "第一检察部",
    "lead_id": 6,
    "lead": "袁国栋",
    "members": [
      {
        "id": 15,
        "name": "庞雨欣"
      },
      {
        "id": 24,
        "name": "靳小雨"
      }
    ],
    "categories": [
      "prosecution_review"
    ],
    "category_labels": [
      "审查起诉"
    ],
    "difficulties": [
      "ordinary"
    ],
    "difficulty_labels": [
      "普通"
    ],
    "share": 1.0,
    "position": 5,
    "active": true,
    "kind": "sole",
    "kind_label": "独任检察官"
  }
]

// What GET /cases/{id} adds for handling (SPEC §2, §4–§7), for a case nobody has started: its
// statutory period (or none), and nothing done or offered yet.
function notStarted(deadline) {
  return {
    complex: false, fast_track: false, sentence_over_one_year: false, deadline, returns: 0, max_returns: 2,
    extended: false, concluded_on: null, archived_on: null, transferred_on: null, transferred_to: '',
    actions: [], decision_types: [], decisions: [], acts: [], flags: [], pre_reviews: [], notices: [], reports: [],
  }
}
const overdue = (kind, kindLabel, start, due, daysLeft, basis) => ({
  kind, kind_label: kindLabel, start, due, basis, days_left: daysLeft, state: 'overdue',
})

// A random draw after an approved change of handler (two assignments, one request); the first
// party's name is hostile markup, which must show as text.
export const caseChanged = {
  ...notStarted(overdue('arrest_review', '审查逮捕', '2026-03-25', '2026-04-01', -240,
    '审查逮捕七日（刑事诉讼法第九十一条），自2026-03-25次日起算，届满日2026-04-01；犯罪嫌疑人在押，届满日不因节假日顺延（刑事诉讼法第一百零五条）')),
  "id": 367,
  "number": "嘉检刑捕受〔2026〕55号",
  "procuratorate_id": 1,
  "procuratorate": "嘉峪关市人民检察院",
  "department_id": 1,
  "department": "第一检察部",
  "received_on": "2026-03-25",
  "custody": true,
  "parties": [
    "<img src=x onerror=alert(1)>",
    "许强"
  ],
  "source_org": "嘉峪关市公安局",
  "source_doc_no": "嘉公（刑）提捕字〔2026〕467号",
  "related_case_id": null,
  "unit_id": 2,
  "unit": "第一检察部韩志远办案组",
  "withdrawn_on": null,
  "category": "arrest_review",
  "category_label": "审查逮捕",
  "difficulty": "ordinary",
  "difficulty_label": "普通",
  "status": "assigned",
  "status_label": "已分案",
  "assignment": {
    "id": 370,
    "unit_id": 2,
    "unit": "第一检察部韩志远办案组",
    "plan_id": 1,
    "plan_version": 1,
    "tolerance": 0,
    "min_pool": 3,
    "pool_size": 2,
    "band_size": 1,
    "decided_at": "2026-03-25T12:00:00+08:00",
    "approver": "马文涛",
    "request_id": 5,
    "audit_seq": 1068,
    "candidates": [
      {
        "unit_id": 1,
        "unit": "第一检察部郑立群办案组",
        "position": 1,
        "weight_sum": 4,
        "share": 0.05,
        "load": 80.0,
        "eligible": false,
        "exclusion": "difficulty_not_accepted",
        "in_band": false
      },
      {
        "unit_id": 2,
        "unit": "第一检察部韩志远办案组",
        "position": 2,
        "weight_sum": 23,
        "share": 1.0,
        "load": 23.0,
        "eligible": true,
        "exclusion": "",
        "in_band": true
      },
      {
        "unit_id": 3,
        "unit": "独任检察官韩志远",
        "position": 3,
        "weight_sum": 24,
        "share": 1.0,
        "load": 24.0,
        "eligible": true,
        "exclusion": "",
        "in_band": false
      },
      {
        "unit_id": 4,
        "unit": "独任检察官冯晓琳",
        "position": 4,
        "weight_sum": 20,
        "share": 1.0,
        "load": 20.0,
        "eligible": false,
        "exclusion": "previous_handler",
        "in_band": false
      },
      {
        "unit_id": 5,
        "unit": "独任检察官袁国栋",
        "position": 5,
        "weight_sum": 14,
        "share": 1.0,
        "load": 14.0,
        "eligible": false,
        "exclusion": "category_not_accepted",
        "in_band": false
      }
    ],
    "method": "random",
    "method_label": "随机分案",
    "unit_kind": "team",
    "unit_kind_label": "检察官办案组",
    "draw": {
      "epoch_id": 60,
      "value": "b0adf2fd7359853516a30361e440029f1749087ea924d155610efbdee553eaae",
      "index": 0,
      "day": "2026-03-25",
      "commitment": "547c7bfbdd38dd76dea1f8419fe8be840db3826e83918bd30b6b2f3e8d72b82c",
      "revealed": true,
      "secret": "8a367708f961ee50428de67621463321ff0756ab3e60121fdbf612df6b1f9f54"
    }
  },
  "assignments": [
    {
      "id": 369,
      "unit_id": 4,
      "unit": "独任检察官冯晓琳",
      "plan_id": 1,
      "plan_version": 1,
      "tolerance": 0,
      "min_pool": 3,
      "pool_size": 3,
      "band_size": 1,
      "decided_at": "2026-03-25T12:00:00+08:00",
      "approver": "",
      "request_id": null,
      "audit_seq": 1065,
      "candidates": [
        {
          "unit_id": 1,
          "unit": "第一检察部郑立群办案组",
          "position": 1,
          "weight_sum": 4,
          "share": 0.05,
          "load": 80.0,
          "eligible": false,
          "exclusion": "difficulty_not_accepted",
          "in_band": false
        },
        {
          "unit_id": 2,
          "unit": "第一检察部韩志远办案组",
          "position": 2,
          "weight_sum": 23,
          "share": 1.0,
          "load": 23.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        },
        {
          "unit_id": 3,
          "unit": "独任检察官韩志远",
          "position": 3,
          "weight_sum": 24,
          "share": 1.0,
          "load": 24.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        },
        {
          "unit_id": 4,
          "unit": "独任检察官冯晓琳",
          "position": 4,
          "weight_sum": 19,
          "share": 1.0,
          "load": 19.0,
          "eligible": true,
          "exclusion": "",
          "in_band": true
        },
        {
          "unit_id": 5,
          "unit": "独任检察官袁国栋",
          "position": 5,
          "weight_sum": 14,
          "share": 1.0,
          "load": 14.0,
          "eligible": false,
          "exclusion": "category_not_accepted",
          "in_band": false
        }
      ],
      "method": "random",
      "method_label": "随机分案",
      "unit_kind": "sole",
      "unit_kind_label": "独任检察官",
      "draw": {
        "epoch_id": 60,
        "value": "2546ba1e7bc3f73bac0d48c637d63a393966789c07b9c79ac548085ffe7483e9",
        "index": 0,
        "day": "2026-03-25",
        "commitment": "547c7bfbdd38dd76dea1f8419fe8be840db3826e83918bd30b6b2f3e8d72b82c",
        "revealed": true,
        "secret": "8a367708f961ee50428de67621463321ff0756ab3e60121fdbf612df6b1f9f54"
      }
    },
    {
      "id": 370,
      "unit_id": 2,
      "unit": "第一检察部韩志远办案组",
      "plan_id": 1,
      "plan_version": 1,
      "tolerance": 0,
      "min_pool": 3,
      "pool_size": 2,
      "band_size": 1,
      "decided_at": "2026-03-25T12:00:00+08:00",
      "approver": "马文涛",
      "request_id": 5,
      "audit_seq": 1068,
      "candidates": [
        {
          "unit_id": 1,
          "unit": "第一检察部郑立群办案组",
          "position": 1,
          "weight_sum": 4,
          "share": 0.05,
          "load": 80.0,
          "eligible": false,
          "exclusion": "difficulty_not_accepted",
          "in_band": false
        },
        {
          "unit_id": 2,
          "unit": "第一检察部韩志远办案组",
          "position": 2,
          "weight_sum": 23,
          "share": 1.0,
          "load": 23.0,
          "eligible": true,
          "exclusion": "",
          "in_band": true
        },
        {
          "unit_id": 3,
          "unit": "独任检察官韩志远",
          "position": 3,
          "weight_sum": 24,
          "share": 1.0,
          "load": 24.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        },
        {
          "unit_id": 4,
          "unit": "独任检察官冯晓琳",
          "position": 4,
          "weight_sum": 20,
          "share": 1.0,
          "load": 20.0,
          "eligible": false,
          "exclusion": "previous_handler",
          "in_band": false
        },
        {
          "unit_id": 5,
          "unit": "独任检察官袁国栋",
          "position": 5,
          "weight_sum": 14,
          "share": 1.0,
          "load": 14.0,
          "eligible": false,
          "exclusion": "category_not_accepted",
          "in_band": false
        }
      ],
      "method": "random",
      "method_label": "随机分案",
      "unit_kind": "team",
      "unit_kind_label": "检察官办案组",
      "draw": {
        "epoch_id": 60,
        "value": "b0adf2fd7359853516a30361e440029f1749087ea924d155610efbdee553eaae",
        "index": 0,
        "day": "2026-03-25",
        "commitment": "547c7bfbdd38dd76dea1f8419fe8be840db3826e83918bd30b6b2f3e8d72b82c",
        "revealed": true,
        "secret": "8a367708f961ee50428de67621463321ff0756ab3e60121fdbf612df6b1f9f54"
      }
    }
  ],
  "requests": [
    {
      "id": 5,
      "case_id": 367,
      "reason": "recusal",
      "reason_label": "回避",
      "reason_text": "",
      "target_unit_id": null,
      "target_unit": "",
      "requested_by_id": 4,
      "requested_by": "韩志远",
      "requested_at": "2026-03-25T12:00:00+08:00",
      "decided_by": "马文涛",
      "decision_note": "同意更换",
      "decided_at": "2026-03-25T12:00:00+08:00",
      "kind": "change_of_handler",
      "kind_label": "更换承办人",
      "status": "approved",
      "status_label": "已批准"
    }
  ],
  "timeline": [
    {
      "seq": 1064,
      "time": "2026-03-25T12:00:00+08:00",
      "actor": "user:6",
      "action": "case.register",
      "subject": "case:367",
      "fields": {
        "category": "arrest_review",
        "custody": "1",
        "department": "1",
        "difficulty": "ordinary",
        "number": "嘉检刑捕受〔2026〕55号",
        "parties.0": "<img src=x onerror=alert(1)>",
        "parties.1": "许强",
        "procuratorate": "1",
        "received_on": "2026-03-25",
        "source_doc_no": "嘉公（刑）提捕字〔2026〕467号",
        "source_org": "嘉峪关市公安局"
      },
      "hash": "e6d4ed103ccc7ba0e6702ae095158422d96e9e4fa6b984d3fdbd5a8291dd58e9"
    },
    {
      "seq": 1065,
      "time": "2026-03-25T12:00:00+08:00",
      "actor": "user:6",
      "action": "case.assign",
      "subject": "case:367",
      "fields": {
        "attempt": "0",
        "band_size": "1",
        "candidates.0.eligible": "0",
        "candidates.0.exclusion": "difficulty_not_accepted",
        "candidates.0.in_band": "0",
        "candidates.0.position": "1",
        "candidates.0.share_bp": "500",
        "candidates.0.unit": "1",
        "candidates.0.weight_sum": "4",
        "candidates.1.eligible": "1",
        "candidates.1.in_band": "0",
        "candidates.1.position": "2",
        "candidates.1.share_bp": "10000",
        "candidates.1.unit": "2",
        "candidates.1.weight_sum": "23",
        "candidates.2.eligible": "1",
        "candidates.2.in_band": "0",
        "candidates.2.position": "3",
        "candidates.2.share_bp": "10000",
        "candidates.2.unit": "3",
        "candidates.2.weight_sum": "24",
        "candidates.3.eligible": "1",
        "candidates.3.in_band": "1",
        "candidates.3.position": "4",
        "candidates.3.share_bp": "10000",
        "candidates.3.unit": "4",
        "candidates.3.weight_sum": "19",
        "candidates.4.eligible": "0",
        "candidates.4.exclusion": "category_not_accepted",
        "candidates.4.in_band": "0",
        "candidates.4.position": "5",
        "candidates.4.share_bp": "10000",
        "candidates.4.unit": "5",
        "candidates.4.weight_sum": "14",
        "case_number": "嘉检刑捕受〔2026〕55号",
        "epoch": "60",
        "head": "e6d4ed103ccc7ba0e6702ae095158422d96e9e4fa6b984d3fdbd5a8291dd58e9",
        "index": "0",
        "method": "random",
        "min_pool": "3",
        "plan": "1",
        "plan_version": "1",
        "pool_size": "3",
        "tolerance": "0",
        "unit": "4",
        "unit_name": "独任检察官冯晓琳",
        "value": "2546ba1e7bc3f73bac0d48c637d63a393966789c07b9c79ac548085ffe7483e9"
      },
      "hash": "263b483f8de8d3cf5a8254c758f5826f4afb96945403afb8deba532f16c47afe"
    },
    {
      "seq": 1066,
      "time": "2026-03-25T12:00:00+08:00",
      "actor": "person:4",
      "action": "assignment.request",
      "subject": "case:367",
      "fields": {
        "case_number": "嘉检刑捕受〔2026〕55号",
        "kind": "change_of_handler",
        "reason": "recusal",
        "reason_text": "",
        "request": "5",
        "requested_by": "4"
      },
      "hash": "0cecc8905f983a4c5293ed71983e38f136f7d5f9019b1e18bb6d63f73adc5603"
    },
    {
      "seq": 1067,
      "time": "2026-03-25T12:00:00+08:00",
      "actor": "person:2",
      "action": "assignment.request.approve",
      "subject": "case:367",
      "fields": {
        "approver": "2",
        "decision": "approved",
        "kind": "change_of_handler",
        "note": "同意更换",
        "request": "5"
      },
      "hash": "fc55b04a5162ee8df635bf22a46c08ab82c6c0f15991ec58290723a20f3ae40b"
    },
    {
      "seq": 1068,
      "time": "2026-03-25T12:00:00+08:00",
      "actor": "person:2",
      "action": "case.assign",
      "subject": "case:367",
      "fields": {
        "approver": "2",
        "attempt": "0",
        "band_size": "1",
        "case_number": "嘉检刑捕受〔2026〕55号",
        "epoch": "60",
        "head": "fc55b04a5162ee8df635bf22a46c08ab82c6c0f15991ec58290723a20f3ae40b",
        "index": "0",
        "method": "random",
        "min_pool": "3",
        "plan": "1",
        "plan_version": "1",
        "pool_size": "2",
        "previous_unit": "4",
        "request": "5",
        "small_pool_alarm": "1",
        "tolerance": "0",
        "unit": "2",
        "unit_name": "第一检察部韩志远办案组",
        "value": "b0adf2fd7359853516a30361e440029f1749087ea924d155610efbdee553eaae"
      },
      "hash": "7515c6be632531bc8732a809c02a751c09c95c232c641d0eabb0e885d860bcef"
    }
  ]
}

// Rotation.
export const caseRotation = {
  ...notStarted(null),
  "id": 67,
  "number": "嘉城检公益受〔2026〕4号",
  "procuratorate_id": 2,
  "procuratorate": "嘉峪关市城区人民检察院",
  "department_id": 14,
  "department": "第五检察部",
  "received_on": "2026-01-15",
  "custody": false,
  "parties": [
    "郭洋",
    "冯涛",
    "马文博"
  ],
  "source_org": "嘉峪关市中级人民法院",
  "source_doc_no": "嘉公（刑）移字〔2026〕167号",
  "related_case_id": null,
  "unit_id": 37,
  "unit": "第五检察部申立新办案组",
  "withdrawn_on": null,
  "category": "public_interest",
  "category_label": "公益诉讼",
  "difficulty": "ordinary",
  "difficulty_label": "普通",
  "status": "assigned",
  "status_label": "已分案",
  "assignment": {
    "id": 67,
    "unit_id": 37,
    "unit": "第五检察部申立新办案组",
    "plan_id": 10,
    "plan_version": 1,
    "tolerance": 0,
    "min_pool": 2,
    "pool_size": 3,
    "band_size": 3,
    "decided_at": "2026-01-15T14:35:00+08:00",
    "approver": "",
    "request_id": null,
    "audit_seq": 356,
    "candidates": [
      {
        "unit_id": 37,
        "unit": "第五检察部申立新办案组",
        "position": 1,
        "weight_sum": 1,
        "share": 1.0,
        "load": 1.0,
        "eligible": true,
        "exclusion": "",
        "in_band": true
      },
      {
        "unit_id": 38,
        "unit": "独任检察官申立新",
        "position": 2,
        "weight_sum": 1,
        "share": 1.0,
        "load": 1.0,
        "eligible": true,
        "exclusion": "",
        "in_band": true
      },
      {
        "unit_id": 39,
        "unit": "独任检察官龚敏",
        "position": 3,
        "weight_sum": 1,
        "share": 1.0,
        "load": 1.0,
        "eligible": true,
        "exclusion": "",
        "in_band": true
      }
    ],
    "method": "rotation",
    "method_label": "轮流分案",
    "unit_kind": "team",
    "unit_kind_label": "检察官办案组",
    "draw": null
  },
  "assignments": [
    {
      "id": 67,
      "unit_id": 37,
      "unit": "第五检察部申立新办案组",
      "plan_id": 10,
      "plan_version": 1,
      "tolerance": 0,
      "min_pool": 2,
      "pool_size": 3,
      "band_size": 3,
      "decided_at": "2026-01-15T14:35:00+08:00",
      "approver": "",
      "request_id": null,
      "audit_seq": 356,
      "candidates": [
        {
          "unit_id": 37,
          "unit": "第五检察部申立新办案组",
          "position": 1,
          "weight_sum": 1,
          "share": 1.0,
          "load": 1.0,
          "eligible": true,
          "exclusion": "",
          "in_band": true
        },
        {
          "unit_id": 38,
          "unit": "独任检察官申立新",
          "position": 2,
          "weight_sum": 1,
          "share": 1.0,
          "load": 1.0,
          "eligible": true,
          "exclusion": "",
          "in_band": true
        },
        {
          "unit_id": 39,
          "unit": "独任检察官龚敏",
          "position": 3,
          "weight_sum": 1,
          "share": 1.0,
          "load": 1.0,
          "eligible": true,
          "exclusion": "",
          "in_band": true
        }
      ],
      "method": "rotation",
      "method_label": "轮流分案",
      "unit_kind": "team",
      "unit_kind_label": "检察官办案组",
      "draw": null
    }
  ],
  "requests": [],
  "timeline": [
    {
      "seq": 355,
      "time": "2026-01-15T14:35:00+08:00",
      "actor": "user:21",
      "action": "case.register",
      "subject": "case:67",
      "fields": {
        "category": "public_interest",
        "custody": "0",
        "department": "14",
        "difficulty": "ordinary",
        "number": "嘉城检公益受〔2026〕4号",
        "parties.0": "郭洋",
        "parties.1": "冯涛",
        "parties.2": "马文博",
        "procuratorate": "2",
        "received_on": "2026-01-15",
        "source_doc_no": "嘉公（刑）移字〔2026〕167号",
        "source_org": "嘉峪关市中级人民法院"
      },
      "hash": "ae2decf45edb76ddd49d66378108cbc25bc2b12264784f79d6975458b968c365"
    },
    {
      "seq": 356,
      "time": "2026-01-15T14:35:00+08:00",
      "actor": "user:21",
      "action": "case.assign",
      "subject": "case:67",
      "fields": {
        "band_size": "3",
        "case_number": "嘉城检公益受〔2026〕4号",
        "method": "rotation",
        "min_pool": "2",
        "plan": "10",
        "plan_version": "1",
        "pool_size": "3",
        "tolerance": "0",
        "unit": "37",
        "unit_name": "第五检察部申立新办案组"
      },
      "hash": "ed88c06a2721fc5f71233406f3d3d73604c86878b427f0c4519c56827478b178"
    }
  ]
}

// Follow-on, then designated on request.
export const caseDesignated = {
  ...notStarted(overdue('prosecution_review', '审查起诉', '2026-02-27', '2026-03-27', -245,
    '审查起诉一个月（刑事诉讼法第一百七十二条），自2026-02-27次日起算，届满日2026-03-27')),
  "id": 251,
  "number": "嘉检刑诉受〔2026〕43号",
  "procuratorate_id": 1,
  "procuratorate": "嘉峪关市人民检察院",
  "department_id": 1,
  "department": "第一检察部",
  "received_on": "2026-02-27",
  "custody": false,
  "parties": [
    "何平"
  ],
  "source_org": "嘉峪关市公安局",
  "source_doc_no": "嘉公（刑）移诉字〔2026〕351号",
  "related_case_id": 77,
  "unit_id": 4,
  "unit": "独任检察官冯晓琳",
  "withdrawn_on": null,
  "category": "prosecution_review",
  "category_label": "审查起诉",
  "difficulty": "ordinary",
  "difficulty_label": "普通",
  "status": "assigned",
  "status_label": "已分案",
  "assignment": {
    "id": 251,
    "unit_id": 4,
    "unit": "独任检察官冯晓琳",
    "plan_id": 1,
    "plan_version": 1,
    "tolerance": 0,
    "min_pool": 3,
    "pool_size": 4,
    "band_size": 0,
    "decided_at": "2026-02-27T11:18:00+08:00",
    "approver": "郑立群",
    "request_id": 1,
    "audit_seq": 789,
    "candidates": [
      {
        "unit_id": 1,
        "unit": "第一检察部郑立群办案组",
        "position": 1,
        "weight_sum": 4,
        "share": 0.05,
        "load": 80.0,
        "eligible": false,
        "exclusion": "difficulty_not_accepted",
        "in_band": false
      },
      {
        "unit_id": 2,
        "unit": "第一检察部韩志远办案组",
        "position": 2,
        "weight_sum": 15,
        "share": 1.0,
        "load": 15.0,
        "eligible": true,
        "exclusion": "",
        "in_band": false
      },
      {
        "unit_id": 3,
        "unit": "独任检察官韩志远",
        "position": 3,
        "weight_sum": 16,
        "share": 1.0,
        "load": 16.0,
        "eligible": true,
        "exclusion": "",
        "in_band": false
      },
      {
        "unit_id": 4,
        "unit": "独任检察官冯晓琳",
        "position": 4,
        "weight_sum": 11,
        "share": 1.0,
        "load": 11.0,
        "eligible": true,
        "exclusion": "",
        "in_band": false
      },
      {
        "unit_id": 5,
        "unit": "独任检察官袁国栋",
        "position": 5,
        "weight_sum": 11,
        "share": 1.0,
        "load": 11.0,
        "eligible": true,
        "exclusion": "",
        "in_band": false
      }
    ],
    "method": "designated",
    "method_label": "指定分案",
    "unit_kind": "sole",
    "unit_kind_label": "独任检察官",
    "draw": null
  },
  "assignments": [
    {
      "id": 250,
      "unit_id": 3,
      "unit": "独任检察官韩志远",
      "plan_id": 1,
      "plan_version": 1,
      "tolerance": 0,
      "min_pool": 3,
      "pool_size": 4,
      "band_size": 0,
      "decided_at": "2026-02-27T11:18:00+08:00",
      "approver": "",
      "request_id": null,
      "audit_seq": 786,
      "candidates": [
        {
          "unit_id": 1,
          "unit": "第一检察部郑立群办案组",
          "position": 1,
          "weight_sum": 4,
          "share": 0.05,
          "load": 80.0,
          "eligible": false,
          "exclusion": "difficulty_not_accepted",
          "in_band": false
        },
        {
          "unit_id": 2,
          "unit": "第一检察部韩志远办案组",
          "position": 2,
          "weight_sum": 15,
          "share": 1.0,
          "load": 15.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        },
        {
          "unit_id": 3,
          "unit": "独任检察官韩志远",
          "position": 3,
          "weight_sum": 15,
          "share": 1.0,
          "load": 15.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        },
        {
          "unit_id": 4,
          "unit": "独任检察官冯晓琳",
          "position": 4,
          "weight_sum": 11,
          "share": 1.0,
          "load": 11.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        },
        {
          "unit_id": 5,
          "unit": "独任检察官袁国栋",
          "position": 5,
          "weight_sum": 11,
          "share": 1.0,
          "load": 11.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        }
      ],
      "method": "follow_on",
      "method_label": "捕诉一体延续",
      "unit_kind": "sole",
      "unit_kind_label": "独任检察官",
      "draw": null
    },
    {
      "id": 251,
      "unit_id": 4,
      "unit": "独任检察官冯晓琳",
      "plan_id": 1,
      "plan_version": 1,
      "tolerance": 0,
      "min_pool": 3,
      "pool_size": 4,
      "band_size": 0,
      "decided_at": "2026-02-27T11:18:00+08:00",
      "approver": "郑立群",
      "request_id": 1,
      "audit_seq": 789,
      "candidates": [
        {
          "unit_id": 1,
          "unit": "第一检察部郑立群办案组",
          "position": 1,
          "weight_sum": 4,
          "share": 0.05,
          "load": 80.0,
          "eligible": false,
          "exclusion": "difficulty_not_accepted",
          "in_band": false
        },
        {
          "unit_id": 2,
          "unit": "第一检察部韩志远办案组",
          "position": 2,
          "weight_sum": 15,
          "share": 1.0,
          "load": 15.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        },
        {
          "unit_id": 3,
          "unit": "独任检察官韩志远",
          "position": 3,
          "weight_sum": 16,
          "share": 1.0,
          "load": 16.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        },
        {
          "unit_id": 4,
          "unit": "独任检察官冯晓琳",
          "position": 4,
          "weight_sum": 11,
          "share": 1.0,
          "load": 11.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        },
        {
          "unit_id": 5,
          "unit": "独任检察官袁国栋",
          "position": 5,
          "weight_sum": 11,
          "share": 1.0,
          "load": 11.0,
          "eligible": true,
          "exclusion": "",
          "in_band": false
        }
      ],
      "method": "designated",
      "method_label": "指定分案",
      "unit_kind": "sole",
      "unit_kind_label": "独任检察官",
      "draw": null
    }
  ],
  "requests": [
    {
      "id": 1,
      "case_id": 251,
      "reason": "major_complex",
      "reason_label": "重大疑难复杂",
      "reason_text": "案情重大复杂，指定办案组承办",
      "target_unit_id": 4,
      "target_unit": "独任检察官冯晓琳",
      "requested_by_id": 4,
      "requested_by": "韩志远",
      "requested_at": "2026-02-27T11:18:00+08:00",
      "decided_by": "郑立群",
      "decision_note": "同意指定",
      "decided_at": "2026-02-27T11:18:00+08:00",
      "kind": "designation",
      "kind_label": "指定分案",
      "status": "approved",
      "status_label": "已批准"
    }
  ],
  "timeline": [
    {
      "seq": 785,
      "time": "2026-02-27T11:18:00+08:00",
      "actor": "user:6",
      "action": "case.register",
      "subject": "case:251",
      "fields": {
        "category": "prosecution_review",
        "custody": "0",
        "department": "1",
        "difficulty": "ordinary",
        "number": "嘉检刑诉受〔2026〕43号",
        "parties.0": "何平",
        "procuratorate": "1",
        "received_on": "2026-02-27",
        "related_case": "77",
        "source_doc_no": "嘉公（刑）移诉字〔2026〕351号",
        "source_org": "嘉峪关市公安局"
      },
      "hash": "d210aed867044b4681a9b626819f3168c4ecb66086781bfceb55f92fe1df0f5b"
    },
    {
      "seq": 786,
      "time": "2026-02-27T11:18:00+08:00",
      "actor": "user:6",
      "action": "case.assign",
      "subject": "case:251",
      "fields": {
        "band_size": "0",
        "case_number": "嘉检刑诉受〔2026〕43号",
        "method": "follow_on",
        "min_pool": "3",
        "plan": "1",
        "plan_version": "1",
        "pool_size": "4",
        "tolerance": "0",
        "unit": "3",
        "unit_name": "独任检察官韩志远"
      },
      "hash": "cb284d8501e2b1d8275810ebf4ac27db95c66526f0730dcfe0b5a8095b85255d"
    },
    {
      "seq": 787,
      "time": "2026-02-27T11:18:00+08:00",
      "actor": "person:4",
      "action": "assignment.request",
      "subject": "case:251",
      "fields": {
        "case_number": "嘉检刑诉受〔2026〕43号",
        "kind": "designation",
        "reason": "major_complex",
        "reason_text": "案情重大复杂，指定办案组承办",
        "request": "1",
        "requested_by": "4",
        "target": "4"
      },
      "hash": "8f95c24dd07627ad4d5d702387a22ad5d35d13dc391022b73a43fa667c6d9129"
    },
    {
      "seq": 788,
      "time": "2026-02-27T11:18:00+08:00",
      "actor": "person:1",
      "action": "assignment.request.approve",
      "subject": "case:251",
      "fields": {
        "approver": "1",
        "decision": "approved",
        "kind": "designation",
        "note": "同意指定",
        "request": "1"
      },
      "hash": "8c29fbe93f57a989e1e1aa6d270df98d0de43c3167f6e63a1de479765cdd5797"
    },
    {
      "seq": 789,
      "time": "2026-02-27T11:18:00+08:00",
      "actor": "person:1",
      "action": "case.assign",
      "subject": "case:251",
      "fields": {
        "approver": "1",
        "band_size": "0",
        "case_number": "嘉检刑诉受〔2026〕43号",
        "method": "designated",
        "min_pool": "3",
        "plan": "1",
        "plan_version": "1",
        "pool_size": "4",
        "previous_unit": "3",
        "request": "1",
        "tolerance": "0",
        "unit": "4",
        "unit_name": "独任检察官冯晓琳"
      },
      "hash": "b5eb976693bf2de5b1dca1c1fcac9f5cd39ccf5c71f225c311ac9655fd59c974"
    }
  ]
}

// No eligible unit.
export const caseUnassigned = {
  ...notStarted(null),
  "id": 601,
  "number": "嘉城检刑申受〔2026〕15号",
  "procuratorate_id": 2,
  "procuratorate": "嘉峪关市城区人民检察院",
  "department_id": 12,
  "department": "第三检察部",
  "received_on": "2026-05-19",
  "custody": false,
  "parties": [
    "曹国庆"
  ],
  "source_org": "嘉峪关市城区人民法院",
  "source_doc_no": "嘉公（刑）移字〔2026〕701号",
  "related_case_id": null,
  "unit_id": null,
  "unit": "",
  "withdrawn_on": null,
  "category": "criminal_appeal",
  "category_label": "刑事申诉",
  "difficulty": "difficult",
  "difficulty_label": "疑难",
  "status": "registered",
  "status_label": "已受理待分案",
  "assignment": null,
  "assignments": [],
  "requests": [],
  "timeline": [
    {
      "seq": 1630,
      "time": "2026-05-19T15:06:00+08:00",
      "actor": "user:21",
      "action": "case.register",
      "subject": "case:601",
      "fields": {
        "category": "criminal_appeal",
        "custody": "0",
        "department": "12",
        "difficulty": "difficult",
        "number": "嘉城检刑申受〔2026〕15号",
        "parties.0": "曹国庆",
        "procuratorate": "2",
        "received_on": "2026-05-19",
        "source_doc_no": "嘉公（刑）移字〔2026〕701号",
        "source_org": "嘉峪关市城区人民法院"
      },
      "hash": "3195ff2d7994c347646b9800d517df6218e15e65de163cd7b5ab2a8468b0939f"
    },
    {
      "seq": 1631,
      "time": "2026-05-19T15:06:00+08:00",
      "actor": "user:21",
      "action": "case.unassigned",
      "subject": "case:601",
      "fields": {
        "case_number": "嘉城检刑申受〔2026〕15号",
        "reason": "no_eligible_unit"
      },
      "hash": "a80a31a59d5e1742367d479b30445b41e434e4a1c9854f60a14bebebfd0586ce"
    }
  ]
}

// GET /cases?limit=2
export const caseListPage = {
  "cases": [
    {
      "id": 1425,
      "number": "嘉城检赔受〔2026〕27号",
      "procuratorate_id": 2,
      "procuratorate": "嘉峪关市城区人民检察院",
      "department_id": 12,
      "department": "第三检察部",
      "received_on": "2026-11-26",
      "custody": false,
      "parties": [
        "马洋",
        "胡杰"
      ],
      "source_org": "嘉峪关市城区人民法院",
      "source_doc_no": "嘉公（刑）移字〔2026〕1523号",
      "related_case_id": null,
      "unit_id": 31,
      "unit": "第三检察部毕淑芬办案组",
      "withdrawn_on": "2026-11-26",
      "category": "state_compensation",
      "category_label": "国家赔偿",
      "difficulty": "difficult",
      "difficulty_label": "疑难",
      "status": "withdrawn",
      "status_label": "已撤回"
    },
    {
      "id": 1424,
      "number": "嘉城检公益受〔2026〕92号",
      "procuratorate_id": 2,
      "procuratorate": "嘉峪关市城区人民检察院",
      "department_id": 14,
      "department": "第五检察部",
      "received_on": "2026-11-26",
      "custody": false,
      "parties": [
        "郭强"
      ],
      "source_org": "嘉峪关市中级人民法院",
      "source_doc_no": "嘉公（刑）移字〔2026〕1522号",
      "related_case_id": null,
      "unit_id": 38,
      "unit": "独任检察官申立新",
      "withdrawn_on": null,
      "category": "public_interest",
      "category_label": "公益诉讼",
      "difficulty": "ordinary",
      "difficulty_label": "普通",
      "status": "assigned",
      "status_label": "已分案"
    }
  ],
  "next_cursor": 1424
}
