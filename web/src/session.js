// Who is logged in: the user, their permissions and roles, and the CSRF token the API needs.
// The UI shows only what these allow; the server checks everything again.
import { reactive } from 'vue'
import { api, setCsrfToken } from './api.js'

export const session = reactive({
  user: null, // the API's SessionUser, or null when logged out
  checked: false, // whether the server has been asked yet
  endedReason: '', // why the last session ended ('expired' after a 401), shown on the log-in page
})

function adopt(data) {
  session.user = data?.user ?? null
  setCsrfToken(data?.csrf_token ?? '')
  session.checked = true
}

export function can(permission) {
  return !!session.user?.permissions?.includes(permission)
}

export function hasRole(...roles) {
  return !!session.user?.roles?.some((r) => roles.includes(r))
}

// Asks the server whether the cookie still holds a session (on first load).
export async function restore() {
  try {
    adopt(await api.get('/session'))
  } catch {
    adopt(null)
  }
  return session.user
}

export async function logIn(username, password) {
  const data = await api.post('/session', { username, password })
  session.endedReason = ''
  adopt(data)
  return session.user
}

export async function logOut() {
  try {
    await api.del('/session')
  } finally {
    adopt(null)
  }
}

export async function changePassword(current, next) {
  const data = await api.put('/session/password', { current_password: current, new_password: next })
  if (data?.user) adopt(data)
  else await restore()
  return session.user
}

// Called when the server answers 401 to a request made with a session.
export function sessionEnded() {
  if (session.user) session.endedReason = 'expired'
  adopt(null)
}
