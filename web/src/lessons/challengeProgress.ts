import { CHALLENGES } from './challenges.js'

/** Where the browser keeps the challenges a student has solved. */
export const PROGRESS_KEY = 'twokeys.challenges.found'

/** The ids of the challenges solved in this browser (those the page still has), from localStorage. */
export function loadProgress(): string[] {
  try {
    const saved: unknown = JSON.parse(localStorage.getItem(PROGRESS_KEY) ?? '[]')
    if (!Array.isArray(saved)) return []
    return CHALLENGES.map((c) => c.id).filter((id) => saved.includes(id))
  } catch {
    return [] // no storage (private mode) or a value the page did not write
  }
}

/** Keeps the solved ids in localStorage; storage that is off or full only loses the memory. */
export function saveProgress(ids: readonly string[]): void {
  try {
    if (ids.length === 0) localStorage.removeItem(PROGRESS_KEY)
    else localStorage.setItem(PROGRESS_KEY, JSON.stringify(ids))
  } catch {
    // The progress lives on for this visit.
  }
}
