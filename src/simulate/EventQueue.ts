/** Copies event `from`'s four integers over event `to`'s (four stores: cheaper than `copyWithin`). */
function moveEvent(data: Int32Array, from: number, to: number): void {
  const f = from * 4
  const t = to * 4
  data[t] = data[f] as number
  data[t + 1] = data[f + 1] as number
  data[t + 2] = data[f + 2] as number
  data[t + 3] = data[f + 3] as number
}

/**
 * A binary min-heap of events over virtual time, stored in parallel typed arrays (no object per
 * event). Ties break by insertion order, so a run is deterministic. Each event carries a kind
 * and three integers.
 *
 * @example
 * const q = new EventQueue()
 * q.push(2.5, KIND, slot, generation, 0)
 * q.pop() // true; q.time === 2.5, q.kind === KIND, q.a === slot …
 */
export class EventQueue {
  private times = new Float64Array(1024)
  private seqs = new Float64Array(1024)
  private data = new Int32Array(1024 * 4)
  private seq = 0
  size = 0
  /** The fields of the event `pop` returned last. */
  time = 0
  kind = 0
  a = 0
  b = 0
  c = 0

  push(time: number, kind: number, a: number, b: number, c: number): void {
    if (this.size === this.times.length) this.grow()
    let i = this.size++
    const seq = this.seq++
    const times = this.times
    const seqs = this.seqs
    const data = this.data
    while (i > 0) {
      const p = (i - 1) >> 1
      const pt = times[p] as number
      if (pt < time || (pt === time && (seqs[p] as number) < seq)) break
      times[i] = pt
      seqs[i] = seqs[p] as number
      moveEvent(data, p, i)
      i = p
    }
    times[i] = time
    seqs[i] = seq
    data[i * 4] = kind
    data[i * 4 + 1] = a
    data[i * 4 + 2] = b
    data[i * 4 + 3] = c
  }

  /** The earliest event's time, or +∞ when empty. */
  peekTime(): number {
    return this.size === 0 ? Number.POSITIVE_INFINITY : (this.times[0] as number)
  }

  /** Removes the earliest event into `time`, `kind`, `a`, `b`, `c`; false when empty. */
  pop(): boolean {
    if (this.size === 0) return false
    const times = this.times
    const seqs = this.seqs
    const data = this.data
    this.time = times[0] as number
    this.kind = data[0] as number
    this.a = data[1] as number
    this.b = data[2] as number
    this.c = data[3] as number
    const n = --this.size
    if (n === 0) return true
    const lt = times[n] as number
    const ls = seqs[n] as number
    const l0 = data[n * 4] as number
    const l1 = data[n * 4 + 1] as number
    const l2 = data[n * 4 + 2] as number
    const l3 = data[n * 4 + 3] as number
    let i = 0
    for (;;) {
      let child = 2 * i + 1
      if (child >= n) break
      const r = child + 1
      if (r < n) {
        const ct = times[child] as number
        const rt = times[r] as number
        if (rt < ct || (rt === ct && (seqs[r] as number) < (seqs[child] as number))) child = r
      }
      const ct = times[child] as number
      if (lt < ct || (lt === ct && ls < (seqs[child] as number))) break
      times[i] = ct
      seqs[i] = seqs[child] as number
      moveEvent(data, child, i)
      i = child
    }
    times[i] = lt
    seqs[i] = ls
    data[i * 4] = l0
    data[i * 4 + 1] = l1
    data[i * 4 + 2] = l2
    data[i * 4 + 3] = l3
    return true
  }

  private grow(): void {
    const n = this.times.length * 2
    const times = new Float64Array(n)
    times.set(this.times)
    const seqs = new Float64Array(n)
    seqs.set(this.seqs)
    const data = new Int32Array(n * 4)
    data.set(this.data)
    this.times = times
    this.seqs = seqs
    this.data = data
  }
}
