/**
 * One seed node for a whole spec file: started in `beforeAll` on a fresh state folder,
 * stopped and cleaned up in `afterAll`. The returned object stands for the running node
 * (it forwards to it), so a spec writes `const node = useSeedNode()` once at the top.
 */
import { test } from '@playwright/test'
import { makeStateDir, removeDir, startSeedNodeProcess, type SeedNodeProcess } from '../../seed-node/testing/seed-node-process.ts'

export function useSeedNode (options: Omit<Parameters<typeof startSeedNodeProcess>[0], 'stateDir'> = {}): SeedNodeProcess {
  let running: SeedNodeProcess | null = null
  let stateDir: string | null = null
  test.beforeAll(async () => {
    stateDir = await makeStateDir()
    running = await startSeedNodeProcess({ ...options, stateDir })
  })
  test.afterAll(async () => {
    await running?.stop()
    if (stateDir !== null) await removeDir(stateDir)
  })
  return new Proxy({} as SeedNodeProcess, {
    get (_target, key) {
      if (running === null) throw new Error('the seed node is started in beforeAll; use it inside tests')
      return Reflect.get(running, key)
    }
  })
}
