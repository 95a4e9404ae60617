import { existsSync } from 'node:fs'
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { type Command, InvalidArgumentError } from 'commander'
import pc from 'picocolors'
import { TwoKeysError } from '../index.js'
import { inCliLanguage } from './cliLanguage.js'
import { packageRoot } from './packageRoot.js'
import { type PlaygroundServer, servePlayground } from './playgroundServer.js'
import { SERVING_WORDS } from './servingWords.js'

export const DEFAULT_PORT = 4321

interface PlaygroundOptions {
  port: number
  host: string
  /** The built page; web/dist of this package by default. */
  root?: string
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new InvalidArgumentError(
      `"${value}" is not a port; use a number from 1 to 65535, or 0 for any free port`,
    )
  }
  return port
}

/** Hosts that mean "every address of this machine": no one can open them from another. */
const EVERYWHERE = new Set(['0.0.0.0', '::', '[::]'])

/**
 * The addresses to tell a class: for a server listening on every address (`--host 0.0.0.0`),
 * `http://IP:port` for each IPv4 address of this machine's network interfaces that is not
 * internal (loopback); else the server's own URL. With no such interface, the loopback URL.
 *
 * @example
 * playgroundUrls('0.0.0.0', 4321, { eth0: [{ address: '192.168.1.23', family: 'IPv4', internal: false, … }] })
 * // ['http://192.168.1.23:4321']
 */
export function playgroundUrls(
  host: string,
  port: number,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (!EVERYWHERE.has(host)) return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`]
  const lan = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => `http://${i.address}:${port}`)
  return lan.length > 0 ? [...new Set(lan)] : [`http://127.0.0.1:${port}`]
}

/** Starts serving the built playground page; the caller stops it with `close()`. */
export async function startPlayground(options: PlaygroundOptions): Promise<PlaygroundServer> {
  const root = options.root ?? join(packageRoot(), 'web', 'dist')
  if (!existsSync(join(root, 'index.html'))) {
    const words = inCliLanguage(SERVING_WORDS)
    throw new TwoKeysError(
      'NOT_FOUND',
      `${words.notBuilt('playground', join(root, 'index.html'), packageRoot())}${words.npmCiBuildsIt}`,
    )
  }
  try {
    return await servePlayground({ root, port: options.port, host: options.host })
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code
    const where = `${options.host}:${options.port}`
    const words = inCliLanguage(SERVING_WORDS)
    throw new TwoKeysError(
      'NOT_FOUND',
      code === 'EADDRINUSE'
        ? words.portInUse(options.port, options.host)
        : words.cannotListen(where, code ?? String(cause)),
      { cause },
    )
  }
}

/** `twokeys playground [--port N] [--host 127.0.0.1]`: serve the classroom page until Ctrl-C. */
export function registerPlayground(program: Command): void {
  program
    .command('playground')
    .description(
      'serve the classroom playground on localhost: act as each principal, try to cheat, see why the process refuses',
    )
    .option('-p, --port <port>', 'port to listen on (0 for any free port)', parsePort, DEFAULT_PORT)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .addHelpText(
      'after',
      '\nExamples:\n  twokeys playground\n  twokeys playground --port 8080 --host 0.0.0.0\n\nThe page is static: web/dist (built by `npm run build:web`) can be hosted anywhere.\nExit codes: 0 stopped with Ctrl-C, 2 bad input (page not built, port in use).',
    )
    .action(async (options: PlaygroundOptions) => {
      const server = await startPlayground(options)
      const urls = playgroundUrls(server.host, server.port)
      const words = inCliLanguage(SERVING_WORDS)
      process.stdout.write(`${words.servingOn('playground', urls)}\n`)
      if (EVERYWHERE.has(server.host)) {
        process.stdout.write(
          `${urls[0]?.startsWith('http://127.0.0.1:') ? words.loopbackOnly : words.sameNetwork}\n`,
        )
      }
      process.stdout.write(pc.dim(`${words.pressCtrlC}\n`))
      await new Promise<void>((done) => {
        const stop = () => {
          process.off('SIGINT', stop)
          process.off('SIGTERM', stop)
          void server.close().then(() => {
            process.stdout.write(`${words.stopped}\n`)
            done()
          })
        }
        process.on('SIGINT', stop)
        process.on('SIGTERM', stop)
      })
    })
}
