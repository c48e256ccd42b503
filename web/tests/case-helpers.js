// What the case pages' tests share: a fetch stub answering like the API, and mounting a view the
// way the app does (Element Plus, i18n, a router at the given path, a session). The router is a
// minimal one with the case pages' routes as src/router.js names them, so these tests need none
// of the other pages.
import { vi } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import ElementPlus from 'element-plus'
import Schema from 'async-validator'
import { i18n } from '../src/i18n.js'
import { session } from '../src/session.js'
import CaseIntakeView from '../src/views/CaseIntakeView.vue'
import CaseListView from '../src/views/CaseListView.vue'
import CaseView from '../src/views/CaseView.vue'

export function caseRouter() {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { template: '<div />' } },
      { path: '/intake', name: 'intake', component: CaseIntakeView },
      { path: '/cases', name: 'cases', component: CaseListView },
      { path: '/cases/:id(\\d+)', name: 'case', component: CaseView, props: (r) => ({ id: Number(r.params.id) }) },
    ],
  })
}

// Stubs fetch. `routes` maps "METHOD /path" (without /api/v1 and the query) to an answer body
// (status 200), to [status, body], or to a function of the call returning either. Unknown paths
// answer 404 like the API. Returns the list of calls made: { method, path, query, body }.
export function stubApi(routes) {
  const calls = []
  vi.stubGlobal('fetch', vi.fn(async (url, init = {}) => {
    const u = new URL(url, 'http://localhost')
    const method = init.method ?? 'GET'
    const call = {
      method,
      path: u.pathname.replace(/^\/api\/v1/, ''),
      query: Object.fromEntries(u.searchParams),
      body: init.body ? JSON.parse(init.body) : undefined,
    }
    calls.push(call)
    let answer = routes[`${method} ${call.path}`]
    if (typeof answer === 'function') answer = answer(call)
    const [status, body] = Array.isArray(answer)
      ? answer
      : answer === undefined
        ? [404, { error: { code: 'not_found', message: 'not found' } }]
        : [200, answer]
    return { ok: status >= 200 && status < 300, status, statusText: '', text: async () => JSON.stringify(body) }
  }))
  return calls
}

// Mounts `component` as the page at `path` for `user` (the API's SessionUser).
export async function mountPage(component, { path, props = {}, user }) {
  session.user = user
  session.checked = true
  const router = caseRouter()
  await router.push(path)
  await router.isReady()
  const wrapper = mount(component, { props, attachTo: document.body, global: { plugins: [ElementPlus, i18n, router] } })
  await flushPromises()
  return { wrapper, router }
}

// The user with only the given permissions (and the rest of the fixture's account).
export function userWith(base, permissions, extra = {}) {
  return { ...base, permissions, ...extra }
}

// The message each field of an Element Plus form gets from its rules for its current model.
// Element Plus checks the same rules with async-validator, but its own import of that CommonJS
// package does not yield the validator class when Vitest leaves element-plus external (form
// validation then always passes in tests: `test.server.deps.inline: ['element-plus']` in the
// Vite config would cure it), so the tests check the form's rules here.
export async function ruleMessages(form) {
  const { rules, model } = form.props()
  // As Element Plus does: each rule without its `trigger`.
  const descriptor = Object.fromEntries(
    Object.entries(rules).map(([field, list]) => [field, list.map(({ trigger, ...rule }) => rule)]),
  )
  try {
    await new Schema(descriptor).validate({ ...model }, { firstFields: true })
    return {}
  } catch ({ errors }) {
    return Object.fromEntries(errors.map((e) => [e.field, e.message]))
  }
}
