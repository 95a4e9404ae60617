import text from '../../../examples/seed-walkthrough.yaml?raw'
import { type BundledScript, loadBundledScript } from './loadBundledScript.js'

export const SEED_SCRIPT_FILE = 'examples/seed-walkthrough.yaml'

/** The seed story (examples/seed-walkthrough.yaml, bundled at build time) and the shipped policy it names. */
export function loadSeedScript(): BundledScript {
  return loadBundledScript(text, SEED_SCRIPT_FILE)
}
