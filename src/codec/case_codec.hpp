// JSON for cases, shared by the CLI (zeren case add) and the HTTP API: the same keys everywhere.
// Decoding is strict: an unknown key, a wrong type or a bad value is an error naming the field.
#pragma once

#include <boost/json/fwd.hpp>
#include <string_view>

#include "app/use_cases.hpp"

namespace zeren::codec {

// Keys: procuratorate (name or 院代字), department (name), category (审查起诉 … or code),
// received_on (YYYY-MM-DD), difficulty (普通/疑难), custody (bool), parties (list of names),
// source_org, source_doc_no, and optional related_case (case number or id), recusals and
// investigators (lists of person ids or names in that 院).
Result<CaseIntake> decode_intake(Transaction& tx, std::string_view body);

// {"case_id", "case_number", "status", "assignment": {"unit", "unit_id", "unit_kind", "method",
//  "pool_size", "band_size"} | null, "unassigned_reason"?}
Result<boost::json::object> encode_intake_result(Transaction& tx, const app::IntakeResult& r);

}  // namespace zeren::codec
