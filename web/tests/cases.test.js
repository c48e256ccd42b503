// The assignment explanation: every candidate with its exclusion in words, the chosen unit
// marked, a sentence per method built from the record, the draw proof and its re-verification,
// and the language switch.
import { afterEach, describe, expect, it } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n } from '../src/i18n.js'
import AssignmentExplanation from '../src/components/AssignmentExplanation.vue'
import { caseChanged, caseRotation, caseDesignated } from './case-fixtures.js'
import { stubApi } from './case-helpers.js'

function explain(assignment, { current = true, caseId = 1 } = {}) {
  return mount(AssignmentExplanation, {
    props: { assignment, caseId, current },
    global: { plugins: [ElementPlus, i18n] },
  })
}
const sentenceOf = (w) => w.get('[data-test="assignment-sentence"]').text()

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('AssignmentExplanation', () => {
  it('lists every candidate with its exclusion reason and marks the chosen one', () => {
    const a = caseChanged.assignment
    const w = explain(a)
    const rows = w.findAll('[data-test="candidate-row"]')
    expect(rows).toHaveLength(a.candidates.length)
    expect(rows.map((r) => r.find('th').text().replace('选中', '').trim())).toEqual(a.candidates.map((c) => c.unit))

    const chosen = w.findAll('[data-test="candidate-row"].chosen')
    expect(chosen).toHaveLength(1)
    expect(chosen[0].text()).toContain('第一检察部韩志远办案组')
    expect(chosen[0].text()).toContain('选中')

    const byUnit = Object.fromEntries(rows.map((r, i) => [a.candidates[i].unit, r.text()]))
    expect(byUnit['第一检察部郑立群办案组']).toContain('不承办此难易程度的案件')
    expect(byUnit['独任检察官冯晓琳']).toContain('原承办单元（更换承办人）')
    expect(byUnit['独任检察官袁国栋']).toContain('不承办此类案件')
    expect(byUnit['独任检察官袁国栋']).not.toContain('category_not_accepted')
  })

  it('shows an exclusion code it does not know as the code', () => {
    const a = structuredClone(caseChanged.assignment)
    a.candidates[0].exclusion = 'on_secondment'
    expect(explain(a).findAll('[data-test="candidate-row"]')[0].text()).toContain('on_secondment')
  })

  it('explains a random draw made on a change of handler, with a small pool', () => {
    const w = explain(caseChanged.assignment)
    expect(w.get('[data-test="assignment-method"]').text()).toBe('随机分案')
    expect(sentenceOf(w)).toBe(
      '符合条件的 2 个办案单元中，负荷最低（不超过最低负荷 + 容差 0）的 1 个进入候选范围，经可验证随机抽签选中 第一检察部韩志远办案组。' +
        '这是经 马文涛 批准第 5 号更换承办人申请后的重新分案，原承办单元不参与。' +
        '符合条件的单元少于方案规定的 3 个，已向案件管理部预警。',
    )
  })

  it('explains a plain random draw without the extras', () => {
    const first = caseChanged.assignments[0]
    expect(sentenceOf(explain(first))).toBe(
      '符合条件的 3 个办案单元中，负荷最低（不超过最低负荷 + 容差 0）的 1 个进入候选范围，经可验证随机抽签选中 独任检察官冯晓琳。',
    )
  })

  it('explains rotation, follow-on and designation differently', () => {
    const rotation = explain(caseRotation.assignment)
    expect(rotation.get('[data-test="assignment-method"]').text()).toBe('轮流分案')
    expect(sentenceOf(rotation)).toBe(
      '符合条件的 3 个办案单元中，负荷最低（不超过最低负荷 + 容差 0）的 3 个进入候选范围，按部门轮流顺序由 第五检察部申立新办案组 承办。',
    )
    expect(rotation.find('[data-test="draw-proof"]').exists()).toBe(false)
    expect(rotation.find('[data-test="verify-draw"]').exists()).toBe(false)

    const followOn = explain(caseDesignated.assignments[0])
    expect(sentenceOf(followOn)).toContain('捕诉一体')
    expect(sentenceOf(followOn)).toContain('独任检察官韩志远')
    expect(sentenceOf(followOn)).not.toContain('抽签选中')

    const designated = explain(caseDesignated.assignment)
    expect(designated.get('[data-test="assignment-method"]').text()).toBe('指定分案')
    expect(sentenceOf(designated)).toBe('经 郑立群 批准第 1 号指定分案申请，本案由 独任检察官冯晓琳 承办。')
    expect(designated.text()).toContain('郑立群')
  })

  it('shows every field of the draw and asks the server to verify it', async () => {
    const a = caseChanged.assignment
    const calls = stubApi({
      [`GET /cases/367/assignments/${a.id}/verify`]: { ok: true, revealed: true, seq: a.audit_seq, problem: '' },
    })
    const w = explain(a, { caseId: 367 })
    const proof = w.get('[data-test="draw-proof"]')
    expect(proof.classes()).toContain('mono')
    for (const key of ['epoch_id', 'day', 'commitment', 'revealed', 'secret', 'value', 'index']) {
      expect(proof.find(`[data-field="${key}"]`).exists(), key).toBe(true)
    }
    expect(proof.get('[data-field="secret"]').text()).toBe(a.draw.secret)
    expect(proof.get('[data-field="value"]').text()).toBe(a.draw.value)
    expect(proof.get('[data-field="index"]').text()).toBe('0')

    expect(w.find('[data-test="verify-result"]').exists()).toBe(false)
    await w.get('[data-test="verify-draw"]').trigger('click')
    await flushPromises()
    expect(calls.at(-1)).toMatchObject({ method: 'GET', path: `/cases/367/assignments/${a.id}/verify` })
    const result = w.get('[data-test="verify-result"]')
    expect(result.text()).toContain('验证通过')
    expect(result.text()).toContain(String(a.audit_seq))
  })

  it('says when the draw cannot be checked yet, and shows a refusal', async () => {
    const a = caseChanged.assignment
    stubApi({ [`GET /cases/1/assignments/${a.id}/verify`]: { ok: false, revealed: false, seq: 9, problem: '' } })
    const w = explain(a)
    await w.get('[data-test="verify-draw"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-test="verify-result"]').text()).toContain('尚未揭示')

    stubApi({
      [`GET /cases/1/assignments/${a.id}/verify`]: [400, {
        error: { code: 'not_a_draw', message: '该分案不是随机分案，没有可验证的抽签 (this assignment was not a random draw)', field: 'assignment' },
      }],
    })
    await w.get('[data-test="verify-draw"]').trigger('click')
    await flushPromises()
    expect(w.get('[data-test="verify-result"]').text()).toContain('没有可验证的抽签')
  })

  it('puts the browser hooks on the current assignment only', () => {
    const w = explain(caseChanged.assignments[0], { current: false })
    expect(w.find('[data-test="assignment-explanation"]').exists()).toBe(false)
    expect(w.find('[data-test="candidate-row"]').exists()).toBe(false)
    expect(w.find('[data-test="draw-proof"]').exists()).toBe(false)
    expect(w.findAll('table.candidates tbody tr')).toHaveLength(5)
    expect(w.find('tr.chosen').exists()).toBe(true)
  })

  it('speaks English when switched', async () => {
    const w = explain(caseChanged.assignment)
    i18n.global.locale.value = 'en'
    await flushPromises()
    expect(w.get('[data-test="assignment-method"]').text()).toBe('Random draw')
    expect(sentenceOf(w)).toMatch(/^Of the 2 eligible handling units, the 1 with the lowest load/)
    expect(sentenceOf(w)).toContain('a verifiable random draw chose 第一检察部韩志远办案组.')
    expect(w.text()).toContain('Previous handler (change of handler)')
    expect(w.text()).toContain('Ask the server to verify this draw again')
    expect(w.text()).not.toContain('随机分案')
  })
})
