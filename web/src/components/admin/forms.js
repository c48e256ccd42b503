// What the organisation page's dialogs share: the form rules, the save that closes a dialog on
// success, and a server error shown in the dialog, naming its field and marking it in the form.
import { computed, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { errorText } from '../../errors.js'
import { useFormSubmit } from '../../composables/useFormSubmit.js'

export const ROLES = [
  'case_manager', 'prosecutor', 'assistant', 'clerk', 'dept_head', 'deputy_chief', 'chief',
  'committee_member', 'discipline', 'personnel', 'people_supervisor', 'sysadmin', 'secadmin', 'auditor',
]
const ADMIN_ROLES = ['sysadmin', 'secadmin', 'auditor'] // 三员: each held alone
// Server error fields that name a form field under another key.
const FIELD_ALIASES = { department: 'department_id', lead: 'lead_id', members: 'member_ids', person: 'person_id', 'absence.from': 'from', 'absence.to': 'to' }

// Form rules made from a field's label.
export function useRules() {
  const { t } = useI18n()
  return {
    required: (label, kind = 'required') => ({ required: true, message: t(`admin.rules.${kind}`, { field: label }), trigger: kind === 'choose' ? 'change' : 'blur' }),
    maxLength: (label, max) => ({ max, message: t('admin.rules.tooLong', { field: label, max }), trigger: 'blur' }),
    oneLine: (label) => ({ pattern: /^[^\r\n]*$/, message: t('admin.rules.oneLine', { field: label }), trigger: 'blur' }),
  }
}

// One dialog's form. `open` is the dialog's v-model: each time it opens, `fill()` resets the form
// and the last server error goes. `labels` (a computed) names the fields in a server error.
// `emit` is the dialog's, which emits `done`.
export function useDialogForm({ open, emit, fill, labels }) {
  const { t, locale } = useI18n()
  const { formRef, busy, serverError, submit } = useFormSubmit()

  watch(open, (shown) => {
    if (!shown) return
    fill()
    serverError.value = null
    formRef.value?.clearValidate()
  })

  const serverField = computed(() => FIELD_ALIASES[serverError.value?.field] ?? serverError.value?.field)
  const fieldError = (prop) => (serverField.value === prop ? t('admin.rules.checkField') : '')
  const errorMessage = computed(() => (serverError.value ? errorText(serverError.value, labels.value) : ''))
  // Form labels in a fixed column wide enough for the longest label of the language.
  const labelWidth = computed(() => (locale.value === 'en' ? '9.5em' : '7em'))

  // Validates the form, then runs `send` (which returns the success message as a function of the
  // language); success emits `done` with it and closes the dialog, a server error stays in it.
  async function save(send) {
    const message = await submit(send)
    if (message === undefined) return
    emit('done', message)
    open.value = false
  }

  return { formRef, busy, errorMessage, fieldError, labelWidth, save }
}

// For the account and roles dialogs: the account fields' labels, a role's name, and the rules for
// a set of roles (at least one; 三员 each held alone).
export function useAccountFields() {
  const { t } = useI18n()
  const { required } = useRules()

  const labels = computed(() => {
    const l = (k) => t(`admin.org.accounts.${k}`)
    return { username: l('username'), password: l('password'), roles: l('roles'), person_id: l('person'), person: l('person'), procuratorate_id: t('admin.org.columns.procuratorate') }
  })
  function adminRolesAlone(_rule, roles, callback) {
    if (roles.length > 1 && roles.some((r) => ADMIN_ROLES.includes(r))) callback(new Error(t('admin.org.accounts.rolesSeparated')))
    else callback()
  }
  const rolesRule = computed(() => [
    { type: 'array', ...required(labels.value.roles, 'choose') },
    { validator: adminRolesAlone, trigger: 'change' },
  ])
  const roleLabel = (code) => t(`codes.role.${code}`)

  return { labels, rolesRule, roleLabel }
}
