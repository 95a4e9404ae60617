import { customAlphabet } from 'nanoid'

/**
 * 21 letters and digits (125 bits, as likely to collide as a default nanoid id). The default
 * nanoid alphabet has `-` and `_`: an id that began with `-` read as an option on a command line
 * (`twokeys audit prove -JJdh… 1`), so generated ids keep to letters and digits.
 */
export const newRecordId: () => string = customAlphabet(
  '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  21,
)
