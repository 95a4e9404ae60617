// The public API of twokeys: named exports only (see CONVENTIONS.md #10).

// What the checkers find, as phrases (a key and its parameters) with an English and a Russian catalogue.
export {
  CHECK_WORDS,
  type CheckKey,
  type CheckPhrase,
  type CheckWords,
  checkPhrase,
  sayCheck,
} from '../machines/checkPhrases.js'
export { describePhase, type Phase, phaseOf } from '../machines/describeState.js'
export type { Decision, Delegation, InitiativeContext, Revision } from '../machines/InitiativeContext.js'
export { createInitiativeMachine, type InitiativeMachine, keyStateId } from '../machines/initiative.js'
// Russian names of the machine's phases (PHASE_NAMES_RU[phase]), beside REFUSAL_MESSAGES_RU.
export { PHASE_NAMES_RU } from '../machines/phaseNames.ru.js'
// The rules' phrases and their English; phaseTerm is the catalogue's word for a phase ("in review").
export {
  type Phrase,
  type PhraseParam,
  phaseTerm,
  phrase,
  REFUSAL_MESSAGES,
  type RefusalKey,
  reasonsIn,
  renderPhrase,
  term,
} from '../machines/refusalMessages.js'
export { REFUSAL_MESSAGES_RU } from '../machines/refusalMessages.ru.js'
export {
  createRules,
  isRule,
  type RefusalCode,
  type Rule,
  type Rules,
  type Selector,
} from '../machines/rules.js'
// Policy diff (twokeys diff): two policies' machines in lockstep, differences as shortest stories.
// The analyses' errors (analyze, power, query, replay), in English and in Russian.
export { ANALYZE_MESSAGES } from './analyze/analyzeMessages.js'
export { ANALYZE_MESSAGES_RU } from './analyze/analyzeMessages.ru.js'
export { assertDiffComplete } from './analyze/diff/assertDiffComplete.js'
export type {
  DifferenceShape,
  DiffGroup,
  DiffResult,
  DiffSide,
  DiffStory,
  OnlyIn,
  SideOutcome,
  StoryKey,
  StoryStep,
} from './analyze/diff/DiffResult.js'
export { type DiffOptions, diffPolicies } from './analyze/diff/diffPolicies.js'
export { type DiffWords, ENGLISH_DIFF_WORDS, RUSSIAN_DIFF_WORDS } from './analyze/diff/diffWords.js'
export { type FormatDiffOptions, formatDiff } from './analyze/diff/formatDiff.js'
// Exact answers (twokeys analyze): one initiative as an absorbing CTMC on the compiled table, by uniformization.
export { type AnalyzeExactOptions, analyzeExact, deadlinesOf } from './analyze/exact/analyzeExact.js'
export { buildChain, type ExactChain, withRates } from './analyze/exact/buildChain.js'
export type { ExactAnalysis, ExactCdfPoint, ExactSensitivity } from './analyze/exact/ExactAnalysis.js'
export {
  type AssumedExponential,
  type ExactRates,
  type ExactRatesOptions,
  exactRatesOf,
} from './analyze/exact/exactRates.js'
export {
  ENGLISH_EXACT_WORDS,
  type ExactWords,
  RUSSIAN_EXACT_WORDS,
  russianExactWords,
} from './analyze/exact/exactWords.js'
export { formatExactAnalysis } from './analyze/exact/formatExactAnalysis.js'
export { type Absorption, solveAbsorption } from './analyze/exact/solveAbsorption.js'
export { type ChainDistribution, uniformize } from './analyze/exact/uniformize.js'
// Power analysis (twokeys power): minimal winning coalitions, veto players, Banzhaf and Shapley–Shubik.
export { type AnalyzePowerOptions, analyzePower } from './analyze/power/analyzePower.js'
export { type CoalitionGame, coalitionGame } from './analyze/power/coalitionGame.js'
export { crossCheck } from './analyze/power/crossCheck.js'
export { formatPower } from './analyze/power/formatPower.js'
export { type ExactShare, type HolderIndices, holderIndices } from './analyze/power/holderIndices.js'
export type { PowerKind } from './analyze/power/PowerKind.js'
export type {
  DelegationWindow,
  KindPower,
  MemberRole,
  PowerCoalition,
  PowerMember,
  PowerResult,
} from './analyze/power/PowerResult.js'
export { powerKinds } from './analyze/power/powerKinds.js'
export { powerToMermaid } from './analyze/power/powerToMermaid.js'
export { ENGLISH_POWER_WORDS, type PowerWords, RUSSIAN_POWER_WORDS } from './analyze/power/powerWords.js'
// Queries over the state space (twokeys query): a shortest story to a state where a condition holds, or a proof that none does.
export { type FactValue, factValue, queryHolds } from './analyze/query/evaluateQuery.js'
export {
  ENGLISH_QUERY_WORDS,
  formatQueryResult,
  type QueryWords,
  RUSSIAN_QUERY_WORDS,
} from './analyze/query/formatQueryResult.js'
export type { ParsedQuery } from './analyze/query/ParsedQuery.js'
export { parseQuery } from './analyze/query/parseQuery.js'
export type { QueryResult } from './analyze/query/QueryResult.js'
export { type QueryOptions, query } from './analyze/query/query.js'
export { type KeyFacts, type StateFacts, stateFacts } from './analyze/query/stateFacts.js'
// Counterfactual replay (twokeys replay): a store's histories re-judged under a candidate policy.
export { ENGLISH_REPLAY_STYLE, formatReplay, type ReplayStyle } from './analyze/replay/formatReplay.js'
export type {
  DeadlineField,
  DeadlineStep,
  Divergence,
  InitiativeReplayResult,
  Migration,
  MigrationBlock,
  RefusedEvent,
  ReplayResult,
} from './analyze/replay/ReplayResult.js'
export { type RejudgeInput, rejudgeInitiative } from './analyze/replay/rejudgeInitiative.js'
export { type ReplayOptions, replayStore } from './analyze/replay/replayStore.js'
export { ENGLISH_REPLAY_WORDS, type ReplayWords, RUSSIAN_REPLAY_WORDS } from './analyze/replay/replayWords.js'
// The audit's findings as phrases, with their English (AuditMessages: a catalogue to word them in yours).
export {
  AUDIT_MESSAGES,
  type AuditMessages,
  type AuditPhrase,
  auditPhrase,
  renderAuditPhrase,
} from './audit/auditMessages.js'
export { AUDIT_MESSAGES_RU } from './audit/auditMessages.ru.js'
export { type CheckpointVerdict, checkAgainstCheckpoint } from './audit/checkAgainstCheckpoint.js'
export { exportAudit } from './audit/exportAudit.js'
// An exported audit file's Merkle leaves by logIndex, to check the file against a checkpoint (or why not).
export { fileLeaves, fileLeavesOrWhy } from './audit/fileLeaves.js'
export { type ImportAuditOptions, type ImportSummary, importAudit } from './audit/importAudit.js'
// An exported audit log split into entries: from its text, or from lines as they are read (a large file streams).
export { type AuditLine, parseAuditLines, parseAuditLog } from './audit/parseAuditLog.js'
// An audit report's problems and findings in a language (AUDIT_MESSAGES or AUDIT_MESSAGES_RU).
export { findingIn, problemsIn } from './audit/phrasedProblems.js'
export { readAuditLog } from './audit/readAuditLog.js'
// Verifying an exported log: the chain, signatures and rules; TamperedPhrase is why it refused one, as data.
export {
  type AuditHead,
  type AuditProblem,
  type AuditResult,
  assertAuditOk,
  type TamperedPhrase,
  type VerifyAuditOptions,
  verifyAudit,
} from './audit/verifyAudit.js'
export {
  type AuditSection,
  type StoreAuditReport,
  type VerifyStoreOptions,
  verifyStore,
} from './audit/verifyStore.js'
export { type Command, type CommandInput, CommandSchema, type CommandType } from './domain/Command.js'
export type { CommandSignature } from './domain/CommandSignature.js'
export { canonicalHash, canonicalJson, sha256Hex } from './domain/canonicalHash.js'
export { eventHash } from './domain/eventHash.js'
export {
  type InitiativeContent,
  type InitiativeContentInput,
  InitiativeContentSchema,
  type Scope,
} from './domain/InitiativeContent.js'
export {
  type InitiativeEvent,
  InitiativeEventSchema,
  type InitiativeEventType,
} from './domain/InitiativeEvent.js'
// An instant given as ISO text, epoch milliseconds or a Date, as epoch milliseconds or the reason not.
export { toInstant } from './domain/InstantInputSchema.js'
export { parseCommand } from './domain/parseCommand.js'
// An error whose message is a phrase of a message table (TwoKeysError.said), in any language.
export { errorsOf, type MessageTable, phrasedError } from './domain/phrasedError.js'
// Why a record id (initiative, principal) is not acceptable, or undefined when it is.
export { recordIdPhrase, recordIdProblem } from './domain/RecordIdSchema.js'
// Why a text is not an initiative or command id, as a phrase, in English and in Russian.
export { RECORD_ID_MESSAGES, type RecordIdProblem, recordIdProblemText } from './domain/recordIdMessages.js'
export { RECORD_ID_MESSAGES_RU } from './domain/recordIdMessages.ru.js'
export { type StatePoint, stateDigest } from './domain/stateDigest.js'
// The one error class and its codes; ErrorPhrase is an error's message as a phrase (`said`).
export {
  ERROR_CODES,
  type ErrorCode,
  type ErrorDetails,
  type ErrorPhrase,
  type Issue,
  isTwoKeysError,
  REFUSAL_CODES,
  TwoKeysError,
} from './domain/TwoKeysError.js'
export {
  createEngine,
  type Engine,
  type EngineOptions,
  type InitiativeSummary,
  type Receipt,
} from './engine/createEngine.js'
export {
  type DeadlineTicker,
  type DeadlineTickerOptions,
  startDeadlineTicker,
} from './engine/deadlineTicker.js'
// The engine's errors (refusals, initiatives it cannot find or load, bad arguments), in English and in Russian.
export { ENGINE_MESSAGES } from './engine/engineMessages.js'
export { ENGINE_MESSAGES_RU } from './engine/engineMessages.ru.js'
export { type Explanation, explainEvent } from './engine/explainEvent.js'
export { foldEvents } from './engine/foldEvents.js'
export { type Board, type KeyLine, type KeyStatus, keyBoard } from './engine/keyBoard.js'
// A key's state in one line (who turned it, whom it waits for), in English words or yours.
export { ENGLISH_SUMMARY_WORDS, type KeySummaryWords, keySummary } from './engine/keySummary.js'
export { type Clock, manualClock, systemClock } from './engine/systemClock.js'
export {
  type KeyAwaited,
  startWebhooks,
  type WebhookOptions,
  type WebhookSender,
  webhookSignature,
} from './engine/webhookSender.js'
// The explorer's letters; EPOCH is when its initiatives are proposed (day 0 of every counterexample).
export { type AbstractEvent, EPOCH, type EventRole } from './explore/alphabet.js'
export {
  type CompiledTable,
  type CompileOptions,
  compile,
  KEY_STATUSES,
  PHASES,
  TRACKS,
  UNEXPANDED,
} from './explore/compile.js'
export type { ExploreProgress } from './explore/explore.js'
export { createLazyTable, type LazyTableOptions } from './explore/lazyTable.js'
// A search's errors (a bug not in the catalogue, a state or memory limit), in English and in Russian.
export { SEARCH_MESSAGES } from './explore/searchMessages.js'
export { applyKeyringChange, signingInstitutions } from './identity/applyKeyringChange.js'
export { firstKeyringChange } from './identity/firstKeyringChange.js'
// Key files', keyring changes' and signatures' problems and errors, in English and in Russian.
export {
  IDENTITY_MESSAGES,
  KEY_PROBLEMS,
  type KeyProblem,
  keyProblem,
  renderKeyProblem,
} from './identity/identityMessages.js'
export { IDENTITY_MESSAGES_RU, KEY_PROBLEMS_RU } from './identity/identityMessages.ru.js'
export {
  type KeyringChange,
  type KeyringChangeInput,
  KeyringChangeSchema,
  keyringHash,
} from './identity/KeyringChange.js'
export { type KeyEntry, KeyEntrySchema, type Keyring, KeyringSchema } from './identity/KeyringSchema.js'
export { loadPrivateKeyFile, loadPrivateKeyFiles } from './identity/loadPrivateKeyFiles.js'
export { newKeyPair, type PrivateKeyFile, PrivateKeyFileSchema } from './identity/PrivateKeyFile.js'
export { createSignatureMemo, type SignatureMemo } from './identity/signatureMemo.js'
export { commandSigningBytes, type SignedCommand, signCommand } from './identity/signCommand.js'
export { signKeyringChange } from './identity/signKeyringChange.js'
export { type SignatureVerdict, verifyCommandSignature } from './identity/verifyCommandSignature.js'
// The invariants' statements in Russian (TK1 …), as the verifier and the playground print them.
export { INVARIANT_TEXTS_RU } from './invariants/invariantTexts.ru.js'
// A store's Merkle log, or a clear error for a store that keeps none.
// The transparency log's errors, in English and in Russian.
export { LOG_MESSAGES } from './log/logMessages.js'
export { LOG_MESSAGES_RU } from './log/logMessages.ru.js'
export { logOf } from './log/logOf.js'
export { acceptCosignatures, addCheckpointRequest } from './log/offlineCosigning.js'
export { proveEvent } from './log/proveEvent.js'
export { publishCheckpoint } from './log/publishCheckpoint.js'
// The leaf hashes of a store's Merkle log, read in pages; a missing leaf is an AUDIT_TAMPERED error.
export { readLeafHashes } from './log/readLeafHashes.js'
export { requestCosignatures, type WitnessAnswer } from './log/requestCosignatures.js'
// A document's loading errors (a policy, a script, a scenario), in English and in Russian.
export { type DocumentKind, FILE_MESSAGES } from './policy/fileMessages.js'
export { FILE_MESSAGES_RU } from './policy/fileMessages.ru.js'
// Policy issues as the CLI prints them (✖ message, → at path), in English words or yours.
export { ENGLISH_ISSUE_WORDS, formatIssues, type IssueWords } from './policy/formatIssues.js'
// A path into a document as people read it (keys[1].quorum).
export { formatPath } from './policy/formatPath.js'
export { hashPolicy } from './policy/hashPolicy.js'
export {
  loadPolicy,
  type SafePolicyResult,
  safeLoadPolicy,
  safeParsePolicy,
} from './policy/loadPolicy.js'
export { loadPolicyFile } from './policy/loadPolicyFile.js'
// Where in a policy file's text an issue's path points (line and column).
export { locateIssue } from './policy/locateIssue.js'
export {
  type Key,
  type Policy,
  type PolicyInput,
  PolicySchema,
  type Principal,
  type Region,
  type RoutingRule,
  type Track,
} from './policy/PolicySchema.js'
// The phrase behind a message (phraseOf), kept on a copy (keepPhrase).
export { keepPhrase, phraseOf, withPhrase } from './policy/phrased.js'
// A policy issue's message in a language (POLICY_MESSAGES or POLICY_MESSAGES_RU).
export { issueMessage } from './policy/phrasedIssue.js'
export { policyJsonSchema } from './policy/policyJsonSchema.js'
export { POLICY_MESSAGES, type PolicyPhrase, renderPolicyPhrase } from './policy/policyMessages.js'
export { POLICY_MESSAGES_RU } from './policy/policyMessages.ru.js'
export { type PolicyWarning, policyWarnings } from './policy/policyWarnings.js'
export { type SafeLoadResult, safeLoadDocument } from './policy/safeLoadDocument.js'
export { PACKAGE_PATH, shippedFile, shippedPolicy } from './policy/shippedFile.js'
// One recorded event as a sentence (the history's lines), in English words or yours.
export { describeEvent, ENGLISH_EVENT_WORDS, type EventWords } from './render/describeEvent.js'
export { type HistoryMermaidOptions, historyToMermaid } from './render/historyToMermaid.js'
// What each key's region of a chart says beyond its id (quorum, veto, deputies), for toMermaid's labels.
export { keyRegionLabels } from './render/keyRegionLabels.js'
export { toDot } from './render/toDot.js'
export { toMermaid } from './render/toMermaid.js'
// A simulation or comparison as one self-contained HTML page (tables and inline SVG charts).
export { renderSimulationReport } from './report/renderSimulationReport.js'
// A script step's action in Russian words, for describeAction.
export { RUSSIAN_ACTION_WORDS } from './script/actionWords.ru.js'
// A script step's action in a few words ("approve presidential-administration"), in English words or yours.
export { describeAction } from './script/describeAction.js'
// A script file (YAML or JSON) read with located errors, its policy path resolved against its folder.
export { loadScriptFile } from './script/loadScriptFile.js'
// A script run through a fresh engine on a manual clock: every step accepted, or refused with reasons.
export { runScript, type ScriptRun, type StepResult } from './script/runScript.js'
// A count with its Russian plural form (3 состояния, 5 состояний), for word catalogues.
export { russianPlural } from './script/russianPlural.js'
// Scripts (twokeys run): a story of commands as data, run against a fresh engine and narrated.
export { narrationIn, type ScriptStep, STEP_COMMANDS } from './script/ScriptSchema.js'
// A simulation's or comparison's table and CSV, in English words or yours.
export {
  comparisonCsv,
  ENGLISH_SIMULATION_WORDS,
  ENGLISH_SWEEP_WORDS,
  formatComparison,
  formatSimulation,
  type SimulationWords,
  type SweepWords,
  simulationCsv,
} from './simulate/formatSimulation.js'
export { loadScenarioFile, type SafeScenarioResult, safeLoadScenario } from './simulate/loadScenario.js'
// The largest replication count and seed a simulation accepts.
export { MAX_REPLICATIONS, MAX_SEED } from './simulate/runReplications.js'
// Simulation scenarios; MAX_SCENARIO_DAYS is the longest horizon one may ask for.
export { MAX_SCENARIO_DAYS, type Scenario, ScenarioSchema } from './simulate/ScenarioSchema.js'
export type { ComparisonResult, MetricEstimate, SimulationResult } from './simulate/SimulationResult.js'
export {
  type CompareOptions,
  compare,
  type SimulateOptions,
  simulate,
  type TableOptions,
} from './simulate/simulate.js'
// The simulator's errors (options, --vary, scenario paths, a scenario against its policy), in English and in Russian.
export { type NodeShown, SIMULATE_MESSAGES } from './simulate/simulateMessages.js'
export { SIMULATE_MESSAGES_RU } from './simulate/simulateMessages.ru.js'
// A metric's estimate with its confidence interval (Student-t, or Wilson for a share).
export type { Estimate } from './simulate/studentT.js'
// A replication's figures summarised; the interval and quantile methods by name, for reports.
export { INTERVAL_METHOD, QUANTILE_METHOD, summarize } from './simulate/summarize.js'
// Sweeps: one parameter varied (parseVary reads `--vary`), as a table or CSV.
export {
  formatSweep,
  parseVary,
  type SweepOptions,
  type SweepResult,
  sweep,
  sweepCsv,
} from './simulate/sweep.js'
export { memoryStore } from './stores/memoryStore.js'
export type {
  CommandEntry,
  CommandOutcome,
  RecordedEvent,
  RefusalInput,
  RefusalRecord,
  Store,
  StoredCheckpoint,
  StoredKeyringChange,
  StoredSnapshot,
  StoreLog,
} from './stores/Store.js'
// The stores' errors (a driver's failure, a lost race, a refused checkpoint), in English and in Russian.
export { STORE_MESSAGES } from './stores/storeMessages.js'
export { STORE_MESSAGES_RU } from './stores/storeMessages.ru.js'
export {
  type Checkpoint,
  type Cosignatures,
  checkCosignatures,
  checkpointText,
  parseCheckpointText,
  readCheckpointText,
  verifyCosignatures,
} from './tlog/checkpoint.js'
// Why a checkpoint is not accepted under a witness list, and why a note, a checkpoint or a
// cosignature does not check out, as phrases, in English and in Russian.
export { COSIGNED_MESSAGES, type CosignedProblem, cosignedProblemText } from './tlog/cosignedMessages.js'
export { COSIGNED_MESSAGES_RU } from './tlog/cosignedMessages.ru.js'
export { type LogLeaf, type LogPlace, logLeafData, logLeafHash } from './tlog/logLeaf.js'
export {
  consistencyProof,
  inclusionProof,
  MerkleFrontier,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from './tlog/merkle.js'
// Note signing keys (C2SP signed notes); checkKeyName says why a name cannot name a key.
export {
  checkKeyName,
  formatNoteSigner,
  generateNoteSigner,
  keyNameProblem,
  type NoteSigner,
  parseNoteSigner,
  readNoteSignerText,
  verifierKeyOf,
} from './tlog/noteKey.js'
// Why a text is not a key name, a private key or a verifier key, as a phrase, in English and in Russian.
export {
  isNoteKeyProblem,
  NOTE_KEY_MESSAGES,
  type NoteKeyProblem,
  noteKeyProblemText,
} from './tlog/noteKeyMessages.js'
export { NOTE_KEY_MESSAGES_RU } from './tlog/noteKeyMessages.ru.js'
export { NOTE_MESSAGES, type NoteProblem, noteProblemText } from './tlog/noteMessages.js'
export { NOTE_MESSAGES_RU } from './tlog/noteMessages.ru.js'
// Signed notes; NOTE_ED25519 and COSIGNATURE_ED25519 are the log's and a witness's key types.
export {
  COSIGNATURE_ED25519,
  checkNote,
  NOTE_ED25519,
  parseVerifierKey,
  readNote,
  readVerifierKey,
  signNote,
  type VerifierKey,
  verifyNote,
} from './tlog/signedNote.js'
export { formatTlogProof, parseTlogProof, type TlogProof } from './tlog/tlogProof.js'
export {
  acceptCheckpoint,
  type CosignedCheckpoint,
  checkCosigned,
  parseWitnessList,
  readWitnessListText,
  type WitnessList,
} from './tlog/witnessList.js'
export {
  WITNESS_LIST_MESSAGES,
  type WitnessListProblem,
  type WitnessListSource,
  witnessListProblemText,
} from './tlog/witnessListMessages.js'
export { WITNESS_LIST_MESSAGES_RU } from './tlog/witnessListMessages.ru.js'
export { assertVerified } from './verify/assertVerified.js'
export { BUG_CATALOGUE, type CataloguedBug, findBug } from './verify/bugCatalogue.js'
// The checkers' findings in Russian; russianDayWords says a time since the proposal («день 14»),
// scopeKindRu a kind of initiative («федеральная»).
export { CHECK_WORDS_RU, russianDayWords, scopeKindRu } from './verify/checkWords.ru.js'
// A verification's result as text, in English words or yours.
export { ENGLISH_VERIFY_WORDS, formatVerifyResult, type VerifyWords } from './verify/formatVerifyResult.js'
export { SEARCH_MESSAGES_RU } from './verify/searchMessages.ru.js'
export type {
  Counterexample,
  CounterexampleStep,
  Hole,
  InvariantResult,
  InvariantStatus,
  Vacuity,
  VerifyResult,
} from './verify/VerifyResult.js'
export { MAX_SEARCH_WORKERS, type VerifyOptions, verify } from './verify/verify.js'
// A witness's answer to add-checkpoint and why a request's body is malformed, as phrases, in English and in Russian.
export {
  ADD_CHECKPOINT_BODY_MESSAGES,
  ADD_CHECKPOINT_MESSAGES,
  type AddCheckpointBodyProblem,
  type AddCheckpointReason,
} from './witness/addCheckpointMessages.js'
export {
  ADD_CHECKPOINT_BODY_MESSAGES_RU,
  ADD_CHECKPOINT_MESSAGES_RU,
} from './witness/addCheckpointMessages.ru.js'
export { createWitness, type Witness } from './witness/witness.js'
// A witness's cosigning key from its private key file, and the log keys a --log-key names.
export { loadWitnessSigner, readLogKeys } from './witness/witnessKeys.js'
// The witness's errors (its key, its state, the log keys it trusts), in English and in Russian.
export { type LogKeyAt, WITNESS_MESSAGES } from './witness/witnessMessages.js'
export { WITNESS_MESSAGES_RU } from './witness/witnessMessages.ru.js'
export { startWitnessServer, type WitnessServer } from './witness/witnessServer.js'
// A witness's saved state, read from its file (created only for a new key, with init).
export { loadWitnessState } from './witness/witnessStateFile.js'
