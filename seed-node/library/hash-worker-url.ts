/**
 * Where the hashing thread's script is. Compiled (`npm run build` bundles this code into
 * `dist-node/seed-node.js`), it is the compiled thread beside the bundle, run by plain
 * `node`. From the TypeScript sources (tsx, in development and tests), worker threads start
 * without the parent's loader, so a small bootstrap registers tsx first.
 */
export function hashWorkerUrl (moduleUrl: string = import.meta.url): URL {
  const compiled = !moduleUrl.endsWith('.ts')
  return compiled ? new URL('./hash-worker.js', moduleUrl) : new URL('./hash-worker-bootstrap.mjs', moduleUrl)
}
