// The case page: facts with user text kept as text, the current and earlier assignments, the
// timeline and requests in words, and the two requests a permitted reader may make.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../src/i18n.js'
import CaseView from '../src/views/CaseView.vue'
import RequestDialog from '../src/components/case/RequestDialog.vue'
import { caseChanged, caseUnassigned, people, sessionUser, units } from './case-fixtures.js'
import { mountPage, ruleMessages, stubApi, userWith } from './case-helpers.js'

const HOSTILE = '<img src=x onerror=alert(1)>'

function openCase(kase, { user = sessionUser, routes = {} } = {}) {
  const calls = stubApi({
    [`GET /cases/${kase.id}`]: kase,
    'GET /people': { people },
    'GET /units': { units },
    ...routes,
  })
  return mountPage(CaseView, { path: `/cases/${kase.id}`, props: { id: kase.id }, user }).then((m) => ({ ...m, calls }))
}

const text = (w, hook) => w.get(`[data-test="${hook}"]`).text()

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('CaseView', () => {
  it('shows a hostile party name as literal text', async () => {
    const { wrapper } = await openCase(caseChanged)
    const parties = wrapper.findAll('[data-test="case-party"]')
    expect(parties.map((p) => p.text())).toEqual([HOSTILE, '许强'])
    expect(parties[0].element.children).toHaveLength(0)
    expect(document.querySelectorAll('img')).toHaveLength(0)
  })

  it('shows the facts and the current assignment with the browser hooks once', async () => {
    const { wrapper } = await openCase(caseChanged)
    expect(text(wrapper, 'case-number')).toBe('嘉检刑捕受〔2026〕55号')
    expect(text(wrapper, 'case-status')).toBe('已分案')
    expect(text(wrapper, 'case-unit')).toBe('第一检察部韩志远办案组')
    expect(wrapper.findAll('[data-test="assignment-explanation"]')).toHaveLength(1)
    expect(wrapper.findAll('[data-test="candidate-row"]')).toHaveLength(caseChanged.assignment.candidates.length)
    expect(wrapper.findAll('[data-test="draw-proof"]')).toHaveLength(1)
    expect(text(wrapper, 'assignment-method')).toBe('随机分案')
    // The earlier assignment, collapsible, with its own explanation.
    const earlier = wrapper.findAll('.el-collapse-item')
    expect(earlier).toHaveLength(1)
    expect(earlier[0].text()).toContain('独任检察官冯晓琳')
    expect(earlier[0].text()).toContain('经可验证随机抽签选中 独任检察官冯晓琳')
  })

  it('translates the timeline and names the people it can', async () => {
    const { wrapper } = await openCase(caseChanged)
    const timeline = text(wrapper, 'case-timeline')
    for (const action of ['收案登记', '分案', '提出申请', '批准申请']) expect(timeline).toContain(action)
    expect(timeline).toContain('冉丽华') // user:6, the reader's own account
    expect(timeline).toContain('韩志远') // person:4
    expect(timeline).toContain('马文涛') // person:2, the approver
    expect(timeline).toContain('回避') // the request's reason
    expect(timeline).toContain('独任检察官冯晓琳') // previous_unit 4, named from the candidates
    expect(timeline).not.toContain('candidates.')
    expect(timeline).not.toContain('case.assign')
  })

  it('shows another account by its id', async () => {
    const { wrapper } = await openCase(caseChanged, { user: { ...sessionUser, id: 7, person: '马文涛' } })
    expect(text(wrapper, 'case-timeline')).toContain('账号 6')
  })

  it('lists the requests with kind and status', async () => {
    const { wrapper } = await openCase(caseChanged)
    const rows = wrapper.findAll('[data-test="case-requests"] tbody tr')
    expect(rows).toHaveLength(1)
    expect(rows[0].text()).toContain('更换承办人')
    expect(rows[0].text()).toContain('已批准')
    expect(rows[0].text()).toContain('同意更换')
  })

  it('offers the requests only to those permitted', async () => {
    const reader = userWith(sessionUser, ['read_cases', 'read_organisation'])
    const { wrapper } = await openCase(caseChanged, { user: reader })
    expect(wrapper.find('[data-test="request-change"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="request-designation"]').exists()).toBe(false)

    const manager = await openCase(caseChanged)
    expect(manager.wrapper.find('[data-test="request-change"]').exists()).toBe(true)
    expect(manager.wrapper.find('[data-test="request-designation"]').exists()).toBe(true)
  })

  it('sends a change of handler, reloads the case and says so', async () => {
    const { wrapper, calls } = await openCase(caseChanged, {
      routes: { 'POST /cases/367/handler-change-requests': [201, { ...caseChanged.requests[0], id: 19, status: 'pending' }] },
    })
    await wrapper.get('[data-test="request-change"]').trigger('click')
    await flushPromises()
    const dialog = wrapper.findComponent(RequestDialog)
    dialog.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'other')
    await flushPromises()

    // "Other" needs an explanation.
    const form = dialog.findComponent({ name: 'ElForm' })
    expect(await ruleMessages(form)).toEqual({ reason_text: '理由为“其他”时请填写说明' })

    await dialog.get('[data-test="change-text"]').setValue('  承办人与当事人系同学  ')
    expect(await ruleMessages(form)).toEqual({})
    await dialog.get('[data-test="change-submit"]').trigger('click')
    await flushPromises()
    const post = calls.find((c) => c.method === 'POST')
    expect(post).toMatchObject({ path: '/cases/367/handler-change-requests', body: { reason: 'other', reason_text: '承办人与当事人系同学' } })
    expect(calls.filter((c) => c.path === '/cases/367')).toHaveLength(2)
    expect(text(wrapper, 'request-sent')).toContain('申请已提交')
  })

  it('shows the server’s refusal in the dialog, naming the field', async () => {
    const { wrapper } = await openCase(caseChanged, {
      routes: {
        'POST /cases/367/handler-change-requests': [400, {
          error: { code: 'reason_text_required', message: '理由为“其他”时须填写说明 (reason_text is required for other)', field: 'reason_text' },
        }],
      },
    })
    await wrapper.get('[data-test="request-change"]').trigger('click')
    await flushPromises()
    const dialog = wrapper.findComponent(RequestDialog)
    dialog.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'recusal')
    await dialog.get('form').trigger('submit')
    await flushPromises()
    expect(dialog.get('.el-alert').text()).toContain('说明：理由为“其他”时须填写说明')
    expect(wrapper.find('[data-test="request-sent"]').exists()).toBe(false)
  })

  it('asks for a designation of a unit of the case’s department', async () => {
    const elsewhere = { ...units[0], id: 99, department_id: 2, department: '第二检察部', name: '第二检察部某办案组' }
    const { wrapper, calls } = await openCase(caseChanged, {
      routes: {
        'GET /units': { units: [...units, elsewhere] },
        'POST /cases/367/designation-requests': [201, { ...caseChanged.requests[0], id: 20, kind: 'designation', status: 'pending' }],
      },
    })
    await wrapper.get('[data-test="request-designation"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.path === '/units').query).toEqual({ department: '1' })
    const dialog = wrapper.findComponent(RequestDialog)
    expect(dialog.props('units').map((u) => u.id)).toEqual(units.map((u) => u.id))

    const [unitSelect, reasonSelect] = dialog.findAllComponents({ name: 'ElSelect' })
    unitSelect.vm.$emit('update:modelValue', 5)
    reasonSelect.vm.$emit('update:modelValue', 'major_complex')
    await dialog.get('[data-test="designation-submit"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/cases/367/designation-requests',
      body: { unit_id: 5, reason: 'major_complex' },
    })
    expect(wrapper.find('[data-test="request-sent"]').exists()).toBe(true)
  })

  it('says why a case is not assigned and offers no change of handler', async () => {
    const { wrapper } = await openCase(caseUnassigned)
    expect(wrapper.find('[data-test="assignment-explanation"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('没有符合条件的办案单元')
    expect(wrapper.find('[data-test="case-unit"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="request-change"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="request-designation"]').exists()).toBe(true)
    expect(text(wrapper, 'case-timeline')).toContain('未能分案')
  })

  it('switches its labels to English', async () => {
    const { wrapper } = await openCase(caseChanged)
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(wrapper.text()).toContain('Details')
    expect(wrapper.text()).toContain('Assignment explanation')
    expect(text(wrapper, 'case-timeline')).toContain('Case registered')
    expect(text(wrapper, 'case-status')).toBe('Assigned')
    expect(text(wrapper, 'request-change')).toBe('Request a change of handler')
    expect(wrapper.text()).not.toContain('基本情况')
  })
})
