import { type JWTVerifyGetKey, errors as joseErrors, jwtVerify } from 'jose'
import { HttpError } from './httpErrors.js'

/**
 * Who may read. `open` (the default): anyone who can reach the server. `jwt`: a bearer JWT, verified
 * with jose against the keys (a JWKS), issuer and audience given, whose `sub` is mapped to a
 * principal of the policy by `principals`; a token whose `sub` is not mapped is refused (403).
 * Writes never use this: a write is a command signed by its actor.
 */
export type ReadAccess =
  | { reads: 'open' }
  | {
      reads: 'jwt'
      /** The verification keys, e.g. jose's `createRemoteJWKSet(new URL(jwksUrl))` or `createLocalJWKSet(jwks)`. */
      keys: JWTVerifyGetKey
      issuer?: string
      audience?: string
      /** JWT `sub` → principal id. */
      principals: Record<string, string>
    }

/** The principal a read request is made by, or undefined when reads are open; throws 401/403. */
export async function readPrincipal(
  access: ReadAccess,
  authorization: string | undefined,
): Promise<string | undefined> {
  if (access.reads === 'open') return undefined
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1]
  if (token === undefined) {
    throw new HttpError(
      401,
      'UNAUTHENTICATED',
      'reads on this server need a bearer token: send Authorization: Bearer <JWT>',
    )
  }
  let sub: string | undefined
  try {
    const { payload } = await jwtVerify(token, access.keys, {
      ...(access.issuer === undefined ? {} : { issuer: access.issuer }),
      ...(access.audience === undefined ? {} : { audience: access.audience }),
    })
    sub = payload.sub
  } catch (error) {
    const why =
      error instanceof joseErrors.JWTExpired
        ? 'the token has expired; get a new one'
        : error instanceof joseErrors.JOSEError
          ? `the token does not verify (${error.code})`
          : 'the token could not be verified'
    throw new HttpError(401, 'UNAUTHENTICATED', why, [why])
  }
  const principal = sub === undefined ? undefined : access.principals[sub]
  if (principal === undefined || !Object.hasOwn(access.principals, sub as string)) {
    throw new HttpError(
      403,
      'UNAUTHENTICATED',
      `the token's subject ${JSON.stringify(sub ?? null)} is not mapped to a principal in the server's configuration`,
    )
  }
  return principal
}
