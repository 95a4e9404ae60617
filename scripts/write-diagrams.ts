// Writes docs/two-keys.mmd, the Mermaid statechart of the seed's policy, from the machine itself.
// A test compares the file with toMermaid(), so commit the file after changing the machine.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createInitiativeMachine } from '../machines/initiative.js'
import { loadPolicyFile } from '../src/policy/loadPolicyFile.js'
import { keyRegionLabels } from '../src/render/keyRegionLabels.js'
import { toMermaid } from '../src/render/toMermaid.js'

const policy = loadPolicyFile(fileURLToPath(new URL('../machines/policies/two-keys.yaml', import.meta.url)))
const target = fileURLToPath(new URL('../docs/two-keys.mmd', import.meta.url))
writeFileSync(target, toMermaid(createInitiativeMachine(policy), { labels: keyRegionLabels(policy) }))
console.log(`wrote ${target}`)
