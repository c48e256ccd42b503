// Pages and who may open them. The guard asks the server for the session once, sends anyone
// without one (or who must first change the password) to log-in, and keeps pages a user's
// permissions do not allow out of reach. The server refuses them anyway.
import { createRouter, createWebHistory } from 'vue-router'
import { session, restore, can } from './session.js'

export const routes = [
  { path: '/login', name: 'login', component: () => import('./views/LoginView.vue'), meta: { public: true } },
  { path: '/', name: 'home', component: () => import('./views/HomeView.vue'), meta: { menu: 'home' } },
  { path: '/intake', name: 'intake', component: () => import('./views/CaseIntakeView.vue'), meta: { menu: 'intake', permission: 'intake_cases' } },
  { path: '/cases', name: 'cases', component: () => import('./views/CaseListView.vue'), meta: { menu: 'cases', permission: 'read_cases' } },
  { path: '/cases/:id(\\d+)', name: 'case', component: () => import('./views/CaseView.vue'), meta: { permission: 'read_cases' }, props: (r) => ({ id: Number(r.params.id) }) },
  { path: '/approvals', name: 'approvals', component: () => import('./views/ApprovalsView.vue'), meta: { menu: 'approvals', anyPermission: ['decide_reassignment', 'decide_plans', 'decide_cases'] } },
  { path: '/monitoring', name: 'monitoring', component: () => import('./views/MonitoringView.vue'), meta: { menu: 'monitoring', permission: 'monitor_cases' } },
  { path: '/organisation', name: 'organisation', component: () => import('./views/OrganisationView.vue'), meta: { menu: 'organisation', permission: 'read_organisation' } },
  { path: '/dashboard', name: 'dashboard', component: () => import('./views/DashboardView.vue'), meta: { menu: 'dashboard', permission: 'read_statistics' } },
  { path: '/statistics', name: 'statistics', component: () => import('./views/StatisticsView.vue'), meta: { menu: 'statistics', permission: 'read_statistics' } },
  { path: '/transparency', name: 'transparency', component: () => import('./views/TransparencyView.vue'), meta: { menu: 'transparency', permission: 'read_statistics' } },
  { path: '/:rest(.*)*', redirect: '/' },
]

// Whether the logged-in user may open a route (by its meta).
export function allowed(meta) {
  if (meta?.permission && !can(meta.permission)) return false
  if (meta?.anyPermission && !meta.anyPermission.some((p) => can(p))) return false
  return true
}

export function makeRouter(history = createWebHistory()) {
  const router = createRouter({ history, routes })
  router.beforeEach(async (to) => {
    if (!session.checked) await restore()
    if (to.meta.public) return true
    if (!session.user || session.user.must_change_password) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
    }
    if (!allowed(to.meta)) return { name: 'home' }
    return true
  })
  return router
}
