// Who holds the power to decide, as the pages say it: 本人决定 when it is the prosecutor's own,
// else 报检察长决定 (报部门负责人决定 …).
import { useI18n } from 'vue-i18n'
import { useCodeLabel } from '../../codes.js'

export function usePower() {
  const { t } = useI18n()
  const { codeLabel } = useCodeLabel()
  const power = (holder, holderLabel = '') =>
    holder === 'prosecutor'
      ? t('handling.power.self')
      : t('handling.power.reportTo', { holder: codeLabel('holder', holder, holderLabel) })
  return { power }
}
