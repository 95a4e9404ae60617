/**
 * Exit codes: 0 ok, 1 a finding (a violated invariant, an unexpected refusal in a script, a
 * tampered or rule-breaking log), 2 bad input.
 */
export const EXIT = { ok: 0, finding: 1, badInput: 2 } as const
