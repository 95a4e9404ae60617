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

/** A receipt whose board is built when first read: most callers only need to know the command was taken. */
export class LazyReceipt implements Receipt {
  readonly initiativeId: string
  readonly commandId: string
  readonly seq: number
  #board: Board | undefined
  constructor(
    readonly event: RecordedEvent,
    readonly replayed: boolean,
    private readonly makeBoard: () => Board,
  ) {
    this.initiativeId = event.initiativeId
    this.commandId = event.commandId
    this.seq = event.seq
  }
  get board(): Board {
    this.#board ??= this.makeBoard()
    return this.#board
  }
  toJSON() {
    const { initiativeId, commandId, seq, event, board, replayed } = this
    return { initiativeId, commandId, seq, event, board, replayed }
  }
}
