// What the organisation page's tabs and dialogs share: the words for the API's codes and for a
// person, the names of the 院, and the department filter.
import { computed } from 'vue'
import { useCodeLabel } from '../../codes.js'

export function useOrgLabels() {
  const { codeLabel, codeLabels } = useCodeLabel()
  const personLabel = (p) => `${p.name}（${p.department} · ${codeLabel('personCategory', p.category, p.category_label)}）`

  return { codeLabel, codeLabels, personLabel }
}

// The 院 of `procuratorates()` (a getter for the Procuratorate list): whether there are several
// (then the tables name each row's 院) and the name of one.
export function useProcuratorates(procuratorates) {
  const manyProcuratorates = computed(() => procuratorates().length > 1)
  const procuratorateName = (id) => procuratorates().find((p) => p.id === id)?.name ?? ''
  return { manyProcuratorates, procuratorateName }
}

// The rows of `list` in the department `departmentId`. The select's "clear" leaves no id
// (undefined or ''): then every department.
export const inDepartment = (list, departmentId) =>
  departmentId ? list.filter((x) => x.department_id === departmentId) : list
