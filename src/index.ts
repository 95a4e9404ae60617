// The public API of twokeys: named exports only (see CONVENTIONS.md #10).
export type { Decision, Delegation, InitiativeContext, Revision } from '../machines/InitiativeContext.js'
export { createInitiativeMachine, type InitiativeMachine, keyStateId } from '../machines/initiative.js'
export { canonicalHash, canonicalJson } from './domain/canonicalHash.js'
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
export {
  ERROR_CODES,
  type ErrorCode,
  type Issue,
  isTwoKeysError,
  TwoKeysError,
} from './domain/TwoKeysError.js'
export { hashPolicy } from './policy/hashPolicy.js'
export {
  loadPolicy,
  loadPolicyFile,
  type SafePolicyResult,
  safeLoadPolicy,
  safeParsePolicy,
} from './policy/loadPolicy.js'
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
