// Writes schema/policy.schema.json from the zod policy schema; run with `npm run schema`.
// A test compares the file with policyJsonSchema(), so commit the file after changing the schema.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { policyJsonSchema } from '../src/policy/policyJsonSchema.js'

const target = fileURLToPath(new URL('../schema/policy.schema.json', import.meta.url))
writeFileSync(target, `${JSON.stringify(policyJsonSchema(), null, 2)}\n`)
console.log(`wrote ${target}`)
