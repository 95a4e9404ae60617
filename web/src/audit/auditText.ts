/**
 * Every word the keys, witnessed-log and forgery parts of the playground show, in one place (the
 * page has no translations; a translation would replace this module).
 */
import type { CheckId } from './auditChecks.js'
import type { Forgery } from './forgeries.js'

export const CHECK_NAMES: Record<CheckId, string> = {
  hash: 'Hash',
  link: 'Link',
  signature: 'Signature',
  checkpoint: 'Checkpoint root',
  witness: 'Witness cosign',
}

/** What each check asks, in plain words. */
export const CHECK_QUESTIONS: Record<CheckId, string> = {
  hash: 'Does each event’s hash match its content?',
  link: 'Does each event name the hash of the one before?',
  signature:
    'Does each signed command verify under its principal’s key, and does the event say what it said?',
  checkpoint: 'Do the first events give the root both witnesses cosigned?',
  witness: 'Would both witnesses cosign this log as it is now?',
}

export const FORGERY_OPTIONS: Record<Forgery, string> = {
  'forge-signature': 'forges a signature: changes a signed decision and recomputes the hashes',
  'rewrite-history': 'rewrites history: backdates the event and recomputes every later hash',
  'cut-tail': 'cuts off the tail: drops this event and every later one',
}

/** Why the catching check is the one that catches each forgery, in a sentence. */
export const FORGERY_MORALS: Record<Forgery, string> = {
  'forge-signature':
    'A new signature needs the signer’s private key, which never left their browser: the operator can recompute hashes, not signatures. (Had the operator written the false decision before the witnesses cosigned, they would have cosigned it; the signature would still catch it.)',
  'rewrite-history':
    'Every hash and link checks out and every signature verifies — nobody signs the time — but the witnesses already cosigned the old root. No consistency proof leads from it to the rewritten log, so neither witness will cosign it.',
  'cut-tail':
    'What is left is a whole chain, but both witnesses cosigned a bigger log. A log only grows: neither will cosign a smaller one.',
}

export const TEXT = {
  keysTitle: 'Keys (made in this browser)',
  keysAll: 'Every principal’s key, and how commands are signed',
  keysIntro:
    'When the session started, this page made an Ed25519 key for each principal, here, with your browser’s random source. The keyring lists them, signed by a key of each institution that holds a key. Every command you send is signed by the acting principal’s key before the engine sees it; the engine runs with identity: signed and checks each signature.',
  keysNone: (problem: string) =>
    `This policy cannot run with signed identity (${problem}); commands go unsigned.`,
  keysActing: (principal: string, keyId: string, fingerprint: string) =>
    `You act as ${principal}: your commands are signed with key ${keyId} (fingerprint ${fingerprint}).`,
  keysOutsider: (principal: string, keyId: string) =>
    `You act as ${principal}: its key ${keyId} is not in the keyring, so the engine refuses its commands as UNAUTHENTICATED.`,
  keysCaption: 'Each principal’s key: key id and fingerprint (SHA-256 of the public key).',
  keysColumns: ['Principal', 'Key id', 'Fingerprint', 'In the keyring'],
  inKeyring: '✓ yes',
  notInKeyring: '✖ no',

  checkpointTitle: 'Latest cosigned checkpoint',
  checkpointNone: 'No checkpoint yet: the log publishes one after each accepted command.',
  checkpointLine: (origin: string, size: number, root: string) =>
    `origin ${origin} · size ${size} · root ${root}…`,
  witnessMark: (label: string, ok: boolean) => `${ok ? '✓' : '✖'} ${label} witness`,
  checkpointNote: 'The signed note (log signature, then the two cosignatures)',
  checkpointIntro:
    'After each accepted command the page’s log publishes a checkpoint (its size and Merkle root), signed with the log’s key. Two witnesses — one run by the Presidential Administration, one by the Government Apparatus, each with its own key made in this browser — cosign it only if a consistency proof shows it extends the last checkpoint they cosigned.',

  checksCaption: 'Every check on the forged copy. The first that fails catches it.',
  checksColumns: ['Check', 'Result', 'In plain words'],
  caughtHere: '← catches it',
  passes: '✓ passes',
  fails: '✖ fails',
  caughtBy: (check: string) => `✖ Caught by the ${check.toLowerCase()} check`,
  notCaught: '✓ No check catches this copy.',
  forgedChainHolds: 'Every hash and every link checks out (verifyAudit finds nothing);',
  youChanged: (change: string) => `You changed ${change}.`,
  receiptNote:
    'The engine’s last receipt would show it too — but only to whoever sent the last command. The cosigned checkpoint shows it to everyone.',

  signatureWord: (ok: boolean, by: string) => (ok ? `✓ signed by ${by}` : `✖ signature of ${by} fails`),
  unsignedWord: '· not signed',
} as const

/** The lesson “Why neither an operator nor one institution can rewrite what was decided”. */
export const LESSON = {
  tab: 'Rewrite history?',
  title: 'Why neither an operator nor one institution can rewrite what was decided',
  intro:
    'The operator runs the server and can write anything into its database. The co-chairs belong to two institutions that do not fully trust each other. This lesson runs a fresh playground session in your browser and lets the operator try to change what was decided — then runs every check on each forged copy.',
  begin: 'Press “Next step” to begin.',
  keysTitle: 'Every principal has a key, made in your browser',
  keysSay:
    'The page made an Ed25519 key for each principal. The public halves went into the keyring, which both institutions signed; the private halves never left the page. The operator holds none of them.',
  keyLine: (principal: string, keyId: string, fingerprint: string) =>
    `${principal}: key ${keyId}, fingerprint ${fingerprint}`,
  signedTitle: 'Every command is signed by whoever sends it',
  signedSay:
    'The ministry proposes and submits, Oreshkin turns the Presidential Administration key, Grigorenko the Government Apparatus key. Each command is signed by its sender’s key; the engine (identity: signed) checks the signature and keeps the signed command with the event.',
  signedLine: (seq: number, type: string, by: string, keyId: string) =>
    `seq ${seq} ${type} by ${by} — ✓ signed with key ${keyId}`,
  witnessedTitle: 'The log publishes checkpoints; two witnesses cosign them',
  witnessedSay:
    'After each command the log signs a checkpoint: how many events it holds and the Merkle root over them. The Presidential Administration’s witness and the Government Apparatus’s witness each cosign it only if a consistency proof shows it extends the last checkpoint they cosigned — they never need the events themselves.',
  checkpointLine: (origin: string, size: number, root: string) =>
    `checkpoint: origin ${origin}, size ${size}, root ${root}…`,
  cosignedLine: (label: string, ok: boolean) =>
    ok ? `✓ the ${label} witness cosigned` : `✖ the ${label} witness did not cosign`,
  forgeTitle: 'The operator changes a signed decision',
  forgeSay:
    'The operator turns Grigorenko’s approval into a refusal — in the event and in the signed command — and recomputes every hash. It cannot make Grigorenko’s signature: only his private key can.',
  rewriteTitle: 'The operator rewrites history and recomputes every hash',
  rewriteSay:
    'The operator backdates Oreshkin’s approval by a day — the time is the operator’s record; no signature covers it — and recomputes the hash of every later event. Every chain check passes.',
  cutTitle: 'The operator cuts off the tail',
  cutSay:
    'The operator drops Grigorenko’s approval, the newest event. What is left is a whole, valid chain, as if he had never decided.',
  operatorDid: (change: string) => `The operator: ${change}.`,
  oneWitnessTitle: 'One institution sides with the operator',
  oneWitnessSay:
    'Suppose the Presidential Administration’s witness cosigns the rewritten log without checking. The Government Apparatus’s witness still refuses, and a checkpoint counts only with both cosignatures.',
  refusedLine: (reason: string) => `The Government Apparatus witness refuses: ${reason}.`,
  needsBoth: (have: number, need: number) =>
    `${have} of ${need} cosignatures: a reader who requires both rejects the rewritten log.`,
  keyringTitle: 'One institution gives itself the other’s key',
  keyringSay:
    'Could the Presidential Administration add a new key for Grigorenko to the keyring, and then sign in his name? A keyring change takes effect only when a key of every key-holding institution signs it. The engine is asked to apply a change signed by the Presidential Administration alone.',
  keyringRefused: (code: string, message: string) => `✖ The engine refuses it (${code}): ${message}`,
  keyringAccepted: '✓ The engine applied it (this should not happen).',
  summaryTitle: 'Who could rewrite what was decided?',
  summarySay:
    'Each check covers what the others cannot. Hashes and links show an edit, but whoever holds the log can recompute them. Signatures show what each principal asked, and only the principal’s own key makes one. The cosigned checkpoint shows the log as it was — its size and root — to everyone, and it takes both institutions’ witnesses.',
  summaryLines: [
    'The operator alone: can recompute hashes and links, but not a principal’s signature (caught by the signature check), and not the checkpoint both witnesses cosigned (caught by the checkpoint root and the witnesses).',
    'One institution with the operator: one witness’s cosignature is not two; one institution’s signature does not change the keyring; one co-chair cannot turn the other’s key (TK2).',
    'Both institutions together: then the decision is theirs to make — which is the point of two keys.',
  ],
  stopped: (check: string) => `Stopped by: ${check}`,
  stepOf: (at: number, total: number) => `Step ${at} of ${total}`,
  before: (total: number) => `Before the lesson · ${total} steps`,
  restart: 'Restart',
  previous: '◀ Previous step',
  next: 'Next step ▶',
  stepsGroup: 'Step through the lesson',
  allSteps: 'All steps',
  loading: 'Running the lesson’s session in your browser…',
} as const
