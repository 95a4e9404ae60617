// `twokeys/serve`: the HTTP service as a library — mount it, or run its background jobs yourself.
export { type BackgroundOptions, startBackgroundJobs } from './backgroundJobs.js'
export { createServer, type ServerOptions, twokeysRoutes } from './createServer.js'
export { type EventStreamOptions, registerEventStream } from './eventStream.js'
export type { ReadAccess } from './readAccess.js'
// The service's config file (twokeys serve --config) read and validated, and the log levels it takes.
export { LOG_LEVELS, loadServeConfig, type ServeConfig } from './serveConfig.js'
export { createServeMetrics, type ServeMetrics } from './serveMetrics.js'
