// Checks a twokeys audit export (`twokeys audit export --out audit.jsonl`) without twokeys:
//   node verify-audit-standalone.mjs audit.jsonl  →  "OK n events" (exit 0) or "TAMPERED at …" (exit 1)
// Each line is one event. Its `hash` is SHA-256 (hex) of the RFC 8785 (JCS) form of every other
// field; its `prevHash` is the `hash` of the event before it in the same initiative ('' for seq 1).
// `canon` is a complete RFC 8785 canonicaliser for what JSON.parse returns from such a file
// (objects, arrays, strings, finite numbers, booleans, null): keys sorted by UTF-16 code units,
// no white space, strings and numbers written as ECMAScript's JSON.stringify writes them.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'

function canon(v) {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`
  if (v === null || typeof v !== 'object') return JSON.stringify(v)
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canon(v[k])}`)
    .join(',')}}`
}
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex')
const lines = readFileSync(process.argv[2], 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '')
const last = new Map() // initiativeId → [seq, hash] of its latest event so far
for (const [position, line] of lines.entries()) {
  const { hash, ...fields } = JSON.parse(line)
  const [seq, prevHash] = last.get(fields.initiativeId) ?? [0, '']
  let why = fields.prevHash === prevHash ? '' : 'its prevHash is not the hash of the event before it'
  if (fields.seq !== seq + 1) why = `seq ${fields.seq} where ${seq + 1} was expected`
  if (sha256(canon(fields)) !== hash) why = 'its hash does not match its content'
  if (why) {
    console.log(`TAMPERED at position ${position}: ${why}`)
    process.exit(1)
  }
  last.set(fields.initiativeId, [fields.seq, hash])
}
console.log(`OK ${lines.length} events`)
