import { runWhatIf } from './whatIfSimulation.js'
import type { WhatIfMessage, WhatIfRequest } from './whatIfTypes.js'

/**
 * The what-if worker: compiles both policies and runs the replications off the page's thread,
 * posting progress as each table compiles and after each replication. The page cancels by terminating it.
 */
const scope = self as unknown as {
  postMessage(message: WhatIfMessage): void
  addEventListener(type: 'message', listener: (event: MessageEvent<WhatIfRequest>) => void): void
}
const post = (message: WhatIfMessage) => scope.postMessage(message)

scope.addEventListener('message', (event: MessageEvent<WhatIfRequest>) => {
  try {
    const result = runWhatIf(event.data, (progress) => post({ type: 'progress', progress }))
    post({ type: 'done', result })
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) })
  }
})
