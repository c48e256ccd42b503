// One way to submit an Element Plus form: validate it, then run `send`; `busy` while the request
// runs, the server's refusal (an ApiError) in `serverError` for the form to show. `submit(send)`
// resolves to send's result, or to `undefined` when the form or the server said no.
import { ref, shallowRef } from 'vue'

export function useFormSubmit() {
  const formRef = ref()
  const busy = ref(false)
  const serverError = shallowRef(null)

  async function submit(send) {
    serverError.value = null
    try {
      await formRef.value.validate()
    } catch {
      return undefined
    }
    busy.value = true
    try {
      return await send()
    } catch (e) {
      serverError.value = e
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { formRef, busy, serverError, submit }
}
