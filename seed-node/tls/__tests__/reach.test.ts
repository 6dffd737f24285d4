/**
 * What `GET /api/reach` and the CLI tell a user about reaching the seed node, with the
 * household CA in service: on the LAN, install the CA (onboarding page, fingerprint); behind
 * a trusted reverse proxy that links name (`--public-url`), devices meet the proxy's
 * certificate, so no CA steps (found by the LAN proxy e2e test: the "Add a device" screen
 * and the CLI asked to install the household CA for a link served by the proxy).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { HouseholdCaSource } from '../household-ca-source.ts'
import { describeReach, type ReachFacts } from '../reach.ts'
import { keptLog, scratchDir } from './tls-test-kit.ts'

const LAN_ADDRESS = '198.18.20.5'
const PORT = 8787
const PROXY = '198.18.20.9'
const PUBLIC_URL = 'https://media.example.net'

let scratch: Awaited<ReturnType<typeof scratchDir>>
let source: HouseholdCaSource

beforeAll(async () => {
  scratch = await scratchDir('reach')
  source = await HouseholdCaSource.open({
    stateDir: scratch.dir, log: keptLog().log, fixedNames: ['localhost'], lanAddresses: () => [LAN_ADDRESS], hostname: 'hearthbox', pollIntervalMs: 60 * 60 * 1000
  })
})
afterAll(async () => {
  await source.close()
  await scratch.remove()
})

function facts (overrides: Partial<ReachFacts>): ReachFacts {
  return { host: '0.0.0.0', port: PORT, tls: true, publicUrl: null, domain: null, trustProxy: [], source, ca: source.ca, lanAddresses: () => [LAN_ADDRESS], ...overrides }
}

describe('reach', () => {
  it('on the LAN with the household CA: LAN links, the CA to install, its onboarding page', () => {
    const reach = describeReach(facts({}))
    expect(reach.origins).toEqual([`https://${LAN_ADDRESS}:${PORT}`])
    expect(reach.tls.mode).toBe('household-ca')
    expect(reach.tls.caFingerprint).toBe(source.ca.fingerprint)
    expect(reach.onboardingUrl).toBe(`http://${LAN_ADDRESS}:${PORT}/onboarding`)
  })

  it('behind a trusted proxy named by --public-url: the proxy\'s link, and no household CA to install', () => {
    const reach = describeReach(facts({ publicUrl: PUBLIC_URL, trustProxy: [PROXY] }))
    expect(reach.origins).toEqual([PUBLIC_URL])
    expect(reach.tls).toEqual({ mode: 'proxy', expiresAt: null, warning: null, caFingerprint: null })
    expect(reach.onboardingUrl).toBeNull()
  })

  it('a --public-url without a trusted proxy names this node itself: the household CA still applies', () => {
    const reach = describeReach(facts({ publicUrl: PUBLIC_URL }))
    expect(reach.origins).toEqual([PUBLIC_URL])
    expect(reach.tls.mode).toBe('household-ca')
    expect(reach.onboardingUrl).toBe(`http://${LAN_ADDRESS}:${PORT}/onboarding`)
  })
})
