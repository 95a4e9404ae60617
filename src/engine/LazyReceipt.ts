import type { RecordedEvent } from '../domain/RecordedEvent.js'
import type { Board } from './keyBoard.js'

/** What an accepted command returns: the stored event and the board after it. */
export interface Receipt {
  initiativeId: string
  commandId: string
  seq: number
  event: RecordedEvent
  board: Board
  /** True when this command id had been handled before and this is that first result again. */
  replayed: boolean
}

/**
 * A receipt whose board is built when first read: most callers only need to know the command was
 * taken. Its own enumerable keys are the six of {@link Receipt}, `board` among them as an accessor,
 * so spreading, `structuredClone`, `toEqual` and JSON all see a plain receipt; the maker is private.
 *
 * @example
 * const receipt = new LazyReceipt(event, false, () => keyBoard(policy, snapshot, now))
 * Object.keys(receipt) // ['initiativeId', 'commandId', 'seq', 'event', 'board', 'replayed']
 */
export class LazyReceipt implements Receipt {
  // Declared, not defined as class fields: the constructor makes the keys, in the Receipt's order.
  declare readonly initiativeId: string
  declare readonly commandId: string
  declare readonly seq: number
  declare readonly event: RecordedEvent
  declare readonly board: Board
  declare readonly replayed: boolean
  #makeBoard: (() => Board) | undefined
  #board: Board | undefined

  constructor(event: RecordedEvent, replayed: boolean, makeBoard: () => Board) {
    this.initiativeId = event.initiativeId
    this.commandId = event.commandId
    this.seq = event.seq
    this.event = event
    this.#makeBoard = makeBoard
    // An own, enumerable accessor (not a prototype getter): a spread or a clone keeps the board.
    Object.defineProperty(this, 'board', {
      enumerable: true,
      configurable: false,
      get: (): Board => {
        if (this.#makeBoard !== undefined) {
          this.#board = this.#makeBoard()
          this.#makeBoard = undefined
        }
        return this.#board as Board
      },
    })
    this.replayed = replayed
  }

  toJSON(): Receipt {
    const { initiativeId, commandId, seq, event, board, replayed } = this
    return { initiativeId, commandId, seq, event, board, replayed }
  }
}
