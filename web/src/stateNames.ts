import type { AnyStateMachine } from 'xstate'
import { machineGraph } from '../../src/render/machineGraph.js'
import { hasText, t } from './i18n/language.js'

/** A state as both the machine's graph and a snapshot's nodes give it. */
interface NamedState {
  id: string
  key: string
  parent?: { key: string } | null | undefined
}

/**
 * A state's name in the page's language, by its own key (`review` → «Рассмотрение»; English
 * keeps the key). A key's region (its id among `keyRegions`) and a state the texts do not know
 * keep their key. The review window's `open` has a word of its own.
 *
 * @example
 * stateName({ id: 'review', key: 'review' }, new Set()) // 'review', or 'Рассмотрение' in Russian
 */
export function stateName(state: NamedState, keyRegions: ReadonlySet<string>): string {
  if (keyRegions.has(state.id)) return state.key
  const word = state.parent?.key === 'window' && state.key === 'open' ? 'windowOpen' : state.key
  return hasText(`stage.states.${word}`) ? t(`stage.states.${word}`) : state.key
}

/**
 * The chart's label of every state but the keys' regions, for `toMermaid`'s `labels`: in English
 * the state's own key (as the chart draws it anyway), in Russian the word over the key in small
 * print, so the id the engine and the docs use stays visible.
 *
 * @example
 * toMermaid(machine, { labels: { ...stateLabels(machine, regions), ...regions } })
 */
export function stateLabels(
  machine: AnyStateMachine,
  keyRegions: Readonly<Record<string, string>>,
): Record<string, string> {
  const regions = new Set(Object.keys(keyRegions))
  const labels: Record<string, string> = {}
  for (const state of machineGraph(machine).states.values()) {
    if (state.parent === null || regions.has(state.id)) continue
    labels[state.id] = t('stage.stateLabel', { name: stateName(state, regions), id: state.key })
  }
  return labels
}
