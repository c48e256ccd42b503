import { createApp } from 'vue'
import 'element-plus/dist/index.css'
import './style.css'
import App from './App.vue'
import { installElement } from './element.js'
import { i18n } from './i18n.js'
import { makeRouter } from './router.js'
import { onSessionEnded } from './api.js'
import { sessionEnded } from './session.js'

const router = makeRouter()
// A 401 from any page: back to log-in, with the reason shown there and the page to return to.
onSessionEnded(() => {
  sessionEnded()
  const here = router.currentRoute.value
  if (!here.meta.public) router.replace({ name: 'login', query: { redirect: here.fullPath } })
})

document.documentElement.lang = i18n.global.locale.value
installElement(createApp(App).use(i18n).use(router)).mount('#app')
