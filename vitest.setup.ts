/**
 * Property-based tests run with a fixed seed, so a run of `npm test` is deterministic
 * (CI never fails on a lucky draw). Explore new inputs with another seed:
 *   FC_SEED=123 npx vitest run
 */
import fc from 'fast-check'
import { vi } from 'vitest'

const seed = Number(process.env.FC_SEED ?? 20261124)
fc.configureGlobal({ seed: Number.isInteger(seed) ? seed : 20261124 })

/**
 * `vi.waitFor` gives up after 1 s unless told otherwise, which a loaded two-core CI machine
 * (an fsync, a child process starting) can outlast. These waits are conditions, not timing
 * goals, so every one gets WAIT_TIMEOUT_MS unless it names its own; `expect.poll` gets the
 * same in vitest.config.ts.
 */
const WAIT_TIMEOUT_MS = 15 * 1000
const waitFor = vi.waitFor.bind(vi)
vi.waitFor = async (callback, options) => await waitFor(callback, typeof options === 'number' ? options : { timeout: WAIT_TIMEOUT_MS, ...options })
