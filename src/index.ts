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
export {
  type Phrase,
  type PhraseParam,
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
export { AUDIT_MESSAGES, type AuditPhrase, renderAuditPhrase } from './audit/auditMessages.js'
export { AUDIT_MESSAGES_RU } from './audit/auditMessages.ru.js'
export { type CheckpointVerdict, checkAgainstCheckpoint } from './audit/checkAgainstCheckpoint.js'
export { exportAudit } from './audit/exportAudit.js'
export { type ImportAuditOptions, type ImportSummary, importAudit } from './audit/importAudit.js'
export { type AuditLine, parseAuditLog } from './audit/parseAuditLog.js'
export { readAuditLog } from './audit/readAuditLog.js'
export {
  type AuditHead,
  type AuditProblem,
  type AuditResult,
  assertAuditOk,
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
export { parseCommand } from './domain/parseCommand.js'
// An error whose message is a phrase of a message table (TwoKeysError.said), in any language.
export { errorsOf, type MessageTable, phrasedError } from './domain/phrasedError.js'
export { type StatePoint, stateDigest } from './domain/stateDigest.js'
export {
  ERROR_CODES,
  type ErrorCode,
  type ErrorDetails,
  type ErrorPhrase,
  type Issue,
  isTwoKeysError,
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
export { type Explanation, explainEvent } from './engine/explainEvent.js'
export { foldEvents } from './engine/foldEvents.js'
export { type Board, type KeyLine, type KeyStatus, keyBoard } from './engine/keyBoard.js'
export { type Clock, manualClock, systemClock } from './engine/systemClock.js'
export {
  type KeyAwaited,
  startWebhooks,
  type WebhookOptions,
  type WebhookSender,
  webhookSignature,
} from './engine/webhookSender.js'
export type { AbstractEvent, EventRole } from './explore/alphabet.js'
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
export { applyKeyringChange, signingInstitutions } from './identity/applyKeyringChange.js'
export { firstKeyringChange } from './identity/firstKeyringChange.js'
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
export { acceptCosignatures, addCheckpointRequest } from './log/offlineCosigning.js'
export { proveEvent } from './log/proveEvent.js'
export { publishCheckpoint } from './log/publishCheckpoint.js'
export { requestCosignatures, type WitnessAnswer } from './log/requestCosignatures.js'
// A document's loading errors (a policy, a script, a scenario), in English and in Russian.
export { type DocumentKind, FILE_MESSAGES } from './policy/fileMessages.js'
export { FILE_MESSAGES_RU } from './policy/fileMessages.ru.js'
export { formatIssues } from './policy/formatIssues.js'
export { hashPolicy } from './policy/hashPolicy.js'
export {
  loadPolicy,
  type SafePolicyResult,
  safeLoadPolicy,
  safeParsePolicy,
} from './policy/loadPolicy.js'
export { loadPolicyFile } from './policy/loadPolicyFile.js'
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
export { phraseOf } from './policy/phrased.js'
export { policyJsonSchema } from './policy/policyJsonSchema.js'
export { POLICY_MESSAGES, type PolicyPhrase, renderPolicyPhrase } from './policy/policyMessages.js'
export { POLICY_MESSAGES_RU } from './policy/policyMessages.ru.js'
export { type PolicyWarning, policyWarnings } from './policy/policyWarnings.js'
export { type SafeLoadResult, safeLoadDocument } from './policy/safeLoadDocument.js'
export { type HistoryMermaidOptions, historyToMermaid } from './render/historyToMermaid.js'
export { toDot } from './render/toDot.js'
export { toMermaid } from './render/toMermaid.js'
export { loadScenarioFile, type SafeScenarioResult, safeLoadScenario } from './simulate/loadScenario.js'
export { type Scenario, ScenarioSchema } from './simulate/ScenarioSchema.js'
export type { ComparisonResult, MetricEstimate, SimulationResult } from './simulate/SimulationResult.js'
export {
  type CompareOptions,
  compare,
  type SimulateOptions,
  simulate,
  type TableOptions,
} from './simulate/simulate.js'
export { summarize } from './simulate/summarize.js'
export { type SweepOptions, type SweepResult, sweep } from './simulate/sweep.js'
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
export {
  type Checkpoint,
  checkpointText,
  parseCheckpointText,
  verifyCosignatures,
} from './tlog/checkpoint.js'
export { type LogLeaf, type LogPlace, logLeafData, logLeafHash } from './tlog/logLeaf.js'
export {
  consistencyProof,
  inclusionProof,
  MerkleFrontier,
  rootHash,
  verifyConsistency,
  verifyInclusion,
} from './tlog/merkle.js'
export {
  formatNoteSigner,
  generateNoteSigner,
  type NoteSigner,
  parseNoteSigner,
  verifierKeyOf,
} from './tlog/noteKey.js'
export { parseVerifierKey, signNote, type VerifierKey, verifyNote } from './tlog/signedNote.js'
export { formatTlogProof, parseTlogProof, type TlogProof } from './tlog/tlogProof.js'
export {
  type CosignedCheckpoint,
  checkCosigned,
  parseWitnessList,
  type WitnessList,
} from './tlog/witnessList.js'
export { assertVerified } from './verify/assertVerified.js'
export { BUG_CATALOGUE, type CataloguedBug, findBug } from './verify/bugCatalogue.js'
export { CHECK_WORDS_RU } from './verify/checkWords.ru.js'
export { formatVerifyResult } from './verify/formatVerifyResult.js'
export type {
  Counterexample,
  CounterexampleStep,
  Hole,
  InvariantResult,
  InvariantStatus,
  Vacuity,
  VerifyResult,
} from './verify/VerifyResult.js'
export { type VerifyOptions, verify } from './verify/verify.js'
export { createWitness, type Witness } from './witness/witness.js'
export { startWitnessServer, type WitnessServer } from './witness/witnessServer.js'
