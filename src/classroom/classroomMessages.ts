import { errorsOf } from '../domain/phrasedError.js'

const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ')

/**
 * The English of the classroom server's own errors, by message key: the words that were there
 * before they were data, byte for byte. `CLASSROOM_MESSAGES_RU` has the same keys with the same
 * parameters. The HTTP API sends the English `message` (the page words an error from its code);
 * the CLI words the phrase in its language (`twokeys classroom` refusing a policy at start).
 */
export const CLASSROOM_MESSAGES = {
  'classroom.institutionWithoutHolder': (p: { institution: string }) =>
    `key of institution "${p.institution}" has no holder to sign the session's keyring for it; give it a holder`,
  'classroom.noRole': (p: { role: string; roles: string[] }) =>
    `no role "${p.role}" in this session; pick one of ${quoted(p.roles)}`,
  'classroom.roleTaken': (p: { role: string }) =>
    `role "${p.role}" is taken by another student; pick a free one`,
  'classroom.badPublicKey': (p: { start: string }) =>
    `publicKey ${JSON.stringify(p.start)} is not an Ed25519 public key; send its 32 bytes as base64url (43 characters)`,
  'classroom.noKey': (p: { key: string; keys: string[] }) =>
    `no key "${p.key}"; the keys are ${quoted(p.keys)}`,
  'classroom.noDeputyFor': (p: { key: string }) =>
    `key "${p.key}" has no principal who could be named deputy`,
  'classroom.noKeyOfHolder': (p: { holder: string }) =>
    `the session holds no key of "${p.holder}"; ask the student in that role`,
  'classroom.ownLogTampered': (p: { message: string }) =>
    `the session's own log does not verify: ${p.message}`,
  'classroom.cannotForgeYet': (p: { forgery: string; problem: string }) =>
    `cannot ${p.forgery} yet: ${p.problem}`,
  'classroom.ended': (_: Record<string, never>) =>
    'this session has ended; the debrief and the audit export are still there',
  'classroom.badBody': (p: { lines: string[] }) => `invalid request body:\n${p.lines.join('\n')}`,
  'classroom.noSession': (p: { id: string }) =>
    `no classroom session "${p.id}"; ask the teacher for the join code`,
  'classroom.noJoinCode': (p: { code: string }) =>
    `no open session has join code "${p.code}"; check the code on the board`,
  'classroom.notSessionFile': (p: { path: string; problem: string }) =>
    `${p.path} is not the file of a classroom session: ${p.problem}; it was left as it is. Give --db a new file name, or the file of a session to resume`,
  'classroom.foreignFile': (p: { path: string; tables: string[] }) =>
    `${p.path} holds no classroom session (${p.tables.length === 0 ? 'no tables' : `its tables: ${p.tables.join(', ')}`}); it was left as it is. Give --db a new file name, or the file of a session to resume`,
  'classroom.cannotWrite': (p: { path: string; problem: string }) =>
    `cannot write the session to ${p.path}: ${p.problem}; check that the disk has room and the file may be written`,
  'classroom.noSeat': (p: { role: string; keyId: string; seated: string[] }) =>
    `no student sits as "${p.role}"${p.keyId === '' ? '' : ` with key "${p.keyId}"`}; the seats taken are ${p.seated.length === 0 ? 'none' : quoted(p.seated)}`,
  'classroom.whichSeat': (p: { role: string; keyIds: string[] }) =>
    `${p.keyIds.length} students sit as "${p.role}"; say which with ?keyId= one of ${quoted(p.keyIds)}`,
  'classroom.fileTaken': (p: { path: string }) =>
    `${p.path} already holds a session; resume it (start twokeys classroom on it again) rather than open another there`,
  'classroom.inUse': (p: { path: string; pid: number; host: string; since: string }) =>
    `${p.path} is in use by another twokeys classroom server (pid ${p.pid} on ${p.host}, since ${p.since} UTC), and two servers on one session would both write it; stop that server first (Ctrl-C), or give --db another file name`,
  'classroom.otherPolicy': (p: { path: string; policy: string; hash: string }) =>
    `${p.path} holds a session of policy "${p.policy}" (hash ${p.hash.slice(0, 12)}…), not of the policy given; start with that policy's file, or give --db a new file name`,
}

/** A classroom error whose message is a phrase of {@link CLASSROOM_MESSAGES}. */
export const classroomError = errorsOf(CLASSROOM_MESSAGES)
