// The API client: CSRF token on changes, errors carry the server's code and field, a 401 ends
// the session (but a failed log-in does not).
import { afterEach, describe, expect, it, vi } from 'vitest'
import { api, apiUrl, onSessionEnded, setCsrfToken, ApiError } from '../src/api.js'

function reply(status, body) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))
}

afterEach(() => vi.unstubAllGlobals())

describe('api', () => {
  it('builds query strings without empty values', () => {
    expect(apiUrl('/cases', { q: '张某', status: '', unit: null, limit: 50 })).toBe(
      '/api/v1/cases?q=%E5%BC%A0%E6%9F%90&limit=50',
    )
  })

  it('sends the CSRF token on changes and not on reads', async () => {
    const fetch = vi.fn(() => reply(200, { ok: true }))
    vi.stubGlobal('fetch', fetch)
    setCsrfToken('tok-1')
    await api.get('/cases')
    await api.post('/cases', { a: 1 })
    expect(fetch.mock.calls[0][1].headers['X-CSRF-Token']).toBeUndefined()
    expect(fetch.mock.calls[1][1].headers['X-CSRF-Token']).toBe('tok-1')
    expect(fetch.mock.calls[1][1].body).toBe('{"a":1}')
  })

  it("turns the server's error body into an ApiError naming the field", async () => {
    vi.stubGlobal('fetch', () =>
      reply(400, { error: { code: 'required', message: '当事人必填 (parties is required)', field: 'parties' } }),
    )
    const err = await api.post('/cases', {}).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ status: 400, code: 'required', field: 'parties' })
  })

  it('tells the session when the server says it has ended, except for a failed log-in', async () => {
    const ended = vi.fn()
    const off = onSessionEnded(ended)
    vi.stubGlobal('fetch', () => reply(401, { error: { code: 'session_expired', message: 'x' } }))
    await api.get('/cases').catch(() => {})
    expect(ended).toHaveBeenCalledTimes(1)
    await api.post('/session', { username: 'a', password: 'b' }).catch(() => {})
    expect(ended).toHaveBeenCalledTimes(1)
    off()
  })

  it('reports a network failure as an ApiError with code network', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')))
    await expect(api.get('/cases')).rejects.toMatchObject({ status: 0, code: 'network' })
  })
})
