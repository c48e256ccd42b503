// What the case page's handling dialogs share: their form rules, and one way for such a dialog to send its change (validate, post, close on
// success and emit `done` with the success message as a function of the language; a server
// refusal stays in the dialog, naming and marking its field, as RequestDialog does).
import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { errorText } from '../../errors.js'
import { useFormSubmit } from '../../composables/useFormSubmit.js'

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
