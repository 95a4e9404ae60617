// Checks a twokeys audit export (`twokeys audit export --out audit.jsonl`) without twokeys:
//   node verify-audit-standalone.mjs audit.jsonl [trust.json]
//     →  "OK n events" (exit 0) or "TAMPERED at position p: …" (exit 1)
// Each line is one event. Its `hash` is SHA-256 (hex) of the RFC 8785 (JCS) form of every other
// field; its `prevHash` is the `hash` of the event before it in the same initiative ('' for seq 1).
// With a trust file (`twokeys keys export --db … --policy … --out trust.json`) it also checks
// signatures: every keyring change is signed by a principal of each institution named in the
// trust file, and each signed command stored with an event (`command`, `keyring`) is signed by
// its actor's key, valid at the event's time, and asks for the event recorded. Where the policy
// says identity: signed, an event without a signed command (other than a deadline's TICK) fails.
// `canon` is a complete RFC 8785 canonicaliser for what JSON.parse returns from such a file
// (objects, arrays, strings, finite numbers, booleans, null): keys sorted by UTF-16 code units,
// no white space, strings and numbers written as ECMAScript's JSON.stringify writes them.
import { createHash, createPublicKey, verify } from 'node:crypto'
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
// Ed25519 over "<label>\n<canonical JSON>"; keys and signatures are base64url without padding.
function ed25519(publicKey, label, payload, signature) {
  try {
    const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: publicKey }, format: 'jwk' })
    return verify(
      null,
      Buffer.from(`${label}\n${canon(payload)}`, 'utf8'),
      key,
      Buffer.from(signature, 'base64url'),
    )
  } catch {
    return false
  }
}
function fail(position, why) {
  console.log(`TAMPERED at position ${position}: ${why}`)
  process.exit(1)
}
// Why a key may not sign at time `at` (epoch ms), or '' when it may.
function invalidAt(entry, at) {
  if (entry.revokedAt !== undefined && at >= Date.parse(entry.revokedAt))
    return `key "${entry.keyId}" was revoked`
  if (at < Date.parse(entry.validFrom)) return `key "${entry.keyId}" was not yet valid`
  if (entry.validUntil !== undefined && at >= Date.parse(entry.validUntil))
    return `key "${entry.keyId}" had expired`
  return ''
}

// --- the keyring, change by change -----------------------------------------------------------
const trust = process.argv[3] === undefined ? null : JSON.parse(readFileSync(process.argv[3], 'utf8'))
const keyrings = [] // keyrings[v - 1] is version v
for (const { version, appliedAt, change } of trust?.changes ?? []) {
  const where = `keyring change ${version}`
  const current = keyrings.at(-1) ?? null
  const { signatures, ...unsigned } = change
  if (
    change.base !== (current === null ? '' : sha256(canon(current))) ||
    change.version !== keyrings.length + 1
  )
    fail(where, 'it does not apply to the keyring before it')
  const signers = current?.entries ?? change.add
  const signed = new Set()
  for (const s of signatures) {
    const entry = signers.find((e) => e.keyId === s.keyId)
    if (
      entry === undefined ||
      invalidAt(entry, appliedAt) !== '' ||
      !ed25519(entry.publicKey, 'twokeys/keyring-change/v1', unsigned, s.value)
    )
      fail(where, `the signature by key "${s.keyId}" does not verify`)
    for (const [institution, principals] of Object.entries(trust.institutions))
      if (principals.includes(entry.principal)) signed.add(institution)
  }
  for (const institution of Object.keys(trust.institutions))
    if (!signed.has(institution)) fail(where, `no signature from institution "${institution}"`)
  const entries = [...(current?.entries ?? []), ...change.add].map((e) => {
    const revoked = change.revoke.find((r) => r.keyId === e.keyId)
    return revoked === undefined ? e : { ...e, revokedAt: revoked.at }
  })
  keyrings.push({ version: change.version, entries })
}

// What a signed command asks the event to say (the rules themselves are replayed by twokeys).
const EVENT_OF = {
  propose: 'PROPOSE',
  submit: 'SUBMIT',
  amend: 'AMEND',
  decide: 'DECIDE',
  revoke: 'REVOKE',
  withdraw: 'WITHDRAW',
  delegate: 'DELEGATE',
  respond: 'RESPOND',
  destination: 'DESTINATION',
  complete: 'COMPLETE',
}
function mismatch(command, event) {
  if (EVENT_OF[command.type] !== event.type || command.by !== event.by) return 'another type or actor'
  const same = (a, b) => canon(a ?? null) === canon(b ?? null)
  const asked = { ...command }
  for (const k of ['type', 'by', 'initiativeId', 'commandId', 'signature']) delete asked[k]
  if (command.type === 'propose') {
    const { summary = '', ...content } = asked
    return same({ ...content, summary }, event.content) ? '' : 'another content'
  }
  if (command.type === 'amend')
    return Object.entries(asked).every(([k, v]) => same(v, event.content?.[k])) ? '' : 'another content'
  if (command.type === 'delegate' && asked.from === undefined) asked.from = event.from
  return Object.entries(asked).every(([k, v]) => same(v, event[k])) ? '' : 'other fields'
}

// --- the events --------------------------------------------------------------------------------
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
  if (why) fail(position, why)
  const { command, event } = fields
  if (trust !== null && command !== undefined) {
    const keyring = keyrings[fields.keyring - 1]
    const entry = keyring?.entries.find((e) => e.keyId === command.signature?.keyId)
    const { signature, ...unsigned } = command
    if (entry === undefined) fail(position, `the signing key is not in keyring version ${fields.keyring}`)
    if (entry.principal !== command.by) fail(position, `key "${entry.keyId}" is not "${command.by}"'s`)
    if (invalidAt(entry, event.at) !== '') fail(position, invalidAt(entry, event.at))
    if (command.commandId !== fields.commandId || command.initiativeId !== fields.initiativeId)
      fail(position, 'the signed command names another command or initiative')
    if (
      !ed25519(
        entry.publicKey,
        'twokeys/command/v1',
        { command: unsigned, keyId: signature.keyId },
        signature.value,
      )
    )
      fail(position, `the signature of "${command.by}" does not verify`)
    if (mismatch(command, event) !== '')
      fail(position, `the event is not what the signed command asked (${mismatch(command, event)})`)
  } else if (trust?.identity === 'signed' && event?.type !== 'TICK') {
    fail(position, 'the policy says identity: signed, but the event carries no signed command')
  }
  last.set(fields.initiativeId, [fields.seq, hash])
}
console.log(
  `OK ${lines.length} events${trust === null ? '' : `, signatures checked against keyring version ${keyrings.length}`}`,
)
