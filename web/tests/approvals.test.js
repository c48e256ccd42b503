// 待我审批: the inbox lists what GET /approvals returns, a decision goes to the API with the CSRF
// token, the outcome (the new unit) is shown, a rejection needs a reason before anything is sent,
// decide buttons follow the permissions, and the English switch changes the words.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory } from 'vue-router'
import ElementPlus from 'element-plus'
import { i18n } from '../src/i18n.js'
import { session } from '../src/session.js'
import { setCsrfToken } from '../src/api.js'
import { makeRouter } from '../src/router.js'
import ApprovalsView from '../src/views/ApprovalsView.vue'
import { approvalDecision } from './handling-fixtures.js'

// Answers captured from `zeren demo` through `zeren serve` (the assignment's candidates trimmed).
const deputy = {
  id: 2, username: 'fujianchazhang', roles: ['prosecutor', 'deputy_chief'], role_labels: ['员额检察官', '副检察长'],
  procuratorate_id: 1, person_id: 2, must_change_password: false, procuratorate: '嘉峪关市人民检察院', person: '马文涛',
  permissions: ['read_organisation', 'read_cases', 'request_designation', 'request_handler_change', 'decide_reassignment', 'read_plans', 'read_alerts', 'read_anomalies', 'read_statistics'],
}
const chief = {
  ...deputy, id: 1, username: 'jianchazhang', roles: ['prosecutor', 'chief'], role_labels: ['员额检察官', '检察长'], person_id: 1, person: '郑立群',
  permissions: [...deputy.permissions, 'propose_plans', 'decide_plans'],
}
const request = {
  id: 23, case_id: 1423, reason: 'workload', reason_label: '工作量调整', reason_text: '承办人工作量过大<b>!</b>',
  target_unit_id: null, target_unit: '', requested_by_id: 40, requested_by: '冉丽华', requested_at: '2026-11-27T11:03:06+08:00',
  decided_by: '', decision_note: '', decided_at: null, kind: 'change_of_handler', kind_label: '更换承办人',
  status: 'pending', status_label: '待审批', case_number: '嘉检刑捕受〔2026〕208号',
}
const plan = {
  id: 12, department_id: 2, department: '第二检察部', version: 2, effective_from: '2027-01-01', proposed_by: '冉丽华', approved_by: '',
  rules: {
    weight_ordinary: 1, weight_difficult: 3, tolerance: 0, min_pool: 3, mode: 'balanced_random', mode_label: '均衡随机',
    designation_approver: 'chief', designation_approver_label: '检察长', change_approver: 'supervising_deputy', change_approver_label: '分管副检察长',
  },
  status: 'proposed', status_label: '待批准',
}
const decided = {
  ...request, decided_by: '马文涛', decision_note: '同意更换', decided_at: '2026-11-27T11:03:07+08:00', status: 'approved', status_label: '已批准',
  assignment: {
    id: 1442, unit_id: 8, unit: '独任检察官唐慧敏', plan_id: 2, plan_version: 1, tolerance: 0, min_pool: 3, pool_size: 2, band_size: 1,
    decided_at: '2026-11-27T11:03:07+08:00', approver: '马文涛', request_id: 23, audit_seq: 3665,
    candidates: [{ unit_id: 8, unit: '独任检察官唐慧敏', position: 4, weight_sum: 51, share: 1.0, load: 51.0, eligible: true, exclusion: '', in_band: true }],
    method: 'random', method_label: '随机分案', unit_kind: 'sole', unit_kind_label: '独任检察官',
    draw: { epoch_id: 237, value: 'fe5217128440de89a77676b8cc4bba48191f2ff7ca901e792035d7e8f8dd3d51', index: 0 },
  },
}
const theCase = { id: 1423, number: request.case_number, department_id: 2, unit_id: 7, category: 'arrest_review', difficulty: 'difficult' }
const unit = (id, name, extra = {}) => ({
  id, name, department_id: 2, department: '第二检察部', lead_id: id, lead: '', members: [], categories: ['arrest_review', 'prosecution_review'],
  category_labels: ['审查逮捕', '审查起诉'], difficulties: ['ordinary', 'difficult'], difficulty_labels: ['普通', '疑难'],
  share: 1, position: id, active: true, kind: 'sole', kind_label: '独任检察官', ...extra,
})
const units = [unit(6, '第二检察部马文涛办案组'), unit(7, '第二检察部唐慧敏办案组'), unit(8, '独任检察官唐慧敏'), unit(9, '独任检察官葛永平', { difficulties: ['ordinary'] })]

// Stubs fetch: `routes` maps "METHOD /path" to a body, [status, body] or a function of the call.
// Returns the calls made: { method, path, query, body, headers }.
function stubApi(routes) {
  const calls = []
  vi.stubGlobal('fetch', vi.fn(async (url, init = {}) => {
    const u = new URL(url, 'http://localhost')
    const call = {
      method: init.method ?? 'GET', path: u.pathname.replace(/^\/api\/v1/, ''), query: Object.fromEntries(u.searchParams),
      body: init.body ? JSON.parse(init.body) : undefined, headers: init.headers ?? {},
    }
    calls.push(call)
    let answer = routes[`${call.method} ${call.path}`]
    if (typeof answer === 'function') answer = answer(call)
    const [status, body] = Array.isArray(answer) ? answer : answer === undefined ? [404, { error: { code: 'not_found', message: 'not found' } }] : [200, answer]
    return { ok: status < 300, status, statusText: '', text: async () => JSON.stringify(body) }
  }))
  return calls
}

async function mountInbox(user) {
  session.user = user
  session.checked = true
  const router = makeRouter(createMemoryHistory())
  await router.push('/approvals')
  const wrapper = mount(ApprovalsView, { attachTo: document.body, global: { plugins: [ElementPlus, i18n, router] } })
  await flushPromises()
  return wrapper
}

// The dialog is teleported to <body>.
const $ = (test) => document.querySelector(`[data-test="${test}"]`)
async function typeNote(text) {
  const note = $('decision-note')
  note.value = text
  note.dispatchEvent(new Event('input'))
  await flushPromises()
}
async function submitDecision() {
  $('decision-submit').click()
  await flushPromises()
}

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

describe('ApprovalsView', () => {
  it('lists the waiting requests with their case, kind, reason and requester', async () => {
    stubApi({ 'GET /approvals': { requests: [request], plans: [] } })
    const w = await mountInbox(deputy)
    const rows = w.findAll('[data-test="approval-request"]')
    expect(rows).toHaveLength(1)
    const text = rows[0].text()
    for (const s of ['嘉检刑捕受〔2026〕208号', '更换承办人', '工作量调整', '重新随机分案', '冉丽华', '2026-11-27 11:03']) expect(text).toContain(s)
    expect(rows[0].get('a').attributes('href')).toBe('/cases/1423')
    // The reason text is shown as typed, never as HTML.
    expect(text).toContain('承办人工作量过大<b>!</b>')
    expect(rows[0].find('b').exists()).toBe(false)
    expect(w.find('[data-test="approval-plan"]').exists()).toBe(false)
    w.unmount()
  })

  it('approves with the CSRF token and shows the unit the case went to', async () => {
    setCsrfToken('csrf-123')
    let pending = [request]
    const calls = stubApi({
      'GET /approvals': () => ({ requests: pending, plans: [] }),
      'GET /cases/1423': theCase,
      'GET /units': { units },
      'POST /requests/23/decision': () => {
        pending = []
        return decided
      },
    })
    const w = await mountInbox(deputy)
    await w.get('[data-test="approve"]').trigger('click')
    await flushPromises()
    // A change of handler may go to a unit of the case's department instead of a new draw.
    expect($('decision-unit')).not.toBeNull()
    expect(calls.find((c) => c.path === '/units').query).toEqual({ department: '2' })
    await typeNote('同意更换')
    await submitDecision()

    const post = calls.find((c) => c.method === 'POST')
    expect(post.path).toBe('/requests/23/decision')
    expect(post.body).toEqual({ approve: true, note: '同意更换' })
    expect(post.headers['X-CSRF-Token']).toBe('csrf-123')
    const done = w.get('[data-test="decision-done"]').text()
    expect(done).toContain('嘉检刑捕受〔2026〕208号')
    expect(done).toContain('独任检察官唐慧敏')
    expect(calls.filter((c) => c.path === '/approvals')).toHaveLength(2)
    expect(w.find('[data-test="approvals-empty"]').exists()).toBe(true)
    w.unmount()
  })

  it('refuses a rejection without a reason before sending anything', async () => {
    const calls = stubApi({ 'GET /approvals': { requests: [request], plans: [] } })
    const w = await mountInbox(deputy)
    await w.get('[data-test="reject"]').trigger('click')
    await flushPromises()
    await typeNote('   ')
    await submitDecision()
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    await new Promise((r) => setTimeout(r, 150)) // Element Plus shows a form error after a short delay
    expect(document.querySelector('.el-form-item__error').textContent).toContain('理由')
    w.unmount()
  })

  it('sends a rejection with its reason', async () => {
    const calls = stubApi({
      'GET /approvals': { requests: [request], plans: [] },
      'POST /requests/23/decision': { ...decided, status: 'rejected', assignment: null },
    })
    const w = await mountInbox(deputy)
    await w.get('[data-test="reject"]').trigger('click')
    await flushPromises()
    await typeNote('理由不充分')
    await submitDecision()
    expect(calls.find((c) => c.method === 'POST').body).toEqual({ approve: false, note: '理由不充分' })
    expect(w.get('[data-test="decision-done"]').text()).toContain('已驳回')
    w.unmount()
  })

  it('shows the server’s refusal in the dialog', async () => {
    stubApi({
      'GET /approvals': { requests: [request], plans: [] },
      'POST /requests/23/decision': [403, { error: { code: 'self_approval', message: 'no self approval' } }],
    })
    const w = await mountInbox(deputy)
    await w.get('[data-test="approve"]').trigger('click')
    await flushPromises()
    await submitDecision()
    expect(document.querySelector('.el-dialog .el-alert').textContent).toContain('不能审批本人提出的申请或方案')
    expect(w.find('[data-test="decision-done"]').exists()).toBe(false)
    w.unmount()
  })

  it('lets the chief approve a plan and shows its rules', async () => {
    const calls = stubApi({
      'GET /approvals': { requests: [], plans: [plan] },
      'POST /plans/12/decision': { ...plan, status: 'approved', approved_by: '郑立群' },
    })
    const w = await mountInbox(chief)
    const row = w.get('[data-test="approval-plan"]')
    for (const s of ['第二检察部', '第 2 版', '2027-01-01', '均衡随机', '普通 1，疑难 3', '分管副检察长', '冉丽华']) expect(row.text()).toContain(s)
    await row.get('[data-test="approve"]').trigger('click')
    await flushPromises()
    await submitDecision()
    const post = calls.find((c) => c.method === 'POST')
    expect(post.path).toBe('/plans/12/decision')
    expect(post.body).toEqual({ approve: true })
    expect(w.get('[data-test="decision-done"]').text()).toContain('第二检察部分案方案第 2 版')
    w.unmount()
  })

  it('shows no decide buttons without the permission to decide', async () => {
    stubApi({ 'GET /approvals': { requests: [request], plans: [plan] } })
    const w = await mountInbox({ ...chief, permissions: chief.permissions.filter((p) => !p.startsWith('decide_')) })
    expect(w.findAll('[data-test="approval-request"]')).toHaveLength(1)
    expect(w.find('[data-test="approve"]').exists()).toBe(false)
    expect(w.find('[data-test="reject"]').exists()).toBe(false)
    w.unmount()
  })

  it('says so when nothing waits', async () => {
    stubApi({ 'GET /approvals': { requests: [], plans: [] } })
    const w = await mountInbox(deputy)
    expect(w.get('[data-test="approvals-empty"]').text()).toBe('目前没有等待您审批的事项。')
    w.unmount()
  })

  it('switches to English', async () => {
    stubApi({ 'GET /approvals': { requests: [request], plans: [plan] } })
    const w = await mountInbox(chief)
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(w.get('h1').text()).toBe('My approvals')
    const row = w.get('[data-test="approval-request"]').text()
    expect(row).toContain('Change of handler')
    expect(row).toContain('Workload adjustment')
    expect(row).toContain('Approve')
    expect(w.get('[data-test="approval-plan"]').text()).toContain('Mode: Balanced random')
    w.unmount()
  })
})

describe('ApprovalsView: decisions on cases', () => {
  it('lists the decisions waiting for this user with approve, reject and refer', async () => {
    stubApi({ 'GET /approvals': { requests: [], plans: [], decisions: [approvalDecision] } })
    const w = await mountInbox(chief)
    expect(w.find('[data-test="approvals-empty"]').exists()).toBe(false)
    const row = w.get('[data-test="approval-decision"]')
    for (const s of ['嘉检刑诉受〔2026〕88号', '第一检察部', '相对不起诉', '报检察长决定', '犯罪情节轻微', '韩志远', '2026-11-25 15:00']) expect(row.text()).toContain(s)
    expect(row.get('a').attributes('href')).toBe('/cases/1423')
    expect(row.findAll('button').map((b) => b.text())).toEqual(['批准', '不批准', '提交检委会'])
    w.unmount()
  })

  it('shows no decide buttons on a decision the user cannot decide', async () => {
    stubApi({ 'GET /approvals': { requests: [], plans: [], decisions: [{ ...approvalDecision, can_decide: false }] } })
    const w = await mountInbox(chief)
    expect(w.get('[data-test="approval-decision"]').findAll('button')).toHaveLength(0)
    w.unmount()
  })

  it('refers a decision to the committee and says so', async () => {
    let pending = [approvalDecision]
    const calls = stubApi({
      'GET /approvals': () => ({ requests: [], plans: [], decisions: pending }),
      'POST /decisions/32/decision': () => {
        pending = []
        return { decision: { ...approvalDecision, status: 'referred' }, case: {} }
      },
    })
    const w = await mountInbox(chief)
    await w.get('[data-test="decision-refer"]').trigger('click')
    await flushPromises()
    expect($('decide-summary').textContent).toContain('嘉检刑诉受〔2026〕88号')
    $('decide-submit').click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    await flushPromises()
    const post = calls.find((c) => c.method === 'POST')
    expect(post.path).toBe('/decisions/32/decision')
    expect(post.body).toEqual({ outcome: 'refer' })
    expect(w.get('[data-test="decision-done"]').text()).toBe('嘉检刑诉受〔2026〕88号 · 已提交检察委员会：相对不起诉。')
    expect(w.find('[data-test="approvals-empty"]').exists()).toBe(true)
    w.unmount()
  })

  it('refuses to reject a decision without a reason', async () => {
    const calls = stubApi({ 'GET /approvals': { requests: [], plans: [], decisions: [approvalDecision] } })
    const w = await mountInbox(chief)
    await w.get('[data-test="decision-reject"]').trigger('click')
    await flushPromises()
    $('decide-submit').click()
    await flushPromises()
    await new Promise((r) => setTimeout(r, 150))
    expect(calls.some((c) => c.method === 'POST')).toBe(false)
    expect(document.querySelector('.el-form-item__error').textContent).toContain('不批准时必须说明理由')
    w.unmount()
  })
})
