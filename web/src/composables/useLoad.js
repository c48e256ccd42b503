// A page's data from the API: `data` once loaded, `error` (an ApiError) when not, `loading`
// meanwhile, and `reload()` to ask again (say, after a change). Stale answers are dropped when
// a newer load has started.
import { ref, shallowRef } from 'vue'

export function useLoad(fetcher, { immediate = true } = {}) {
  const data = shallowRef(null)
  const error = shallowRef(null)
  const loading = ref(false)
  let generation = 0

  async function reload(...args) {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const value = await fetcher(...args)
      if (mine === generation) data.value = value
      return value
    } catch (e) {
      if (mine === generation) error.value = e
      return null
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  if (immediate) reload()
  return { data, error, loading, reload }
}
