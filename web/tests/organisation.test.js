// 组织与办案单元: what each permission shows (add / edit / absence / accounts / roles, never one's
// own roles, only one's own 院), the department filter, an edit sending only what changed, a
// server error naming and marking its field, and the English labels.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import ElementPlus, { ElSelect } from 'element-plus'
import { i18n } from '../src/i18n.js'
import { session } from '../src/session.js'
import { makeRouter } from '../src/router.js'
import OrganisationView from '../src/views/OrganisationView.vue'

// Answers captured from `zeren demo` through `zeren serve`, a few of each.
const account = (id, username, roles, role_labels, permissions) => ({
  id, username, roles, role_labels, procuratorate_id: 1, person_id: null, must_change_password: false,
  procuratorate: '嘉峪关市人民检察院', person: '', permissions,
})
const chief = account(1, 'jianchazhang', ['prosecutor', 'chief'], ['员额检察官', '检察长'], ['read_organisation', 'read_cases', 'decide_reassignment', 'decide_plans', 'read_statistics'])
const sysadmin = account(13, 'xitong', ['sysadmin'], ['系统管理员'], ['read_organisation', 'manage_organisation', 'read_accounts', 'manage_accounts', 'read_statistics'])
const secadmin = account(14, 'anquan', ['secadmin'], ['安全管理员'], ['read_organisation', 'read_accounts', 'manage_accounts', 'grant_roles', 'read_statistics'])

const procuratorates = [
  { id: 1, name: '嘉峪关市人民检察院', short_code: '嘉', level: 'city', level_label: '市级院', parent_id: null },
  { id: 2, name: '嘉峪关市城区人民检察院', short_code: '嘉城', level: 'district', level_label: '区县院', parent_id: 1 },
]
const departments = [
  { id: 1, name: '第一检察部', procuratorate_id: 1, kind: 'business', kind_label: '业务部门', categories: ['arrest_review', 'prosecution_review'], category_labels: ['审查逮捕', '审查起诉'] },
  { id: 6, name: '案件管理部', procuratorate_id: 1, kind: 'case_management', kind_label: '案件管理部', categories: [], category_labels: [] },
  { id: 10, name: '第一检察部', procuratorate_id: 2, kind: 'business', kind_label: '业务部门', categories: ['arrest_review', 'prosecution_review'], category_labels: ['审查逮捕', '审查起诉'] },
]
const units = [
  {
    id: 1, name: '第一检察部郑立群办案组', department_id: 1, department: '第一检察部', lead_id: 1, lead: '郑立群',
    members: [{ id: 6, name: '袁国栋' }, { id: 15, name: '庞雨欣' }], categories: ['arrest_review', 'prosecution_review'],
    category_labels: ['审查逮捕', '审查起诉'], difficulties: ['difficult'], difficulty_labels: ['疑难'], share: 0.05, position: 1,
    active: true, kind: 'team', kind_label: '检察官办案组',
  },
  {
    id: 3, name: '独任检察官韩志远', department_id: 1, department: '第一检察部', lead_id: 4, lead: '韩志远', members: [{ id: 22, name: '卜晓东' }],
    categories: ['arrest_review', 'prosecution_review'], category_labels: ['审查逮捕', '审查起诉'], difficulties: ['ordinary', 'difficult'],
    difficulty_labels: ['普通', '疑难'], share: 1.0, position: 3, active: true, kind: 'sole', kind_label: '独任检察官',
  },
  {
    id: 21, name: '第一检察部谭守诚办案组', department_id: 10, department: '第一检察部', lead_id: 44, lead: '谭守诚', members: [{ id: 45, name: '岳晓红' }],
    categories: ['arrest_review'], category_labels: ['审查逮捕'], difficulties: ['difficult'], difficulty_labels: ['疑难'], share: 0.05,
    position: 1, active: false, kind: 'team', kind_label: '检察官办案组',
  },
]
const person = (id, name, procuratorate_id, department_id, department, category, category_label, extra = {}) => ({
  id, name, procuratorate_id, department_id, department, posts: [], post_labels: [], absences: [], category, category_label, ...extra,
})
const people = [
  person(1, '郑立群', 1, 1, '第一检察部', 'prosecutor', '员额检察官', { posts: ['chief', 'committee_member'], post_labels: ['检察长', '检委会委员'] }),
  person(5, '冯晓琳', 1, 1, '第一检察部', 'prosecutor', '员额检察官', { absences: [{ from: '2026-12-01', to: '2026-12-05', reason: '培训<i>x</i>' }] }),
  person(40, '冉丽华', 1, 6, '案件管理部', 'admin_staff', '司法行政人员'),
  person(44, '谭守诚', 2, 10, '第一检察部', 'prosecutor', '员额检察官'),
]
const users = [chief, sysadmin, secadmin].map(({ permissions, ...u }) => u)

function stubApi(extra = {}) {
  const routes = {
    'GET /procuratorates': { procuratorates },
    'GET /departments': { departments },
    'GET /units': { units },
    'GET /people': { people },
    'GET /users': { users },
    ...extra,
  }
  const calls = []
  vi.stubGlobal('fetch', vi.fn(async (url, init = {}) => {
    const u = new URL(url, 'http://localhost')
    const call = { method: init.method ?? 'GET', path: u.pathname.replace(/^\/api\/v1/, ''), body: init.body ? JSON.parse(init.body) : undefined }
    calls.push(call)
    const answer = routes[`${call.method} ${call.path}`]
    const [status, body] = Array.isArray(answer) ? answer : answer === undefined ? [404, { error: { code: 'not_found', message: 'not found' } }] : [200, answer]
    return { ok: status < 300, status, statusText: '', text: async () => JSON.stringify(body) }
  }))
  return calls
}

async function mountPage(user) {
  session.user = user
  session.checked = true
  const router = makeRouter(createMemoryHistory())
  await router.push('/organisation')
  const wrapper = mount(OrganisationView, { attachTo: document.body, global: { plugins: [ElementPlus, i18n, router] } })
  await flushPromises()
  return wrapper
}
const count = (w, test) => w.findAll(`[data-test="${test}"]`).length
const settle = () => new Promise((r) => setTimeout(r, 150)) // Element Plus shows form errors after a short delay

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('OrganisationView', () => {
  it('shows the organisation without any change buttons to a reader', async () => {
    const calls = stubApi()
    const w = await mountPage(chief)
    expect(count(w, 'unit-row')).toBe(3)
    expect(w.get('[data-test="unit-row"]').text()).toContain('第一检察部郑立群办案组')
    expect(count(w, 'person-row')).toBe(4)
    expect(count(w, 'department-row')).toBe(3)
    for (const hook of ['unit-add', 'unit-edit', 'absence-add', 'org-tab-accounts', 'account-add', 'roles-edit']) expect(count(w, hook)).toBe(0)
    expect(calls.some((c) => c.path === '/users')).toBe(false)
    // Typed text stays text.
    expect(w.text()).toContain('2026-12-01 至 2026-12-05（培训<i>x</i>）')
    expect(w.find('[data-test="person-row"] td i').exists()).toBe(false)
    w.unmount()
  })

  it('lets an organisation manager add and edit units and record absences of their own 院 only', async () => {
    stubApi()
    const w = await mountPage(sysadmin)
    expect(count(w, 'unit-add')).toBe(1)
    expect(count(w, 'unit-edit')).toBe(2) // not the unit of 城区院
    expect(count(w, 'absence-add')).toBe(3) // not the person of 城区院
    expect(count(w, 'org-tab-accounts')).toBe(1)
    expect(count(w, 'account-add')).toBe(1)
    expect(count(w, 'roles-edit')).toBe(0)
    w.unmount()
  })

  it('lets the security administrator set the roles of every account but their own', async () => {
    stubApi()
    const w = await mountPage(secadmin)
    expect(count(w, 'unit-add')).toBe(0)
    const rows = w.findAll('[data-test="account-row"]')
    expect(rows).toHaveLength(3)
    expect(rows.map((r) => r.find('[data-test="roles-edit"]').exists())).toEqual([true, true, false])
    expect(rows[2].text()).toContain('（本人）')
    w.unmount()
  })

  it('filters units and people by department', async () => {
    stubApi()
    const w = await mountPage(chief)
    w.findComponent(ElSelect).vm.$emit('update:modelValue', 10)
    await flushPromises()
    expect(w.findAll('[data-test="unit-row"]').map((r) => r.find('th').text())).toEqual(['第一检察部谭守诚办案组'])
    expect(w.findAll('[data-test="person-row"]').map((r) => r.find('th').text())).toEqual(['谭守诚'])
    w.unmount()
  })

  it('sends only what changed and marks the field the server refuses', async () => {
    const calls = stubApi({
      'PUT /units/3': [409, { error: { code: 'already_exists', message: 'already exists: a unit of that name in the department', field: 'name' } }],
    })
    const w = await mountPage(sysadmin)
    await w.findAll('[data-test="unit-edit"]')[1].trigger('click')
    await flushPromises()
    await w.get('[data-test="unit-name"]').setValue('第一检察部郑立群办案组')
    await w.get('[data-test="unit-submit"]').trigger('submit')
    await flushPromises()
    await settle()

    const put = calls.find((c) => c.method === 'PUT')
    expect(put.path).toBe('/units/3')
    expect(put.body).toEqual({ name: '第一检察部郑立群办案组' })
    expect(w.get('.el-dialog .el-alert').text()).toBe('名称：该部门已有同名的办案单元')
    const nameItem = w.get('[data-test="unit-name"]').element.closest('.el-form-item')
    expect(nameItem.classList.contains('is-error')).toBe(true)
    expect(nameItem.textContent).toContain('请检查此项')
    w.unmount()
  })

  it('reports a saved edit and reloads the units', async () => {
    const calls = stubApi({ 'PUT /units/3': { ...units[1], active: false } })
    const w = await mountPage(sysadmin)
    await w.findAll('[data-test="unit-edit"]')[1].trigger('click')
    await flushPromises()
    await w.get('[data-test="unit-active"] input').setValue(false)
    await w.get('[data-test="unit-submit"]').trigger('submit')
    await flushPromises()
    expect(calls.find((c) => c.method === 'PUT').body).toEqual({ active: false })
    expect(w.get('[data-test="org-done"]').text()).toContain('已保存办案单元 独任检察官韩志远')
    expect(calls.filter((c) => c.path === '/units')).toHaveLength(2)
    w.unmount()
  })

  it('switches to English', async () => {
    stubApi()
    const w = await mountPage(sysadmin)
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(w.get('[data-test="org-tab-units"]').text()).toBe('Handling units')
    expect(w.get('[data-test="org-tab-accounts"]').text()).toBe('Accounts')
    expect(w.get('[data-test="unit-add"]').text()).toBe('Add a unit')
    const row = w.findAll('[data-test="unit-row"]')[1].text()
    expect(row).toContain('Sole prosecutor')
    expect(row).toContain('Arrest review, Prosecution review')
    expect(w.findAll('[data-test="person-row"]')[0].text()).toContain('Chief prosecutor, Committee member')
    w.unmount()
  })
})
