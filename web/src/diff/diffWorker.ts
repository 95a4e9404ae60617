import { diffPolicies } from '../../../src/analyze/diff/diffPolicies.js'
import { safeLoadPolicy } from '../../../src/policy/loadPolicy.js'
import type { Policy } from '../../../src/policy/PolicySchema.js'
import type { DiffMessage, DiffRequest } from './diffTypes.js'

/**
 * The diff worker: loads both policies and runs `diffPolicies` off the page's thread, posting
 * how many pair states it has seen as it goes. The page cancels by terminating it.
 */
const scope = self as unknown as {
  postMessage(message: DiffMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent<DiffRequest>) => void): void
}
const post = (message: DiffMessage) => scope.postMessage(message)

function load(text: string, file: string): Policy {
  const result = safeLoadPolicy(text, file)
  if (result.success) return result.policy
  throw new Error(`${file} is not a valid policy: ${result.issues[0]?.message ?? 'unknown issue'}`)
}

scope.addEventListener('message', (event: MessageEvent<DiffRequest>) => {
  try {
    const { a, b, maxStates } = event.data
    const result = diffPolicies(load(a.text, a.file), load(b.text, b.file), {
      maxStates,
      progressEvery: 250,
      onProgress: (p) => post({ type: 'progress', pairs: p.states }),
    })
    post({ type: 'done', result })
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
})
