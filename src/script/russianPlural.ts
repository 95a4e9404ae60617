/**
 * A count with its noun in the Russian plural form the count takes: 1 день, 3 дня, 5 дней,
 * 11 дней, 21 день; a fraction takes the "few" form (1,5 дня).
 *
 * @example
 * russianPlural(3, ['состояние', 'состояния', 'состояний']) // '3 состояния'
 */
export function russianPlural(n: number, [one, few, many]: readonly [string, string, string]): string {
  const ten = n % 10
  const hundred = n % 100
  const word = !Number.isInteger(n)
    ? few
    : ten === 1 && hundred !== 11
      ? one
      : ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)
        ? few
        : many
  return `${n} ${word}`
}
