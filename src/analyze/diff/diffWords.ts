import { CHECK_WORDS, type CheckWords } from '../../../machines/checkPhrases.js'
import type { Phase } from '../../../machines/describeState.js'
import { PHASE_NAMES_RU } from '../../../machines/phaseNames.ru.js'
import { REFUSAL_MESSAGES, type RefusalKey } from '../../../machines/refusalMessages.js'
import { REFUSAL_MESSAGES_RU } from '../../../machines/refusalMessages.ru.js'
import type { KeyStatus } from '../../engine/keyBoard.js'
import { CHECK_WORDS_RU } from '../../verify/checkWords.ru.js'
import type { DiffSide, OnlyIn } from './DiffResult.js'

/**
 * The words of a diff's human output, in each language the CLI speaks. Ids, codes, rule names
 * and the events (action lines stay English) are not translated; a phase is its id in English,
 * its Russian name with the id in Russian.
 */
export interface DiffWords {
  phase(phase: Phase): string
  /** A key's status on the board. */
  status: Record<KeyStatus, string>
  refuses(side: DiffSide, code: string, rules: string): string
  /** A side took the event and stayed in its phase. */
  takes(side: DiffSide): string
  onlyIn(only: OnlyIn): string
  agree(a: string, b: string): string
  differ(a: string, b: string, groups: number, onlyInOne: number): string
  searched(pairs: number, events: number, seconds: string): string
  table: { group: string; pairStates: string; story: string }
  onlyInOneHeading: string
  storyHeading(n: number, title: string): string
  storyStart: string
  differs: string
  accepted(phase: string): string
  refused(code: string): string
  keys(side: DiffSide, keys: string): string
  waitingFor(who: string): string
  noKeys: string
  moreStories(n: number): string
  /** The rules' refusal messages in this language. */
  messages: Readonly<Record<RefusalKey, string>>
  /** What the checkers say (a story's steps), in this language. */
  checks: CheckWords
}

const count = (n: number) => n.toLocaleString('en')
const namesOf = (only: OnlyIn, key: string, principal: string) =>
  [...only.keys.map((k) => `${key} ${k}`), ...only.principals.map((p) => `${principal} ${p}`)].join(', ')

export const ENGLISH_DIFF_WORDS: DiffWords = {
  checks: CHECK_WORDS,
  phase: (phase) => phase,
  status: {
    turned: 'turned',
    pending: 'pending',
    refused: 'refused',
    stale: 'stale',
    expired: 'expired',
    waived: 'waived',
  },
  refuses: (side, code, rules) => `${side} refuses (${code}${rules === '' ? '' : `: ${rules}`})`,
  takes: (side) => `${side} takes it`,
  onlyIn: (only) => `only ${only.side} has ${namesOf(only, 'key', 'principal')}`,
  agree: (a, b) =>
    `"${a}" and "${b}" agree: no event one takes and the other refuses, none taken to different phases`,
  differ: (a, b, groups, onlyInOne) =>
    `"${a}" and "${b}" differ: ${groups} kind${groups === 1 ? '' : 's'} of difference${
      onlyInOne > 0 ? `, and ${onlyInOne} on names only one of them has` : ''
    }`,
  searched: (pairs, events, seconds) =>
    `searched ${count(pairs)} pair states (${count(events)} events sent to both) in ${seconds} s, to the end`,
  table: { group: 'difference', pairStates: 'pair states', story: 'story' },
  onlyInOneHeading: 'On names only one policy has (refused by the other as unknown):',
  storyHeading: (n, title) => `Story ${n}: ${title}`,
  storyStart: 'both',
  differs: 'differs',
  accepted: (phase) => `takes it → ${phase}`,
  refused: (code) => `refuses it (${code})`,
  keys: (side, keys) => `${side} keys: ${keys}`,
  waitingFor: (who) => `waiting for ${who}`,
  noKeys: 'none',
  moreStories: (n) => `… ${n} more (--stories N shows more)`,
  messages: REFUSAL_MESSAGES,
}

export const RUSSIAN_DIFF_WORDS: DiffWords = {
  checks: CHECK_WORDS_RU,
  phase: (phase) => `${PHASE_NAMES_RU[phase]} (${phase})`,
  status: {
    turned: 'повёрнут',
    pending: 'ждёт',
    refused: 'отказ',
    stale: 'устарел',
    expired: 'истёк',
    waived: 'не нужен',
  },
  refuses: (side, code, rules) => `${side} отказывает (${code}${rules === '' ? '' : `: ${rules}`})`,
  takes: (side) => `${side} принимает`,
  onlyIn: (only) => `только в ${only.side} есть ${namesOf(only, 'ключ', 'участник')}`,
  agree: (a, b) =>
    `«${a}» и «${b}» совпадают: нет события, которое одна принимает, а другая отклоняет, и нет принятого обеими с разными фазами`,
  differ: (a, b, groups, onlyInOne) =>
    `«${a}» и «${b}» различаются: видов различий — ${groups}${
      onlyInOne > 0 ? `, и ещё ${onlyInOne} — на именах, которые есть только в одной` : ''
    }`,
  searched: (pairs, events, seconds) =>
    `просмотрено пар состояний: ${count(pairs)} (событий, отправленных обеим: ${count(events)}) за ${seconds} с, до конца`,
  table: { group: 'различие', pairStates: 'пар состояний', story: 'шагов' },
  onlyInOneHeading: 'На именах, которые есть только в одной политике (другая отклоняет их как неизвестные):',
  storyHeading: (n, title) => `История ${n}: ${title}`,
  storyStart: 'обе',
  differs: 'различие',
  accepted: (phase) => `принимает → ${phase}`,
  refused: (code) => `отклоняет (${code})`,
  keys: (side, keys) => `ключи ${side}: ${keys}`,
  waitingFor: (who) => `нужно решение: ${who}`,
  noKeys: 'нет',
  moreStories: (n) => `… ещё ${n} (--stories N покажет больше)`,
  messages: REFUSAL_MESSAGES_RU,
}
