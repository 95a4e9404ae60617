import { type Checkpoint, checkCosignatures, readCheckpointText } from './checkpoint.js'
import { type CosignedProblem, cosignedProblemText } from './cosignedMessages.js'
import { isNoteKeyProblem } from './noteKeyMessages.js'
import { isNoteProblem } from './noteMessages.js'
import {
  COSIGNATURE_ED25519,
  checkNote,
  NOTE_ED25519,
  readVerifierKey,
  type VerifierKey,
} from './signedNote.js'
import {
  type WitnessListProblem,
  type WitnessListSource,
  witnessListProblemText,
} from './witnessListMessages.js'

/** One institution's witness: its cosigning key and, for the log's publisher, where to reach it. */
export interface WitnessEntry {
  institution: string
  key: VerifierKey
  /** The witness's submission prefix (`POST <url>/add-checkpoint`), when the log should ask it. */
  url?: string
}

/** Who must sign a checkpoint: optionally the log's own key, and a witness of each institution. */
export interface WitnessList {
  log?: VerifierKey
  witnesses: WitnessEntry[]
}

/**
 * The witnesses file: one entry per line, `<institution> <witness vkey> [<url>]`, and `log <log
 * vkey>` for the log's own key; `#` starts a comment. For example:
 *
 *     log twokeys.example/commission+5e1f3c2a+AR…
 *     presidential-administration witness.pa.example+1a2b3c4d+BA… http://10.0.0.5:7380
 *     government-apparatus witness.ga.example+9f8e7d6c+BF…
 *
 * Its problem, in English; {@link readWitnessListText} gives it as a phrase.
 */
export function parseWitnessList(text: string, where = 'the witnesses file'): WitnessList | string {
  const read = readWitnessListText(text, { label: where })
  return 'key' in read ? witnessListProblemText(read) : read
}

/**
 * {@link parseWitnessList} with its problem as a phrase of `WITNESS_LIST_MESSAGES` (a message key
 * with its parameters), which the CLI words in its language.
 */
export function readWitnessListText(
  text: string,
  source: WitnessListSource,
): WitnessList | WitnessListProblem {
  const list: WitnessList = { witnesses: [] }
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/#.*/, '').trim()
    if (line === '') continue
    const at = { source, line: i + 1 }
    const [who = '', vkey = '', url, ...rest] = line.split(/\s+/)
    if (vkey === '' || rest.length > 0) return { key: 'witnessList.badLine', params: { at } }
    const key = readVerifierKey(vkey)
    if (isNoteKeyProblem(key)) return { key: 'witnessList.badKey', params: { at, problem: key } }
    if (who === 'log') {
      if (key.type !== NOTE_ED25519) return { key: 'witnessList.logKeyType', params: { at, type: key.type } }
      if (list.log !== undefined) return { key: 'witnessList.secondLog', params: { at } }
      if (url !== undefined) return { key: 'witnessList.logUrl', params: { at } }
      list.log = key
      continue
    }
    if (key.type !== COSIGNATURE_ED25519)
      return { key: 'witnessList.witnessKeyType', params: { at, institution: who, type: key.type } }
    if (url !== undefined && !/^https?:\/\/\S+$/.test(url))
      return { key: 'witnessList.badUrl', params: { at, url } }
    list.witnesses.push({
      institution: who,
      key,
      ...(url === undefined ? {} : { url: url.replace(/\/+$/, '') }),
    })
  }
  if (list.witnesses.length === 0) return { key: 'witnessList.noWitness', params: { source } }
  return list
}

/** A checkpoint accepted under a witness list: which institutions' witnesses cosigned it, and when. */
export interface CosignedCheckpoint {
  checkpoint: Checkpoint
  cosignedBy: { institution: string; witness: string; timestamp: number }[]
}

/**
 * Accepts a checkpoint note only when the log's key (if listed) signed it and a witness of EVERY
 * institution in the list cosigned it; otherwise says which signature is missing or bad.
 */
export function checkCosigned(note: string, list: WitnessList): CosignedCheckpoint | string {
  const accepted = acceptCheckpoint(note, list)
  return 'checkpoint' in accepted ? accepted : cosignedProblemText(accepted)
}

/**
 * {@link checkCosigned} with the reason as a phrase of `COSIGNED_MESSAGES` (a message key with its
 * parameters, the signatures' own problems phrases of `NOTE_MESSAGES`), which the CLI words in its
 * language.
 */
export function acceptCheckpoint(note: string, list: WitnessList): CosignedCheckpoint | CosignedProblem {
  if (list.log !== undefined) {
    const signed = checkNote(note, [list.log])
    if (isNoteProblem(signed)) return { key: 'cosigned.logSignature', params: { problem: signed } }
  }
  const cosigned = checkCosignatures(
    note,
    list.witnesses.map((w) => w.key),
  )
  if (isNoteProblem(cosigned)) return { key: 'cosigned.cosignatures', params: { problem: cosigned } }
  const checkpoint = readCheckpointText(cosigned.text)
  if (isNoteProblem(checkpoint)) return { key: 'cosigned.notACheckpoint', params: { problem: checkpoint } }
  const cosignedBy: CosignedCheckpoint['cosignedBy'] = []
  for (const w of list.witnesses) {
    const by = cosigned.cosignedBy.find((c) => c.name === w.key.name)
    if (by !== undefined)
      cosignedBy.push({ institution: w.institution, witness: by.name, timestamp: by.timestamp })
  }
  const institutions = [...new Set(list.witnesses.map((w) => w.institution))]
  const missing = institutions.filter((i) => !cosignedBy.some((c) => c.institution === i))
  if (missing.length > 0) return { key: 'cosigned.missing', params: { institutions: missing } }
  return { checkpoint, cosignedBy }
}

/** The vkey text of a parsed key, for messages. */
export const describeKey = (k: VerifierKey) => `${k.name}+${k.keyId.toString(16).padStart(8, '0')}`
