// The one way the UI talks to the server: JSON over fetch with the session cookie, the CSRF token
// on every change, and the server's error body turned into an ApiError (status, stable code, the
// field it names). A 401 on anything but logging in tells the session it has ended.

export class ApiError extends Error {
  constructor(status, code, message, field) {
    super(message)
    this.status = status
    this.code = code
    this.field = field ?? null
  }
}

let csrfToken = ''
const expiryListeners = new Set()

export function setCsrfToken(token) {
  csrfToken = token ?? ''
}

// `fn(error)` runs when the server says the session is gone (expired, ended, never there).
export function onSessionEnded(fn) {
  expiryListeners.add(fn)
  return () => expiryListeners.delete(fn)
}

// Builds "/api/v1" + path + the query string, leaving out empty values.
export function apiUrl(path, query) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === '') continue
    params.append(k, String(v))
  }
  const qs = params.toString()
  return '/api/v1' + path + (qs ? '?' + qs : '')
}

export async function request(method, path, { body, query } = {}) {
  const headers = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken
  let res
  try {
    res = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch (e) {
    throw new ApiError(0, 'network', e?.message ?? 'network error')
  }
  let data = null
  const text = await res.text()
  if (text) {
    try {
      data = JSON.parse(text)
    } catch {
      data = null
    }
  }
  if (!res.ok) {
    const e = data?.error ?? {}
    const err = new ApiError(res.status, e.code ?? `http_${res.status}`, e.message ?? res.statusText, e.field)
    if (res.status === 401 && !(method === 'POST' && path === '/session')) {
      for (const fn of expiryListeners) fn(err)
    }
    throw err
  }
  return data
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body) => request('POST', path, { body: body ?? {} }),
  put: (path, body) => request('PUT', path, { body: body ?? {} }),
  del: (path) => request('DELETE', path),
}
