// The intake form: choices from the organisation in scope, rules whose messages name the field
// in the current language, the body it posts, the case page it goes to, and the server's refusal
// shown with the field marked.
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { i18n } from '../src/i18n.js'
import { todayIso } from '../src/format.js'
import CaseIntakeView from '../src/views/CaseIntakeView.vue'
import { caseChanged, departments, people, procuratorates, sessionUser } from './case-fixtures.js'
import { mountPage, ruleMessages, stubApi } from './case-helpers.js'

const intakeResult = { ...caseChanged, case_id: caseChanged.id, case_number: caseChanged.number }

async function openIntake(routes = {}) {
  const calls = stubApi({
    'GET /procuratorates': { procuratorates },
    'GET /departments': { departments },
    'GET /people': { people },
    ...routes,
  })
  const { wrapper, router } = await mountPage(CaseIntakeView, { path: '/intake', user: sessionUser })
  return { wrapper, router, calls, form: wrapper.findComponent({ name: 'ElForm' }) }
}

function choose(wrapper, hook, value) {
  const select = wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-test') === hook)
  select.vm.$emit('update:modelValue', value)
  return flushPromises()
}

const optionTexts = (select) => select.findAllComponents({ name: 'ElOption' }).map((o) => o.text())

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
  document.body.innerHTML = ''
})

describe('CaseIntakeView', () => {
  it('starts from the user’s own 院 and today in Beijing', async () => {
    const { form } = await openIntake()
    expect(form.props('model')).toMatchObject({ procuratorate: 1, received_on: todayIso(), difficulty: 'ordinary', custody: false })
  })

  it('offers the business departments of the chosen 院 and their categories', async () => {
    const { wrapper } = await openIntake()
    const select = (hook) => wrapper.findAllComponents({ name: 'ElSelect' }).find((s) => s.attributes('data-test') === hook)
    expect(optionTexts(select('intake-department'))).toEqual(['第一检察部', '第二检察部'])
    expect(optionTexts(select('intake-category'))).toEqual([])
    await choose(wrapper, 'intake-department', 1)
    expect(optionTexts(select('intake-category'))).toEqual(['审查逮捕', '审查起诉'])
    // Only the people of the 院 can be recused.
    expect(optionTexts(select('intake-recusals'))).toHaveLength(people.filter((p) => p.procuratorate_id === 1).length)

    await choose(wrapper, 'intake-procuratorate', 2)
    expect(optionTexts(select('intake-department'))).toEqual(['第一检察部'])
    expect(wrapper.findComponent({ name: 'ElForm' }).props('model').department).toBe(null)
  })

  it('ties every label to its input', async () => {
    const { wrapper } = await openIntake()
    for (const id of ['intake-procuratorate', 'intake-department', 'intake-category', 'intake-received', 'intake-custody',
      'intake-parties', 'intake-source-org', 'intake-source-doc', 'intake-related', 'intake-recusals', 'intake-investigators']) {
      expect(wrapper.find(`label[for="${id}"]`).exists(), id).toBe(true)
      expect(document.getElementById(id)?.tagName, id).toMatch(/^(INPUT|TEXTAREA)$/)
    }
    expect(wrapper.get('[data-test="intake-parties"]').element.tagName).toBe('TEXTAREA')
  })

  it('names the field in each validation message, in either language', async () => {
    const { wrapper, form } = await openIntake()
    expect(await ruleMessages(form)).toEqual({
      department: '请选择部门',
      category: '请选择案件类别',
      parties: '请填写当事人',
      source_org: '请填写移送单位',
      source_doc_no: '请填写移送文书号',
    })

    await wrapper.get('[data-test="intake-parties"]').setValue('\n  \n')
    await wrapper.get('[data-test="intake-source-doc"]').setValue('嘉'.repeat(101))
    let messages = await ruleMessages(form)
    expect(messages.parties).toBe('请填写当事人')
    expect(messages.source_doc_no).toBe('移送文书号不能超过 100 个字符')

    await wrapper.get('[data-test="intake-parties"]').setValue(`张某\n${'李'.repeat(101)}`)
    messages = await ruleMessages(form)
    expect(messages.parties).toBe('每位当事人的姓名不能超过 100 个字符')

    i18n.global.locale.value = 'en'
    await flushPromises()
    messages = await ruleMessages(form)
    expect(messages.source_doc_no).toBe('Referral document no. must be at most 100 characters')
    expect(messages.source_org).toBe('Please fill in: Referring organ')
    expect(wrapper.text()).toContain('Take in and assign')
  })

  it('posts the case as the API takes it and opens the case page', async () => {
    const { wrapper, router, calls, form } = await openIntake({ 'POST /cases': [201, intakeResult] })
    await choose(wrapper, 'intake-department', 1)
    await choose(wrapper, 'intake-category', 'arrest_review')
    await choose(wrapper, 'intake-recusals', [4])
    await wrapper.get('[data-test="intake-parties"]').setValue(' 郑丽娟 \n\n许强\n')
    await wrapper.get('[data-test="intake-source-org"]').setValue('嘉峪关市公安局')
    await wrapper.get('[data-test="intake-source-doc"]').setValue(' 嘉公（刑）提捕字〔2026〕467号 ')
    await wrapper.get('[data-test="intake-custody"]').trigger('click')
    expect(await ruleMessages(form)).toEqual({})

    await wrapper.get('[data-test="intake-submit"]').trigger('click')
    await flushPromises()
    expect(calls.find((c) => c.method === 'POST')).toEqual({
      method: 'POST',
      path: '/cases',
      query: {},
      body: {
        procuratorate: '嘉峪关市人民检察院',
        department: '第一检察部',
        category: 'arrest_review',
        received_on: todayIso(),
        difficulty: 'ordinary',
        custody: true,
        parties: ['郑丽娟', '许强'],
        source_org: '嘉峪关市公安局',
        source_doc_no: '嘉公（刑）提捕字〔2026〕467号',
        recusals: [4],
      },
    })
    expect(router.currentRoute.value.path).toBe('/cases/367')
  })

  it('shows the server’s refusal naming the field, and marks that field', async () => {
    const { wrapper, router } = await openIntake({
      'POST /cases': [400, {
        error: { code: 'category_not_in_department', message: '第一检察部 不受理 民事诉讼监督 (the department does not handle this category)', field: 'category' },
      }],
    })
    await choose(wrapper, 'intake-department', 1)
    await choose(wrapper, 'intake-category', 'prosecution_review')
    await wrapper.get('[data-test="intake-parties"]').setValue('张某')
    await wrapper.get('[data-test="intake-source-org"]').setValue('嘉峪关市公安局')
    await wrapper.get('[data-test="intake-source-doc"]').setValue('嘉公（刑）移诉字〔2026〕88号')
    await wrapper.get('[data-test="intake-submit"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-test="intake-error"]').text()).toBe('案件类别：第一检察部 不受理 民事诉讼监督 (the department does not handle this category)')
    const item = wrapper.get('label[for="intake-category"]').element.closest('.el-form-item')
    expect(item.classList.contains('is-error')).toBe(true)
    expect(router.currentRoute.value.path).toBe('/intake')
  })
})
