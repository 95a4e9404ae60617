import { z } from 'zod'

const positive = z.number().nonnegative()

/** A duration in days: how long a review, an amendment or a rollout takes. */
export const DistributionSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('fixed'), value: positive }),
    z.strictObject({ kind: z.literal('exponential'), mean: z.number().positive() }),
    z
      .strictObject({ kind: z.literal('uniform'), min: positive, max: positive })
      .refine((d) => d.min <= d.max, { message: 'min must not exceed max', path: ['max'] }),
    z
      .strictObject({ kind: z.literal('triangular'), min: positive, mode: positive, max: positive })
      .refine((d) => d.min <= d.mode && d.mode <= d.max && d.min < d.max, {
        message: 'need min ≤ mode ≤ max and min < max',
        path: ['mode'],
      }),
    z.strictObject({ kind: z.literal('lognormal'), mean: z.number().positive(), sd: z.number().positive() }),
    z.strictObject({ kind: z.literal('empirical'), values: z.array(positive).min(1) }),
  ])
  .describe(
    'A distribution of days: fixed, exponential, uniform, triangular, lognormal (mean, sd) or empirical.',
  )

export type Distribution = z.output<typeof DistributionSchema>

/** Draws from a distribution, given a source of uniforms in [0, 1). */
export type Sampler = (u: () => number) => number

/**
 * Compiles a distribution into a sampler (inverse transform; Box–Muller for the lognormal).
 *
 * @example
 * samplerOf({ kind: 'exponential', mean: 7 })(() => 0.5) // 7 · ln 2
 */
export function samplerOf(d: Distribution): Sampler {
  switch (d.kind) {
    case 'fixed': {
      const v = d.value
      return () => v
    }
    case 'exponential': {
      const m = d.mean
      return (u) => -m * Math.log(1 - u())
    }
    case 'uniform': {
      const { min, max } = d
      return (u) => min + (max - min) * u()
    }
    case 'triangular': {
      const { min, mode, max } = d
      const cut = (mode - min) / (max - min)
      return (u) => {
        const x = u()
        return x < cut
          ? min + Math.sqrt(x * (max - min) * (mode - min))
          : max - Math.sqrt((1 - x) * (max - min) * (max - mode))
      }
    }
    case 'lognormal': {
      // Parameters of the underlying normal from the distribution's own mean and sd.
      const s2 = Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean))
      const mu = Math.log(d.mean) - s2 / 2
      const sigma = Math.sqrt(s2)
      return (u) => {
        const r = Math.sqrt(-2 * Math.log(1 - u()))
        return Math.exp(mu + sigma * r * Math.cos(2 * Math.PI * u()))
      }
    }
    case 'empirical': {
      const values = d.values
      return (u) => values[Math.floor(u() * values.length)] as number
    }
  }
}

/** The exact mean of a distribution, for validation and reports. */
export function meanOf(d: Distribution): number {
  switch (d.kind) {
    case 'fixed':
      return d.value
    case 'exponential':
      return d.mean
    case 'uniform':
      return (d.min + d.max) / 2
    case 'triangular':
      return (d.min + d.mode + d.max) / 3
    case 'lognormal':
      return d.mean
    case 'empirical':
      return d.values.reduce((a, b) => a + b, 0) / d.values.length
  }
}
