/**
 * One household on the test LAN for a whole spec file: the seed node on the router host
 * (HTTPS by the household CA, household-lan.ts) over a library the spec may make, started in
 * `beforeAll`; devices opened through `openPairedDevice` are disposed, the household closed
 * and the made library removed in `afterAll`.
 */
import { expect, test } from '@playwright/test'
import { removeDir } from '../../seed-node/testing/seed-node-process.ts'
import { startHouseholdLan, type HouseholdLan, type HouseholdOptions } from './household-lan.ts'
import { openLanDevice, type LanDevice } from './lan-device.ts'

/** Making a library with ffmpeg and a first ingest over the LAN take a while. */
const START_TIMEOUT_MS = 180 * 1000

export interface HouseholdLanFixture {
  /** The running household (inside tests and later hooks). */
  household: () => HouseholdLan
  /** Chromium on that LAN host, trusting the household CA as a user installs it, paired by the printed link. */
  openPairedDevice: (name: 'deviceA' | 'deviceB') => Promise<LanDevice>
}

export function useHouseholdLan ({ makeLibrary, ...options }: Omit<HouseholdOptions, 'library'> & { makeLibrary?: () => Promise<string> } = {}): HouseholdLanFixture {
  let household: HouseholdLan | null = null
  let library: string | undefined
  const devices: LanDevice[] = []
  test.beforeAll(async () => {
    test.setTimeout(START_TIMEOUT_MS)
    library = await makeLibrary?.()
    household = await startHouseholdLan({ ...options, library })
  })
  test.afterAll(async () => {
    for (const device of devices) await device.dispose()
    await household?.close()
    if (library !== undefined) await removeDir(library)
  })
  const running = (): HouseholdLan => {
    if (household === null) throw new Error('the household starts in beforeAll')
    return household
  }
  return {
    household: running,
    openPairedDevice: async name => {
      const device = await openPairedLanDevice(running(), name)
      devices.push(device)
      return device
    }
  }
}

/** Chromium on that LAN host, trusting the household CA as a user installs it, paired by the printed link; the caller disposes it. */
export async function openPairedLanDevice ({ lan, caFile, node }: HouseholdLan, name: 'deviceA' | 'deviceB'): Promise<LanDevice> {
  const device = await openLanDevice(name, lan[name], { trustedCaFiles: [caFile] })
  await device.page.goto(node.pairingLink)
  await expect.poll(async () => await device.page.evaluate(() => window.__hearth?.paired() ?? false), { message: 'the printed pairing link should pair this device' }).toBe(true)
  return device
}
