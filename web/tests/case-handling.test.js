// Handling a case on the case page: the deadline and its state, only the buttons of the case's
// `actions`, proposing a decision (本人决定 or 报检察长决定) and seeing it, the holder's
// 批准 / 不批准 (a refusal needs a note before anything is sent) / 提交检委会, written objections only
// where allowed, replies and reports, a server refusal marking its field, and English.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../src/i18n.js'
import CaseView from '../src/views/CaseView.vue'
import TransitionDialog from '../src/components/case/TransitionDialog.vue'
import { caseChanged, people, units } from './case-fixtures.js'
import { mountPage, stubApi } from './case-helpers.js'
import { chief, handledCase, issuedReturn, pendingNonProsecution, prosecutor } from './handling-fixtures.js'

function openCase(kase, { user = prosecutor, routes = {} } = {}) {
  const calls = stubApi({
    [`GET /cases/${kase.id}`]: kase,
    'GET /people': { people },
    'GET /units': { units },
    ...routes,
  })
  return mountPage(CaseView, { path: `/cases/${kase.id}`, props: { id: kase.id }, user }).then((m) => ({ ...m, calls }))
}

const text = (w, hook) => w.get(`[data-test="${hook}"]`).text()
// Dialogs are teleported to <body>: their parts are found in the document, in the open dialog
// (a closed one stays in the document, hidden).
const shown = (el) => el.closest('.el-overlay')?.style.display !== 'none'
const $ = (hook) => [...document.querySelectorAll(`[data-test="${hook}"]`)].find(shown) ?? null
// An Element Plus tag's classes (in tests its attributes land on the transition stub around it).
const tagClasses = (w, hook) => {
  const el = w.get(`[data-test="${hook}"]`)
  return (el.classes().includes('el-tag') ? el : el.get('.el-tag')).classes()
}
const daysClasses = (w) => w.get('[data-test="days-left"]').classes()
async function type(hook, value) {
  const el = $(hook)
  el.value = value
  el.dispatchEvent(new Event('input'))
  await flushPromises()
}
async function click(el) {
  el.click()
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50)) // form validation settles after a tick or two
  await flushPromises()
}
const posts = (calls) => calls.filter((c) => c.method === 'POST')

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('CaseView: handling', () => {
  it('shows the deadline, its state and basis, the returns and flags', async () => {
    const { wrapper } = await openCase(handledCase())
    const deadline = wrapper.get('[data-test="case-deadline"]')
    expect(deadline.text()).toContain('审查起诉期限')
    expect(deadline.text()).toContain('2026-11-02')
    expect(text(wrapper, 'deadline-due')).toBe('2026-12-02')
    expect(text(wrapper, 'deadline-state')).toBe('临近到期')
    expect(tagClasses(wrapper, 'deadline-state')).toContain('el-tag--warning')
    expect(text(wrapper, 'days-left')).toBe('剩余 5 天')
    expect(daysClasses(wrapper)).toContain('days-near')
    expect(text(wrapper, 'deadline-basis')).toContain('刑事诉讼法第一百七十二条')
    expect(text(wrapper, 'case-returns')).toBe('已退回补充侦查 1/2 次')
    expect(wrapper.find('[data-test="case-complex"]').exists()).toBe(true)
    expect(wrapper.find('[data-test="case-extended"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="case-fast-track"]').exists()).toBe(false)
    expect(text(wrapper, 'case-flag')).toContain('重大疑难复杂')
    expect(text(wrapper, 'case-flag')).toContain('涉案人数多，社会关注度高')
    expect(text(wrapper, 'case-status')).toBe('待决定')
  })

  it('shows an overdue deadline in red and a missing one in words', async () => {
    const overdue = handledCase({ deadline: { ...handledCase().deadline, days_left: -3, state: 'overdue' } })
    const { wrapper } = await openCase(overdue)
    expect(text(wrapper, 'deadline-state')).toBe('已超期')
    expect(tagClasses(wrapper, 'deadline-state')).toContain('el-tag--danger')
    expect(text(wrapper, 'days-left')).toBe('已超期 3 天')
    expect(daysClasses(wrapper)).toContain('days-overdue')
    wrapper.unmount()

    const none = await openCase(handledCase({ deadline: null }))
    expect(none.wrapper.find('[data-test="case-deadline"]').exists()).toBe(false)
    expect(text(none.wrapper, 'case-deadline-none')).toContain('没有法定办案期限')
  })

  it('shows only the buttons of the case’s actions', async () => {
    const { wrapper } = await openCase(handledCase())
    const buttons = wrapper.findAll('[data-test^="action-"]').map((b) => b.attributes('data-test'))
    expect(buttons).toEqual(['action-propose_decision', 'action-record_act'])
    expect(text(wrapper, 'action-propose_decision')).toBe('提出决定')
    wrapper.unmount()

    const manager = await openCase(handledCase({ actions: ['start', 'archive', 'flag', 'issue_notice', 'some_future_code'] }))
    expect(manager.wrapper.findAll('[data-test^="action-"]').map((b) => b.text())).toEqual(['开始办理', '标记', '发出监控通知', '归档'])
    manager.wrapper.unmount()

  })

  it('lists the decisions with their holder, 文书号 and who proposed and decided', async () => {
    const { wrapper } = await openCase(handledCase())
    const [issued, pending] = wrapper.findAll('[data-test="decision"]')
    expect(issued.get('[data-test="decision-type"]').text()).toBe('退回补充侦查')
    expect(issued.get('[data-test="decision-status"]').text()).toBe('已作出')
    expect(issued.get('[data-test="decision-power"]').text()).toBe('本人决定')
    expect(issued.get('[data-test="decision-document"]').text()).toBe('嘉检刑退查〔2026〕12号')
    expect(issued.get('[data-test="decision-decided"]').text()).toBe('韩志远 · 2026-10-12 09:30')
    expect(pending.get('[data-test="decision-status"]').text()).toBe('待决定')
    expect(pending.get('[data-test="decision-power"]').text()).toBe('报检察长决定')
    expect(pending.text()).toContain('犯罪情节轻微')
    // The prosecutor neither decides nor objects to these.
    expect(wrapper.find('[data-test="decision-approve"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="decision-object"]').exists()).toBe(false)
    // Acts, notices, reports, pre-reviews.
    expect(text(wrapper, 'case-acts')).toContain('讯问犯罪嫌疑人')
    expect(text(wrapper, 'notice-state')).toBe('待回复')
    expect(text(wrapper, 'report-state')).toBe('逾期未报告')
    expect(text(wrapper, 'case-reports')).toContain('重大疑难复杂')
    expect(text(wrapper, 'pre-review')).toContain('注意审查自首情节的认定')
  })

  it('proposes a decision, says who holds the power, and shows the result', async () => {
    let kase = handledCase({ status: 'in_progress', status_label: '办理中', decisions: [] })
    const issued = {
      ...issuedReturn, id: 40, type: 'prosecute', type_label: '提起公诉', reasoning: '犯罪事实清楚，证据确实、充分。',
      proposed_at: '2026-11-27T10:00:00+08:00', decided_at: '2026-11-27T10:00:00+08:00', document_number: '嘉检刑诉〔2026〕7号',
    }
    const { wrapper, calls } = await openCase(kase, {
      routes: {
        'GET /cases/1423': () => kase,
        'POST /cases/1423/decisions': () => {
          kase = handledCase({ status: 'concluded', status_label: '已办结', decisions: [issued], actions: [] })
          return [201, { decision: issued, case: kase }]
        },
      },
    })
    expect(text(wrapper, 'decisions-empty')).toBe('尚未提出决定。')
    await click(wrapper.get('[data-test="action-propose_decision"]').element)
    expect($('propose-type-prosecute').textContent).toContain('本人决定')
    expect($('propose-type-non_prosecution_statutory').textContent).toContain('报检察长决定')

    // Nothing is sent without a type and reasoning.
    await click($('propose-submit'))
    expect(posts(calls)).toHaveLength(0)

    await click($('propose-type-prosecute').querySelector('input'))
    expect($('propose-hint').textContent).toContain('本人决定：提交后即作出决定')
    await type('propose-reasoning', '  犯罪事实清楚，证据确实、充分。 ')
    await click($('propose-submit'))
    expect(posts(calls)).toEqual([
      { method: 'POST', path: '/cases/1423/decisions', query: {}, body: { type: 'prosecute', reasoning: '犯罪事实清楚，证据确实、充分。' } },
    ])
    // The case is loaded again and shows the decision; a message says what happened.
    expect(calls.filter((c) => c.path === '/cases/1423' && c.method === 'GET')).toHaveLength(2)
    const decision = wrapper.get('[data-test="decision"]')
    expect(decision.text()).toContain('提起公诉')
    expect(decision.text()).toContain('嘉检刑诉〔2026〕7号')
    expect(text(wrapper, 'case-status')).toBe('已办结')
    expect(document.querySelector('.el-message').textContent).toContain('已作出决定：提起公诉（嘉检刑诉〔2026〕7号）。')
    expect(wrapper.find('[data-test="case-actions"]').exists()).toBe(false)
  })

  it('says a proposal goes to the chief when the chief holds the power', async () => {
    const pending = { ...pendingNonProsecution, id: 41, type: 'non_prosecution_statutory', type_label: '法定不起诉' }
    const { wrapper } = await openCase(handledCase({ decisions: [] }), {
      routes: { 'POST /cases/1423/decisions': [201, { decision: pending, case: handledCase() }] },
    })
    await click(wrapper.get('[data-test="action-propose_decision"]').element)
    await click($('propose-type-non_prosecution_statutory').querySelector('input'))
    expect($('propose-hint').textContent).toContain('该事项须报检察长决定')
    await type('propose-reasoning', '不构成犯罪')
    await click($('propose-submit'))
    expect(document.querySelector('.el-message').textContent).toContain('已报检察长决定：法定不起诉。')
  })

  it('lets the chief approve a pending decision', async () => {
    const pending = { ...pendingNonProsecution, can_decide: true }
    const { wrapper, calls } = await openCase(handledCase({ decisions: [pending], actions: ['pre_review', 'instruct_report'] }), {
      user: chief,
      routes: { 'POST /decisions/32/decision': { decision: { ...pending, status: 'issued' }, case: handledCase() } },
    })
    const row = wrapper.get('[data-test="decision"]')
    expect(row.get('[data-test="decision-approve"]').text()).toBe('批准')
    expect(row.get('[data-test="decision-reject"]').text()).toBe('不批准')
    expect(row.get('[data-test="decision-refer"]').text()).toBe('提交检委会')
    await click(row.get('[data-test="decision-approve"]').element)
    expect($('decide-summary').textContent).toContain('相对不起诉')
    await click($('decide-submit'))
    expect(posts(calls)[0]).toMatchObject({ path: '/decisions/32/decision', body: { outcome: 'approve' } })
    expect(document.querySelector('.el-message').textContent).toContain('已批准：相对不起诉。')
  })

  it('refuses a rejection without a note before sending, then sends it with another type instead', async () => {
    const pending = { ...pendingNonProsecution, can_decide: true }
    const { wrapper, calls } = await openCase(handledCase({ decisions: [pending] }), {
      user: chief,
      routes: { 'POST /decisions/32/decision': { decision: { ...pending, status: 'rejected', contrary: true }, case: handledCase() } },
    })
    await click(wrapper.get('[data-test="decision-reject"]').element)
    await type('decide-note', '   ')
    await click($('decide-submit'))
    expect(posts(calls)).toHaveLength(0)
    await new Promise((r) => setTimeout(r, 150)) // Element Plus shows a form error after a short delay
    expect(document.querySelector('.el-form-item__error').textContent).toContain('不批准时必须说明理由')

    // 改为决定…: the other types of 审查起诉.
    const instead = wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-test') === 'decide-instead')
    expect(instead.findAllComponents({ name: 'ElOption' }).map((o) => o.props('value'))).toEqual([
      'prosecute', 'non_prosecution_statutory', 'non_prosecution_evidence', 'return_for_investigation', 'extend_review',
    ])
    instead.vm.$emit('update:modelValue', 'prosecute')
    await type('decide-note', '情节不属轻微，应当提起公诉')
    await click($('decide-submit'))
    expect(posts(calls)).toEqual([{
      method: 'POST', path: '/decisions/32/decision', query: {},
      body: { outcome: 'reject', note: '情节不属轻微，应当提起公诉', instead: 'prosecute' },
    }])
    expect(document.querySelector('.el-message').textContent).toContain('未批准相对不起诉，改为决定：提起公诉。')
  })

  it('offers a written objection only where the decision allows it', async () => {
    const contrary = {
      ...issuedReturn, decided_by_name: '郑立群', contrary: true, can_object: true,
      objections: [{ by_name: '冯晓琳', text: '证据已经充分', at: '2026-10-13T09:00:00+08:00' }],
    }
    const { wrapper, calls } = await openCase(handledCase({ decisions: [contrary, pendingNonProsecution] }), {
      routes: { 'POST /decisions/31/objections': [201, {}] },
    })
    const [first, second] = wrapper.findAll('[data-test="decision"]')
    expect(first.find('[data-test="decision-contrary"]').exists()).toBe(true)
    expect(first.get('[data-test="decision-objection"]').text()).toContain('证据已经充分')
    expect(first.find('[data-test="decision-object"]').exists()).toBe(true)
    expect(second.find('[data-test="decision-object"]').exists()).toBe(false)
    await click(first.get('[data-test="decision-object"]').element)
    await type('write-text', '本人认为应当继续补充侦查')
    await click($('write-submit'))
    expect(posts(calls)).toEqual([{ method: 'POST', path: '/decisions/31/objections', query: {}, body: { text: '本人认为应当继续补充侦查' } }])
    expect(document.querySelector('.el-message').textContent).toContain('书面异议已提交。')
  })

  it('replies to a notice and files a report', async () => {
    const { wrapper, calls } = await openCase(handledCase(), {
      routes: { 'POST /notices/3/reply': { case: handledCase() }, 'POST /reports/4': { case: handledCase() } },
    })
    await click(wrapper.get('[data-test="notice-reply"]').element)
    expect($('write-subject').textContent).toBe('请说明审查进度及逾期风险')
    await type('write-text', '已完成审查，拟于本周作出决定')
    await click($('write-submit'))
    await click(wrapper.get('[data-test="report-file"]').element)
    await type('write-text', '案件情况报告如下')
    await click($('write-submit'))
    expect(posts(calls).map((c) => [c.path, c.body])).toEqual([
      ['/notices/3/reply', { text: '已完成审查，拟于本周作出决定' }],
      ['/reports/4', { text: '案件情况报告如下' }],
    ])
  })

  it('flags a case saying it creates a report to the chief', async () => {
    const { wrapper, calls } = await openCase(handledCase({ actions: ['flag'] }), {
      routes: { 'POST /cases/1423/flags': [201, { case: handledCase() }] },
    })
    await click(wrapper.get('[data-test="action-flag"]').element)
    expect($('flag-report-note').textContent).toContain('向检察长的报告')
    const select = wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-test') === 'flag-flag')
    select.vm.$emit('update:modelValue', 'quality_risk')
    await type('flag-note', '证据链存在缺口')
    await click($('flag-submit'))
    expect(posts(calls)[0]).toMatchObject({ path: '/cases/1423/flags', body: { flag: 'quality_risk', note: '证据链存在缺口' } })
    expect(document.querySelector('.el-message').textContent).toContain('已标记为“办案质量风险”，并已生成向检察长的报告。')
  })

  it('resumes with the day the file came back', async () => {
    const { wrapper, calls } = await openCase(handledCase({ status: 'returned', actions: ['resume'] }), {
      routes: { 'POST /cases/1423/transitions': { case: handledCase() } },
    })
    await click(wrapper.get('[data-test="action-resume"]').element)
    const picker = wrapper.findComponent(TransitionDialog).findComponent({ name: 'ElDatePicker' })
    expect(picker.props('modelValue')).toMatch(/^\d{4}-\d\d-\d\d$/) // today, unless changed
    picker.vm.$emit('update:modelValue', '2026-11-26')
    await flushPromises()
    await click($('transition-submit'))
    expect(posts(calls)[0]).toMatchObject({ path: '/cases/1423/transitions', body: { action: 'resume', on: '2026-11-26' } })
  })

  it('marks the field the server refuses, in the dialog', async () => {
    const { wrapper } = await openCase(handledCase(), {
      routes: {
        'POST /cases/1423/acts': [400, { error: { code: 'invalid_date', message: '日期不能晚于今天 (on is in the future)', field: 'on' } }],
      },
    })
    await click(wrapper.get('[data-test="action-record_act"]').element)
    const kind = wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-test') === 'act-kind')
    kind.vm.$emit('update:modelValue', 'interrogation')
    await click($('act-submit'))
    await new Promise((r) => setTimeout(r, 150)) // Element Plus shows a form error after a short delay
    const dialog = $('act-submit').closest('.el-dialog')
    expect(dialog.querySelector('.el-alert').textContent).toContain('日期：日期不能晚于今天')
    expect([...dialog.querySelectorAll('.el-form-item__error')].map((e) => e.textContent)).toContain('请核对此项')
    expect(document.querySelector('.el-message')).toBeNull()
  })

  it('shows a notice’s reply and who gave it, and offers no second reply', async () => {
    const kase = handledCase({
      notices: [{
        id: 3, level: 'oral', level_label: '口头提示', content: '请说明审查进度', requested_by_name: '冉丽华', requested_on: '2026-11-20',
        due_on: '2026-11-30', answer: '已完成审查', answered_by_name: '韩志远', answered_on: '2026-11-22', state: 'answered', state_label: '已答复', can_answer: false,
      }],
    })
    const { wrapper } = await openCase(kase)
    const notices = text(wrapper, 'case-notices')
    for (const s of ['口头提示', '冉丽华', '2026-11-20', '2026-11-30', '已完成审查', '韩志远', '2026-11-22', '已回复']) expect(notices).toContain(s)
    expect(wrapper.find('[data-test="notice-reply"]').exists()).toBe(false)
    expect(wrapper.find('[data-test="report-file"]').exists()).toBe(true)
  })

  it('shows what was proposed when the holder decided otherwise, and where a closed case went', async () => {
    const contrary = {
      ...pendingNonProsecution, status: 'issued', status_label: '已作出', type: 'prosecute', type_label: '提起公诉',
      proposed_type: 'non_prosecution_discretionary', proposed_type_label: '相对不起诉', contrary: true,
      decided_by_name: '郑立群', decided_at: '2026-11-26T09:00:00+08:00', note: '情节不属轻微', document_number: '嘉检刑诉〔2026〕9号',
    }
    const { wrapper } = await openCase(handledCase({
      decisions: [contrary], status: 'transferred', status_label: '已移送', deadline: null, actions: [],
      transferred_to: '嘉峪关市城区人民检察院', transferred_on: '2026-11-27', max_returns: 2,
    }))
    expect(text(wrapper, 'decision-type')).toBe('提起公诉')
    expect(text(wrapper, 'decision-proposed-type')).toBe('相对不起诉')
    expect(wrapper.find('[data-test="decision-contrary"]').exists()).toBe(true)
    expect(text(wrapper, 'case-closed')).toBe('2026-11-27 移送嘉峪关市城区人民检察院')
  })

  it('speaks English when switched', async () => {
    const { wrapper } = await openCase(handledCase({ decisions: [{ ...pendingNonProsecution, can_decide: true }] }), { user: chief })
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(text(wrapper, 'deadline-state')).toBe('Due soon')
    expect(text(wrapper, 'days-left')).toBe('5 d left')
    expect(text(wrapper, 'case-returns')).toBe('Returned for supplementary investigation 1/2 times')
    expect(text(wrapper, 'decision-type')).toBe('Discretionary non-prosecution')
    expect(text(wrapper, 'decision-power')).toBe('For decision by: Chief prosecutor')
    expect(text(wrapper, 'decision-approve')).toBe('Approve')
    expect(text(wrapper, 'action-propose_decision')).toBe('Propose a decision')
    expect(wrapper.text()).toContain('Personal acts')
    expect(wrapper.text()).not.toContain('办理情况')
  })
})
