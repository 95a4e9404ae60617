import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { emptyWitnessState, type WitnessState, WitnessStateSchema } from './WitnessState.js'
import { witnessError } from './witnessMessages.js'

/**
 * Reads the witness's state. A missing file is allowed only with `init` (a new witness key that
 * has never cosigned): then an empty state is written at once, so later starts need no --init.
 * `init` never replaces an existing file, so keeping it on a start script is not a way to lose
 * the state by accident.
 */
export function loadWitnessState(
  path: string,
  options: { witness: string; init: boolean } | { witness?: undefined; init?: false },
): WitnessState {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') throw witnessError('CONFIG_INVALID', 'state.unreadable', { path, code }, { cause })
    if (!options.init || options.witness === undefined)
      throw witnessError('CONFIG_INVALID', 'state.missing', { path })
    const state = emptyWitnessState(options.witness)
    saveWitnessState(path, state)
    return state
  }
  if (options.init) throw witnessError('CONFIG_INVALID', 'state.exists', { path })
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw witnessError('CONFIG_INVALID', 'state.notJson', { path }, { cause })
  }
  const parsed = WitnessStateSchema.safeParse(json)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(state)'}: ${i.message}`)
    throw witnessError('CONFIG_INVALID', 'state.notAState', { path, problems })
  }
  // Without a witness name (only to read it) any state is shown; with one, it must be this key's.
  if (options.witness !== undefined && parsed.data.witness !== options.witness)
    throw witnessError('CONFIG_INVALID', 'state.otherWitness', {
      path,
      witness: parsed.data.witness,
      key: options.witness,
    })
  return parsed.data
}

let saves = 0

/** fsync a directory so a rename in it survives a crash; some platforms cannot, which is fine there. */
function syncDirectory(dir: string): void {
  let fd: number | undefined
  try {
    fd = openSync(dir, 'r')
    fsyncSync(fd)
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw cause
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * Writes the state so that a crash leaves either the old file or the new one, never a torn one:
 * a temporary file in the same folder, fsync, rename over the state, fsync the folder. The witness
 * calls this before it answers 200 — a cosignature it forgets could be contradicted by the next.
 */
export function saveWitnessState(path: string, state: WitnessState): void {
  const checked = WitnessStateSchema.parse(state)
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}.${process.pid}.${++saves}.tmp`)
  try {
    const fd = openSync(temp, 'wx', 0o644)
    try {
      writeSync(fd, `${JSON.stringify(checked, null, 2)}\n`)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, path)
    syncDirectory(dir)
  } catch (cause) {
    rmSync(temp, { force: true })
    const code = (cause as NodeJS.ErrnoException).code ?? String(cause)
    throw witnessError('STORE_FAILED', 'state.unsaved', { path, code }, { cause })
  }
}
