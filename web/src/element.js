// The Element Plus components the UI uses, registered one by one so that Vite leaves the rest of
// the library out of the bundle (it halves the script a first visit downloads and parses).
// A page that starts using another component adds it here.
import {
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCheckboxGroup, ElCollapse, ElCollapseItem,
  ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog,
  ElForm, ElFormItem, ElHeader, ElInput, ElInputNumber, ElLoading, ElMain, ElMenu, ElMenuItem,
  ElOption, ElOptionGroup, ElPagination, ElRadio, ElRadioGroup, ElSelect, ElSkeleton, ElSwitch,
  ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem,
} from 'element-plus'

export const components = [
  ElAlert, ElAside, ElButton, ElCard, ElCheckbox, ElCheckboxGroup, ElCollapse, ElCollapseItem,
  ElConfigProvider, ElContainer, ElDatePicker, ElDescriptions, ElDescriptionsItem, ElDialog,
  ElForm, ElFormItem, ElHeader, ElInput, ElInputNumber, ElMain, ElMenu, ElMenuItem,
  ElOption, ElOptionGroup, ElPagination, ElRadio, ElRadioGroup, ElSelect, ElSkeleton, ElSwitch,
  ElTabPane, ElTable, ElTableColumn, ElTabs, ElTag, ElTimeline, ElTimelineItem,
]

export function installElement(app) {
  for (const c of components) app.use(c)
  app.use(ElLoading) // the v-loading directive
  return app
}
