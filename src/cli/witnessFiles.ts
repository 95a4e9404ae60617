import {
  acceptCheckpoint,
  type CosignedCheckpoint,
  cosignedProblemText,
  isNoteKeyProblem,
  type NoteSigner,
  noteKeyProblemText,
  readNoteSignerText,
  readWitnessListText,
  signingInstitutions,
  TwoKeysError,
  type WitnessList,
  witnessListProblemText,
} from '../index.js'
import { readText } from './auditFiles.js'
import { saidForPeople } from './errorForPeople.js'
import { loadCliPolicy } from './packagePath.js'
import { witnessedLogWords } from './witnessedLogWords.js'

/** The witnesses file, parsed; with a policy, it must name a witness of each key-holding institution. */
export function readWitnessList(path: string, policyPath?: string): WitnessList {
  const list = readWitnessListText(readText(path, 'witnesses file'), { file: path })
  // the problem as a phrase, so that the CLI words it in its language
  if ('key' in list) throw new TwoKeysError('COMMAND_INVALID', witnessListProblemText(list), { said: list })
  if (policyPath !== undefined) {
    const named = new Set(list.witnesses.map((w) => w.institution))
    const missing = signingInstitutions(loadCliPolicy(policyPath)).filter((i) => !named.has(i))
    if (missing.length > 0)
      throw new TwoKeysError('COMMAND_INVALID', witnessedLogWords().noWitnessOf(path, missing, policyPath))
  }
  return list
}

/**
 * `--checkpoint` with `--witnesses`: the checkpoint, accepted only when the log's key (if listed)
 * signed it and a witness of every listed institution cosigned it; AUDIT_TAMPERED otherwise (a
 * checkpoint nobody vouches for proves nothing). Undefined when neither option is given.
 */
export async function readCosignedCheckpoint(options: {
  checkpoint?: string
  witnesses?: string
  policy?: string
}): Promise<CosignedCheckpoint | undefined> {
  if (options.checkpoint === undefined && options.witnesses === undefined) return undefined
  if (options.checkpoint === undefined || options.witnesses === undefined)
    throw new TwoKeysError('COMMAND_INVALID', witnessedLogWords().checkpointAndWitnesses)
  const list = readWitnessList(options.witnesses, options.policy)
  const note = readText(options.checkpoint, 'checkpoint')
  const cosigned = acceptCheckpoint(note, list)
  if ('checkpoint' in cosigned) return cosigned
  // why, from its phrase: the CLI's language words it
  const why = saidForPeople(cosigned, cosignedProblemText(cosigned))
  throw new TwoKeysError('AUDIT_TAMPERED', witnessedLogWords().checkpointNotAccepted(options.checkpoint, why))
}

/** A log or witness private key file (`PRIVATE+KEY+…`). */
export function readNoteSigner(path: string, what: string): NoteSigner {
  const signer = readNoteSignerText(readText(path, what))
  if (isNoteKeyProblem(signer)) {
    const why = saidForPeople(signer, noteKeyProblemText(signer))
    throw new TwoKeysError('COMMAND_INVALID', witnessedLogWords().badKeyFile(what, path, why))
  }
  return signer
}
