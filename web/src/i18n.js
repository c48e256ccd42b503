// zh-CN first, English second. Messages live beside each other per area in src/locales/<area>.js
// (each exports { 'zh-CN': {...}, en: {...} }) and are reached as t('<area>.<key>'). The chosen
// language is remembered in localStorage.
import { createI18n } from 'vue-i18n'

export const LOCALES = ['zh-CN', 'en']
const STORAGE_KEY = 'zeren.locale'

const modules = import.meta.glob('./locales/*.js', { eager: true })

export function buildMessages() {
  const messages = { 'zh-CN': {}, en: {} }
  for (const [file, mod] of Object.entries(modules)) {
    const area = file.replace(/^.*\/(.*)\.js$/, '$1')
    for (const locale of LOCALES) messages[locale][area] = mod.default[locale]
  }
  return messages
}

export function savedLocale() {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY)
    return LOCALES.includes(v) ? v : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: buildMessages(),
  missingWarn: false,
  fallbackWarn: false,
})

export function setLocale(locale) {
  if (!LOCALES.includes(locale)) return
  i18n.global.locale.value = locale
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale)
  } catch {
    // private mode: the switch still works for this page
  }
  document.documentElement.lang = locale
}
