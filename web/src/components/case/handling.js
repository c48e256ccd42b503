// What the case page's handling parts share: the case answer in one shape, the form rules of the
// handling dialogs, and one way for such a dialog to send its change (validate, post, close on
// success and emit `done` with the success message as a function of the language; a server
// refusal stays in the dialog, naming and marking its field, as RequestDialog does).
import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { errorText } from '../../errors.js'
import { useFormSubmit } from '../../composables/useFormSubmit.js'

// GET /cases/{id} answers the case's fields with `assignments`, `requests`, `timeline` and the
// handling arrays beside them; should the case come wrapped as `{ case: {...}, ... }` (as the
// changes answer it), it is unwrapped into the same flat object. The handling arrays default to
// empty so that the parts showing them need not ask, and notices and reports are read in the
// contract's words also where the server names them as follow-ups (below).
export function caseDetail(answer) {
  if (!answer) return answer
  const { case: inner, ...rest } = answer
  const flat = inner && typeof inner === 'object' ? { ...rest, ...inner } : answer
  return {
    ...flat,
    decisions: flat.decisions ?? [],
    acts: flat.acts ?? [],
    notices: (flat.notices ?? []).map(noticeOf),
    reports: (flat.reports ?? []).map(reportOf),
    pre_reviews: flat.pre_reviews ?? [],
  }
}

// A notice and a report are both a follow-up the handling unit answers; a server may name their
// fields that way (`requested_by_name`, `requested_on`, `due_on`, `answer`, `answered_by_name`,
// `answered_on`, `can_answer`) rather than as the contract does.
const answerOf = (f) => ({
  text: f.answer ?? null,
  by: f.answered_by_name ?? null,
  on: f.answered_on ?? null,
  can: f.can_answer ?? false,
})
function noticeOf(n) {
  const a = answerOf(n)
  return {
    ...n,
    issued_by_name: n.issued_by_name ?? n.requested_by_name ?? '',
    issued_on: n.issued_on ?? n.requested_on ?? '',
    reply_due: n.reply_due ?? n.due_on ?? '',
    reply: n.reply ?? a.text,
    replied_by_name: n.replied_by_name ?? a.by,
    replied_on: n.replied_on ?? a.on,
    can_reply: n.can_reply ?? a.can,
  }
}
function reportOf(r) {
  const a = answerOf(r)
  return {
    ...r,
    report: r.report ?? a.text,
    filed_by_name: r.filed_by_name ?? a.by,
    filed_on: r.filed_on ?? a.on,
    can_file: r.can_file ?? a.can,
  }
}

// Whether the answer comes from a server that handles cases (it then has `actions`).
export const handlesCases = (kase) => Array.isArray(kase?.actions) || 'deadline' in (kase ?? {})

// Long texts (reasoning, reports, replies) and short ones (notes, reasons).
export const MAX_LONG = 2000
export const MAX_SHORT = 500

export function useHandlingRules() {
  const { t } = useI18n()
  return {
    // A text that must have more than blanks in it.
    text: (label) => ({ required: true, whitespace: true, message: t('handling.rules.required', { field: label }), trigger: 'blur' }),
    choose: (label) => ({ required: true, message: t('handling.rules.choose', { field: label }), trigger: 'change' }),
    max: (label, max) => ({ max, message: t('handling.rules.tooLong', { field: label, max }), trigger: 'blur' }),
  }
}

// One handling dialog's form. `open` is the dialog's v-model (a ref); each time it opens,
// `fill()` resets the form and the last server error goes. `labels` (a computed) names the fields
// in a server error.
export function useHandlingDialog({ open, emit, fill, labels }) {
  const { t } = useI18n()
  const { formRef, busy, serverError, submit } = useFormSubmit()

  watch(open, (shown) => {
    if (!shown) return
    fill()
    serverError.value = null
    formRef.value?.clearValidate()
  })

  const errorMessage = computed(() => (serverError.value ? errorText(serverError.value, labels.value) : ''))
  const fieldError = (prop) => (serverError.value?.field === prop ? t('handling.checkField') : '')

  // Validates the form, then runs `send`, which posts and returns the success message (a function
  // of the language); success closes the dialog and emits `done` with it and the answer.
  async function save(send) {
    const result = await submit(send)
    if (result === undefined) return
    open.value = false
    emit('done', result.message, result.answer)
  }

  return { formRef, busy, errorMessage, fieldError, save }
}

// The body of a change: the trimmed texts, without the empty optional ones.
export function body(fields) {
  const out = {}
  for (const [k, v] of Object.entries(fields)) {
    const value = typeof v === 'string' ? v.trim() : v
    if (value === '' || value === null || value === undefined) continue
    out[k] = value
  }
  return out
}
