// Checks a twokeys audit export (`twokeys audit export --out audit.jsonl`) without twokeys:
//   node verify-audit-standalone.mjs audit.jsonl [trust.json] [--checkpoint cp.txt --witnesses keys.txt]
//     →  "OK n events…" (exit 0), "TAMPERED …" or "REFUSED …" (exit 1), "error: …" on stderr (exit 2)
//   node verify-audit-standalone.mjs --proof entry.tlog-proof --witnesses keys.txt [--event '<audit line>']
//     →  "OK <initiative> seq <seq> hash <hash> is entry <i> of <origin> at size <n>, cosigned by …"
// Each line is one event. Its `hash` is SHA-256 (hex) of the RFC 8785 (JCS) form of every other
// field but `logIndex` and `logState`; its `prevHash` is the `hash` of the event before it in the
// same initiative ('' for seq 1); `logIndex` is its place in the store's Merkle log, and `logState`
// (at a snapshot point) the state digest its log leaf records: the leaf is
// `<initiativeId>\n<seq>\n<hash>\n`, then `<logState>\n` when there is one.
// With a trust file (`twokeys keys export --db … --policy … --out trust.json`) it also checks
// signatures: every keyring change is signed by a principal of each institution named in the
// trust file, and each signed command stored with an event (`command`, `keyring`) is signed by
// its actor's key, valid at the event's time, and asks for the event recorded. Where the policy
// says identity: signed (or, where it runs both, the event's policy is in `signedPolicies`), an event
// without a signed command (other than a deadline's TICK) fails.
// With a checkpoint (a C2SP signed note, c2sp.org/tlog-checkpoint) and a witnesses file it checks
// that the log's first `size` entries, ordered by logIndex, have the checkpoint's RFC 6962 root,
// and that the checkpoint is cosigned (c2sp.org/tlog-cosignature) by a witness of every
// institution in the file (and signed by the log's key, if the file has a `log` line).
// A proof (c2sp.org/tlog-proof) shows one event is entry `index` of such a checkpoint.
// `canon` is a complete RFC 8785 canonicaliser for what JSON.parse returns from such a file
// (objects, arrays, strings, finite numbers, booleans, null): keys sorted by UTF-16 code units,
// no white space, strings and numbers written as ECMAScript's JSON.stringify writes them.
// examples/verify_audit.py is a second checker of the same things, written apart, in Python.
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
const sha256 = (data) => createHash('sha256').update(data).digest()
const sha256hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex')
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v)
const own = (o, k) => (isObject(o) && Object.hasOwn(o, k) ? o[k] : undefined)

// --- outcomes: 0 OK, 1 a finding, 2 bad input ------------------------------------------------------
function fail(position, why) {
  console.log(`TAMPERED at position ${position}: ${why}`)
  process.exit(1)
}
function refuse(line) {
  console.log(line)
  process.exit(1)
}
class BadInput extends Error {}
const bad = (why) => {
  throw new BadInput(why)
}
const USAGE = `usage: node verify-audit-standalone.mjs audit.jsonl [trust.json] [--checkpoint cp.txt --witnesses keys.txt]
       node verify-audit-standalone.mjs --proof entry.tlog-proof --witnesses keys.txt [--event '<audit line>']`

// Bad input is told in fixed words, the same in both checkers, never in the platform's.
const CANNOT_READ = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a directory',
}
const MAX_DEPTH = 1000
// What is being read, for a file so malformed that a check could not even read it.
let reading = 'the input'

function readText(path) {
  let bytes
  try {
    bytes = readFileSync(path)
  } catch (error) {
    bad(`cannot read ${path}: ${own(CANNOT_READ, error.code) ?? error.code ?? 'it cannot be read'}`)
  }
  let text
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    bad(`${path} is not UTF-8 text`)
  }
  if (text.startsWith('\ufeff')) bad(`${path} starts with a byte order mark: save it as UTF-8 without one`)
  return text
}
// JSON as JSON.parse reads it; a lone surrogate (which RFC 8785 cannot write) refuses the input.
function parseJson(text, what) {
  let value
  try {
    value = JSON.parse(text)
  } catch {
    bad(`${what} is not JSON`)
  }
  const walk = (v, depth) => {
    if (typeof v === 'string' && /[\ud800-\udfff]/u.test(v)) bad(`${what} holds a lone surrogate`)
    if (typeof v === 'number' && !Number.isFinite(v))
      bad(`${what} holds a number outside the range of a double`)
    if (typeof v === 'object' && v !== null) {
      if (depth >= MAX_DEPTH) bad(`${what} is nested deeper than ${MAX_DEPTH} levels`)
      for (const [k, x] of Object.entries(v)) {
        walk(k, depth + 1)
        walk(x, depth + 1)
      }
    }
  }
  walk(value, 0)
  return value
}

// --- signatures ---------------------------------------------------------------------------------
function ed25519Key(raw) {
  const x = Buffer.from(raw).toString('base64url')
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' })
}
function ed25519Raw(key, message, signature) {
  try {
    return verify(null, message, key, signature)
  } catch {
    return false
  }
}
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
// An ISO-8601 time with a zone, as keyrings write them ("2026-03-02T09:00:00.000Z"), in epoch ms;
// NaN for anything else (a key with an unreadable time is never valid).
function instant(text) {
  const m =
    typeof text === 'string' &&
    /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?(?:Z|([+-])(\d\d):(\d\d))$/.exec(text)
  if (!m) return Number.NaN
  const [y, mo, d, h, mi, s, oh, om] = [1, 2, 3, 4, 5, 6, 9, 10].map((i) => Number(m[i] ?? 0))
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
  if (days === undefined || d < 1 || d > days || h > 23 || mi > 59 || s > 59 || oh > 23 || om > 59)
    return Number.NaN
  // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
  const yy = mo <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const doy = Math.floor((153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe =
    (yy - era * 400) * 365 + Math.floor((yy - era * 400) / 4) - Math.floor((yy - era * 400) / 100) + doy
  const offset = (m[8] === '-' ? -1 : 1) * (oh * 60 + om)
  const minutes = (era * 146097 + doe - 719468) * 1440 + h * 60 + mi - offset
  return (minutes * 60 + s) * 1000 + Number(`${m[7] ?? ''}000`.slice(0, 3))
}
// Why a key may not sign at time `at` (epoch ms), or '' when it may.
function invalidAt(entry, at) {
  if (typeof at !== 'number') return 'the event has no time'
  const from = instant(entry.validFrom)
  if (entry.revokedAt !== undefined && !(at < instant(entry.revokedAt)))
    return `key "${entry.keyId}" was revoked`
  if (!(at >= from))
    return Number.isNaN(from)
      ? `key "${entry.keyId}" has no valid time`
      : `key "${entry.keyId}" was not yet valid`
  if (entry.validUntil !== undefined && !(at < instant(entry.validUntil)))
    return `key "${entry.keyId}" had expired`
  return ''
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
  ministry: 'MINISTRY',
  plenary: 'PLENARY',
  destination: 'DESTINATION',
  complete: 'COMPLETE',
}
function mismatch(command, event) {
  if (own(EVENT_OF, command.type) !== own(event, 'type') || command.by !== own(event, 'by'))
    return 'another type or actor'
  const same = (a, b) => canon(a ?? null) === canon(b ?? null)
  const asked = { ...command }
  for (const k of ['type', 'by', 'initiativeId', 'commandId', 'signature']) delete asked[k]
  if (command.type === 'propose') {
    const { summary = '', ...content } = asked
    return same({ ...content, summary }, own(event, 'content')) ? '' : 'another content'
  }
  if (command.type === 'amend')
    return Object.entries(asked).every(([k, v]) => same(v, own(own(event, 'content'), k)))
      ? ''
      : 'another content'
  if (command.type === 'delegate' && asked.from === undefined) asked.from = own(event, 'from')
  return Object.entries(asked).every(([k, v]) => same(v, own(event, k))) ? '' : 'other fields'
}

// --- the keyring, change by change -----------------------------------------------------------
function replayKeyring(trust, path) {
  reading = path
  const keyrings = [] // keyrings[v - 1] is version v
  for (const { version, appliedAt, change } of trust.changes ?? []) {
    const where = `keyring change ${version}`
    const current = keyrings.at(-1) ?? null
    const { signatures, ...unsigned } = change
    if (
      change.base !== (current === null ? '' : sha256hex(canon(current))) ||
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
  return keyrings
}

// Whether events pinned to `policyHash` must carry a signed command: all where the trust file says
// identity: signed, those of the policies it lists in `signedPolicies` where the store runs both.
const signedUnder = (trust, policyHash) =>
  trust !== null &&
  (trust.identity === 'signed' ||
    (Array.isArray(trust.signedPolicies) && trust.signedPolicies.includes(policyHash)))

// --- the events --------------------------------------------------------------------------------
function checkEvents(path, trust, keyrings) {
  const lines = readText(path)
    .split('\n')
    .filter((l) => l.trim() !== '')
  const events = [] // { position, initiativeId, seq, hash, logIndex, logState } of each line
  const last = new Map() // initiativeId → [seq, hash] of its latest event so far
  for (const [position, line] of lines.entries()) {
    reading = `${path} line ${position + 1}`
    const record = parseJson(line, reading)
    if (!isObject(record)) bad(`${reading} is not a JSON object`)
    const { hash, logIndex, logState, ...fields } = record
    if (typeof fields.initiativeId !== 'string') fail(position, 'it names no initiative')
    const [seq, prevHash] = last.get(fields.initiativeId) ?? [0, '']
    let why = fields.prevHash === prevHash ? '' : 'its prevHash is not the hash of the event before it'
    if (fields.seq !== seq + 1) why = `seq ${fields.seq} where ${seq + 1} was expected`
    if (sha256hex(canon(fields)) !== hash) why = 'its hash does not match its content'
    if (why) fail(position, why)
    const { command, event } = fields
    if (trust !== null && command !== undefined) {
      const keyring = Number.isInteger(fields.keyring) ? keyrings[fields.keyring - 1] : undefined
      const entry = keyring?.entries.find((e) => e.keyId === own(own(command, 'signature'), 'keyId'))
      if (entry === undefined) fail(position, `the signing key is not in keyring version ${fields.keyring}`)
      const { signature, ...unsigned } = command
      if (entry.principal !== command.by) fail(position, `key "${entry.keyId}" is not "${command.by}"'s`)
      if (invalidAt(entry, own(event, 'at')) !== '') fail(position, invalidAt(entry, own(event, 'at')))
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
    } else if (signedUnder(trust, fields.policyHash) && own(event, 'type') !== 'TICK') {
      fail(position, 'the policy says identity: signed, but the event carries no signed command')
    }
    last.set(fields.initiativeId, [fields.seq, hash])
    events.push({ position, initiativeId: fields.initiativeId, seq: fields.seq, hash, logIndex, logState })
  }
  return events
}

// --- signed notes, checkpoints, cosignatures (c2sp.org/signed-note, tlog-checkpoint, tlog-cosignature)
const LOG_KEY = 0x01 // Ed25519 over the note text
const WITNESS_KEY = 0x04 // Ed25519 over "cosignature/v1\ntime <t>\n" + the note text, with t
const WHOLE = /^(0|[1-9]\d*)$/

// Canonical padded base64 (RFC 4648 §4), or undefined.
function base64(text) {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return undefined
  const bytes = Buffer.from(text, 'base64')
  return bytes.toString('base64') === text ? bytes : undefined
}
const keyId = (name, type, publicKey) =>
  sha256(Buffer.concat([Buffer.from(`${name}\n`, 'utf8'), Buffer.from([type]), publicKey])).subarray(0, 4)

// A vkey `<name>+<hex key id>+base64(type || key)`, whose key id must match its key.
function verifierKey(text, type, where) {
  // Names hold no '+'; the key's base64 may: split at the first two.
  const m = /^([^+]*)\+([^+]*)\+(.*)$/s.exec(text)
  const [name, id, key] = m === null ? ['', '', ''] : m.slice(1)
  const bytes = base64(key)
  if (m === null || name === '' || /\s/u.test(name) || bytes?.length !== 33)
    bad(`${where}: "${text}" is not a verifier key <name>+<hex id>+<base64 key>`)
  if (bytes[0] !== type)
    bad(
      `${where}: "${text}" is a type ${bytes[0]} key, not ${type === LOG_KEY ? "a log's (1)" : "a witness's (4)"}`,
    )
  const publicKey = bytes.subarray(1)
  if (keyId(name, type, publicKey).toString('hex') !== id)
    bad(`${where}: the key id ${id} of "${name}" does not belong to its key (the file was altered)`)
  return { name, id, key: ed25519Key(publicKey) }
}

// keys.txt: `<institution> <witness vkey> [<url>]` lines (the URL is for the log's publisher, not
// read here) and optionally one `log <log vkey>`; `#` starts a comment.
function readWitnesses(path) {
  reading = path
  let logKey
  const witnesses = [] // { institution, name, id, key }
  const institutions = []
  for (const [i, raw] of readText(path).split('\n').entries()) {
    const line = raw.replace(/#.*/, '').replace(/^[ \t\r]+|[ \t\r]+$/g, '')
    if (line === '') continue
    const where = `${path} line ${i + 1}`
    const [who, vkey, ...rest] = line.split(/[ \t]+/)
    if (vkey === undefined || rest.length > (who === 'log' ? 0 : 1))
      bad(`${where}: not "<institution> <witness vkey> [<url>]" or "log <log vkey>"`)
    if (who === 'log') {
      if (logKey !== undefined) bad(`${where}: a second "log" line`)
      logKey = verifierKey(vkey, LOG_KEY, where)
    } else {
      witnesses.push({ institution: who, ...verifierKey(vkey, WITNESS_KEY, where) })
      if (!institutions.includes(who)) institutions.push(who)
    }
  }
  if (institutions.length === 0) bad(`${path} names no witness: "<institution> <witness vkey>" lines`)
  return { logKey, witnesses, institutions }
}

// The checkpoint in a signed note, once its signatures are accepted; TAMPERED or REFUSED otherwise.
function acceptCheckpoint(note, trusted, where) {
  if ([...note].some((c) => c < ' ' && c !== '\n'))
    bad(`${where}: a note holds no control characters but newlines`)
  const split = note.lastIndexOf('\n\n')
  if (!note.endsWith('\n') || split < 0) bad(`${where}: not a signed note (text, a blank line, signatures)`)
  const text = note.slice(0, split + 1)
  const signatures = note
    .slice(split + 2, -1)
    .split('\n')
    .map((line) => {
      const m = /^\u2014 (\S+) (\S+)$/u.exec(line)
      const bytes = m === null ? undefined : base64(m[2])
      if (bytes === undefined || bytes.length < 5)
        bad(`${where}: "${line}" is not a signature line "— <name> <base64>"`)
      return { name: m[1], id: bytes.subarray(0, 4).toString('hex'), bytes: bytes.subarray(4) }
    })
  const [origin = '', size = '', root = ''] = text.split('\n')
  const rootHash = base64(root)
  if (origin === '' || !WHOLE.test(size) || !Number.isSafeInteger(Number(size)) || rootHash?.length !== 32)
    bad(`${where}: not a checkpoint (an origin, a size and a base64 root hash, one per line)`)
  const altered = (name) =>
    refuse(`TAMPERED at checkpoint: the signature of "${name}" does not verify: the checkpoint was altered`)
  let logSigned = false
  const cosigned = new Set()
  for (const s of signatures) {
    const { logKey } = trusted
    if (logKey !== undefined && logKey.name === s.name && logKey.id === s.id) {
      if (!ed25519Raw(logKey.key, Buffer.from(text, 'utf8'), s.bytes)) altered(s.name)
      logSigned = true
    }
    for (const w of trusted.witnesses.filter((k) => k.name === s.name && k.id === s.id)) {
      const time = s.bytes.length === 72 ? s.bytes.readBigUInt64BE(0) : -1n
      const message = Buffer.from(`cosignature/v1\ntime ${time}\n${text}`, 'utf8')
      if (time < 0n || time >= 2n ** 63n || !ed25519Raw(w.key, message, s.bytes.subarray(8))) altered(s.name)
      cosigned.add(w.institution)
    }
  }
  if (trusted.logKey !== undefined && !logSigned)
    refuse(`REFUSED checkpoint: it is not signed by the log's key "${trusted.logKey.name}"`)
  for (const institution of trusted.institutions)
    if (!cosigned.has(institution))
      refuse(`REFUSED checkpoint: no cosignature from a witness of "${institution}"`)
  return { origin, size: Number(size), root: rootHash, cosignedBy: trusted.institutions.join(', ') }
}

// --- RFC 6962 Merkle trees ---------------------------------------------------------------------------
const leafData = (initiativeId, seq, hash, state) =>
  Buffer.from(`${initiativeId}\n${seq}\n${hash}\n${state === undefined ? '' : `${state}\n`}`, 'utf8')
const STATE_DIGEST = /^[0-9a-f]{64}$/
const leafHash = (data) => sha256(Buffer.concat([Buffer.from([0]), data]))
const nodeHash = (left, right) => sha256(Buffer.concat([Buffer.from([1]), left, right]))
function rootHash(leaves) {
  if (leaves.length === 0) return sha256(Buffer.alloc(0))
  const stack = [] // perfect subtrees [hash, size], merged as leaves arrive
  for (const leaf of leaves) {
    let node = [leaf, 1]
    while (stack.length > 0 && stack.at(-1)[1] === node[1]) {
      const left = stack.pop()
      node = [nodeHash(left[0], node[0]), node[1] * 2]
    }
    stack.push(node)
  }
  let hash = stack.pop()[0]
  while (stack.length > 0) hash = nodeHash(stack.pop()[0], hash)
  return hash
}
// RFC 9162 §2.1.3.2.
function verifyInclusion(leaf, index, size, proof, root) {
  if (!(index < size)) return false
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of proof) {
    if (sn === 0) return false
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r)
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2)
        sn = Math.floor(sn / 2)
      }
    } else r = nodeHash(r, p)
    fn = Math.floor(fn / 2)
    sn = Math.floor(sn / 2)
  }
  return sn === 0 && r.equals(root)
}

// The export's events, by logIndex, against a cosigned checkpoint.
function checkAgainst(events, checkpoint) {
  if (events.length > 0 && events.every((e) => e.logIndex === undefined))
    bad(
      'the export has no logIndex: export it again with a twokeys that writes it to check it against a checkpoint',
    )
  const byIndex = new Map()
  for (const e of events) {
    if (!Number.isSafeInteger(e.logIndex) || e.logIndex < 0)
      fail(e.position, `its logIndex ${JSON.stringify(e.logIndex) ?? '(none)'} is not a place in the log`)
    if (byIndex.has(e.logIndex))
      fail(e.position, `its logIndex ${e.logIndex} is that of position ${byIndex.get(e.logIndex).position}`)
    if (e.logState !== undefined && !STATE_DIGEST.test(e.logState))
      fail(e.position, `its logState ${JSON.stringify(e.logState)} is not a state digest (64 hex digits)`)
    byIndex.set(e.logIndex, e)
  }
  const against = `TAMPERED against the checkpoint of ${checkpoint.origin} at size ${checkpoint.size}:`
  // n distinct places are 0 … n-1 unless one of those is missing.
  for (let i = 0; i < events.length; i++)
    if (!byIndex.has(i)) refuse(`${against} no event is log entry ${i}: an event was removed`)
  if (events.length < checkpoint.size)
    refuse(
      `${against} the log was cut off: it holds ${events.length} events, the cosigned checkpoint ${checkpoint.size}`,
    )
  const leaves = []
  for (let i = 0; i < checkpoint.size; i++) {
    const e = byIndex.get(i)
    leaves.push(leafHash(leafData(e.initiativeId, e.seq, e.hash, e.logState)))
  }
  const root = rootHash(leaves)
  if (!root.equals(checkpoint.root))
    refuse(
      `${against} the log was rewritten: its first ${checkpoint.size} entries have root ${root.toString('base64')}, the checkpoint ${checkpoint.root.toString('base64')}`,
    )
}

// A c2sp.org/tlog-proof@v1 file: extra (the leaf data), index, the inclusion proof, the checkpoint.
function checkProof(path, trusted, eventLine) {
  reading = path
  const lines = readText(path).split('\n')
  let at = 1
  if (lines[0] !== 'c2sp.org/tlog-proof@v1') bad(`${path}: a proof starts with "c2sp.org/tlog-proof@v1"`)
  const extra = lines[at]?.startsWith('extra ') ? base64(lines[at++].slice(6)) : undefined
  const data = extra?.toString('utf8')
  const leaf = /^([^\n]+)\n(0|[1-9]\d*)\n([0-9a-f]{64})\n(?:([0-9a-f]{64})\n)?$/.exec(data ?? '')
  if (leaf === null || !Buffer.from(data, 'utf8').equals(extra))
    bad(
      `${path}: no "extra" line with an event's leaf data (<initiative>\\n<seq>\\n<hash>\\n[<state>\\n] in base64)`,
    )
  const index = /^index (0|[1-9]\d*)$/.exec(lines[at++] ?? '')
  if (index === null || !Number.isSafeInteger(Number(index[1]))) bad(`${path}: no "index <n>" line`)
  const proof = []
  for (; at < lines.length && lines[at] !== ''; at++) {
    const hash = base64(lines[at])
    if (hash?.length !== 32)
      bad(`${path}: "${lines[at]}" is not a base64 SHA-256 hash of the inclusion proof`)
    proof.push(hash)
  }
  if (at >= lines.length) bad(`${path}: no blank line before the checkpoint`)
  const checkpoint = acceptCheckpoint(lines.slice(at + 1).join('\n'), trusted, `${path}, its checkpoint`)
  const [, initiativeId, seq, hash] = leaf
  const i = Number(index[1])
  if (!verifyInclusion(leafHash(extra), i, checkpoint.size, proof, checkpoint.root))
    refuse(
      `REFUSED proof: the inclusion proof does not lead from entry ${i} (${initiativeId} seq ${seq}) to the root of ${checkpoint.origin} at size ${checkpoint.size}`,
    )
  if (eventLine !== undefined) {
    reading = '--event'
    const record = parseJson(eventLine, reading)
    if (!isObject(record)) bad('--event is not a JSON object (a line of an audit export)')
    const { hash: eventHash, logIndex, logState, ...fields } = record
    if (sha256hex(canon(fields)) !== eventHash)
      refuse("REFUSED proof: the event's hash does not match its content")
    const given = leafData(
      fields.initiativeId,
      fields.seq,
      eventHash,
      logState === undefined ? leaf[4] : logState,
    )
    // Only the state differs: name it, or both sides would read alike.
    if (!given.equals(extra) && leafData(fields.initiativeId, fields.seq, eventHash, leaf[4]).equals(extra))
      refuse(
        `REFUSED proof: the event's logState is ${logState}, the proof's entry records ${leaf[4] ?? 'no state'}`,
      )
    if (!given.equals(extra))
      refuse(
        `REFUSED proof: the event is ${fields.initiativeId} seq ${fields.seq} hash ${eventHash}, the proof's entry ${initiativeId} seq ${seq} hash ${hash}`,
      )
    if (logIndex !== undefined && logIndex !== i)
      refuse(`REFUSED proof: the event says it is log entry ${logIndex}, the proof ${i}`)
  }
  return `OK ${initiativeId} seq ${seq} hash ${hash} is entry ${i} of ${checkpoint.origin} at size ${checkpoint.size}, cosigned by ${checkpoint.cosignedBy}`
}

// --- the command line ----------------------------------------------------------------------------------
function main(argv) {
  const options = {}
  const files = []
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]
    if (['--checkpoint', '--witnesses', '--proof', '--event'].includes(flag)) {
      if (argv[i + 1] === undefined || options[flag] !== undefined) bad(USAGE)
      options[flag] = argv[++i]
    } else if (flag.startsWith('--')) bad(USAGE)
    else files.push(flag)
  }
  const { '--checkpoint': cp, '--witnesses': keys, '--proof': proof, '--event': event } = options
  if (proof !== undefined) {
    if (files.length > 0 || cp !== undefined || keys === undefined) bad(USAGE)
    return checkProof(proof, readWitnesses(keys), event)
  }
  if (
    files.length < 1 ||
    files.length > 2 ||
    (cp === undefined) !== (keys === undefined) ||
    event !== undefined
  )
    bad(USAGE)
  const trust = files[1] === undefined ? null : parseJson(readText(files[1]), files[1])
  if (trust !== null && !isObject(trust)) bad(`${files[1]} is not a trust file (twokeys keys export)`)
  // Read the witnesses first: a bad keys.txt is bad input whatever the log says.
  const trusted = keys === undefined ? undefined : readWitnesses(keys)
  // With a trust file, every institution holding keys must have a witness in the witnesses file.
  reading = files[1] ?? reading
  const unwitnessed = Object.keys(trust?.institutions ?? {}).filter((i) => !trusted?.institutions.includes(i))
  if (trusted !== undefined && unwitnessed.length > 0)
    bad(
      `${keys} names no witness of ${unwitnessed.map((i) => `"${i}"`).join(', ')}, which hold keys in ${files[1]}`,
    )
  const keyrings = trust === null ? [] : replayKeyring(trust, files[1])
  const events = checkEvents(files[0], trust, keyrings)
  let out = `OK ${events.length} events${trust === null ? '' : `, signatures checked against keyring version ${keyrings.length}`}`
  if (cp !== undefined) {
    reading = cp
    const checkpoint = acceptCheckpoint(readText(cp), trusted, cp)
    checkAgainst(events, checkpoint)
    out += `; the first ${checkpoint.size} log entries match the checkpoint of ${checkpoint.origin} at size ${checkpoint.size}, cosigned by ${checkpoint.cosignedBy}`
  }
  return out
}

try {
  console.log(main(process.argv.slice(2)))
} catch (error) {
  // Bad input is exit 2; so is a file so malformed that a check could not even read it.
  if (!(error instanceof BadInput))
    console.error(`error: ${reading} is malformed: a field is missing or of the wrong type`)
  else console.error(error.message.startsWith('usage:') ? error.message : `error: ${error.message}`)
  process.exit(2)
}
