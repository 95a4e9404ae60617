import { fromBase64, toBase64 } from './base64.js'
import type { Hash } from './merkle.js'

const HEADER = 'c2sp.org/tlog-proof@v1'

/** An offline-checkable inclusion proof (c2sp.org/tlog-proof): entry `index` is in the checkpoint's tree. */
export interface TlogProof {
  /** Application data, not authenticated: here, the event's leaf data, so a reader can recompute the leaf. */
  extra?: Uint8Array
  index: number
  /** RFC 6962 inclusion path, from the leaf's sibling up to the root's child. */
  proof: Hash[]
  /** The checkpoint note, verbatim, with the log's signature and the witnesses' cosignatures. */
  note: string
}

/** The proof's text, as `twokeys audit prove` prints it (save it as `.tlog-proof`). */
export function formatTlogProof(p: TlogProof): string {
  const extra = p.extra === undefined ? '' : `extra ${toBase64(p.extra)}\n`
  return `${HEADER}\n${extra}index ${p.index}\n${p.proof.map((h) => `${toBase64(h)}\n`).join('')}\n${p.note}`
}

/** A proof from its text, or the reason it is not one. */
export function parseTlogProof(text: string): TlogProof | string {
  const split = text.indexOf('\n\n')
  if (split < 0) return 'a tlog proof has its header lines, a blank line, then the checkpoint'
  const lines = text.slice(0, split).split('\n')
  const note = text.slice(split + 2)
  if (lines[0] !== HEADER) return `a tlog proof starts with the line "${HEADER}"`
  let at = 1
  let extra: Uint8Array | undefined
  if (lines[at]?.startsWith('extra ') === true) {
    extra = fromBase64((lines[at] as string).slice(6))
    if (extra === undefined) return 'the extra line is not base64'
    at++
  }
  const index = /^index (0|[1-9]\d*)$/.exec(lines[at] ?? '')
  if (index === null || !Number.isSafeInteger(Number(index[1])))
    return `line ${at + 1} should be "index <n>" (a decimal with no leading zeroes)`
  const proof: Hash[] = []
  for (const line of lines.slice(at + 1)) {
    const hash = fromBase64(line)
    if (hash === undefined || hash.length !== 32) return `"${line}" is not a base64 SHA-256 hash`
    proof.push(hash)
  }
  if (proof.length > 63) return 'an inclusion proof has at most 63 hashes'
  return { ...(extra === undefined ? {} : { extra }), index: Number(index[1]), proof, note }
}
