// The guard: no session → log-in (remembering where to return); an account that must change its
// password goes to log-in too; a page one's permissions do not open → the work list.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { makeRouter } from '../src/router.js'
import { session } from '../src/session.js'

function answer(status, body) {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(JSON.stringify(body), { status })))
}

afterEach(() => {
  vi.unstubAllGlobals()
  session.user = null
  session.checked = false
})

describe('router guard', () => {
  it('sends a visitor without a session to log-in with the page to return to', async () => {
    answer(401, { error: { code: 'session_required', message: '请先登录' } })
    const router = makeRouter(createMemoryHistory())
    await router.push('/cases?q=张')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/cases?q=张')
  })

  it('keeps an account that must change its password on the log-in page', async () => {
    answer(200, { user: { username: 'new', permissions: ['read_cases'], roles: ['prosecutor'], must_change_password: true }, csrf_token: 't' })
    const router = makeRouter(createMemoryHistory())
    await router.push('/cases')
    expect(router.currentRoute.value.name).toBe('login')
  })

  it('turns a page the permissions do not open into the work list', async () => {
    answer(200, { user: { username: 'zhuli', permissions: ['read_cases'], roles: ['assistant'], must_change_password: false }, csrf_token: 't' })
    const router = makeRouter(createMemoryHistory())
    await router.push('/intake')
    expect(router.currentRoute.value.name).toBe('home')
    await router.push('/cases')
    expect(router.currentRoute.value.name).toBe('cases')
  })
})
