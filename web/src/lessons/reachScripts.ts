import oneKeyPolicy from '../../../examples/policies/seed-one-key.yaml?raw'
import reachText from '../../../examples/seed-reach-walkthrough.yaml?raw'
import { type BundledScript, loadBundledScript } from './loadBundledScript.js'
import oneKeyText from './one-key-counterfactual.yaml?raw'

export const REACH_SCRIPT_FILE = 'examples/seed-reach-walkthrough.yaml'
export const ONE_KEY_SCRIPT_FILE = 'web/src/lessons/one-key-counterfactual.yaml'
export const ONE_KEY_POLICY_FILE = 'examples/policies/seed-one-key.yaml'

/** “Why two keys?”, part 1: the reach walkthrough on the shipped seed.yaml. */
export function loadReachScript(): BundledScript {
  return loadBundledScript(reachText, REACH_SCRIPT_FILE)
}

/** Part 2, the counterfactual: a regional initiative on seed-one-key.yaml (bundled: it is an example, not shipped). */
export function loadOneKeyScript(): BundledScript {
  return loadBundledScript(oneKeyText, ONE_KEY_SCRIPT_FILE, oneKeyPolicy)
}
