import { isTwoKeysError, type TwoKeysError } from '../../src/domain/TwoKeysError.js'

/**
 * The TwoKeysError an attempt is refused with. The test fails if the attempt is taken, and any
 * other error (a bug, not a refusal) is rethrown as it is.
 */
export async function refusal(attempt: Promise<unknown>): Promise<TwoKeysError> {
  try {
    await attempt
  } catch (error) {
    if (isTwoKeysError(error)) return error
    throw error
  }
  throw new Error('expected a refusal, but the attempt was taken')
}
