import type { Mermaid } from 'mermaid'

let loading: Promise<Mermaid> | undefined

/** Mermaid is large, so it is fetched on first use (its own chunks), never on the first load. */
export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'neutral',
      fontFamily: 'system-ui, sans-serif',
    })
    return mermaid
  })
  return loading
}
