import { toBase64 } from '../tlog/base64.js'
import type { Hash } from '../tlog/merkle.js'

/** The add-checkpoint request body (c2sp.org/tlog-witness): old size, consistency proof, blank line, checkpoint. */
export function addCheckpointBody(oldSize: number, proof: readonly Hash[], note: string): string {
  return `old ${oldSize}\n${proof.map((h) => `${toBase64(h)}\n`).join('')}\n${note}`
}
