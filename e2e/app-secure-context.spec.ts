/**
 * Issue 10: a device that opens Hearth at a plain-HTTP address other than localhost (a phone
 * at `http://<lan-address>:8787`) is not a secure context — no service worker, no
 * `crypto.subtle`. It must get the page that says where to go, not "Cannot read properties
 * of undefined (reading 'importKey')". Chromium reaches the loopback seed node by this
 * machine's host name (mapped to 127.0.0.1 for this browser alone), which it does not treat
 * as secure; the name is one the seed node answers to under a Host allow-list.
 */
import os from 'node:os'
import { test, expect, chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.ts'
import { useSeedNode } from './support/seed-node-fixture.ts'

const node = useSeedNode()

/** A name for this machine that is not "localhost" (which browsers treat as secure). */
function lanName (): string {
  const name = os.hostname().toLowerCase()
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*$/.test(name) && !name.endsWith('localhost') ? name : 'hearth-lan.test'
}

test('at a plain-HTTP LAN address the app explains where to go instead of crashing', async () => {
  const name = lanName()
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${name} 127.0.0.1`] })
  try {
    const page = await browser.newPage()
    const errors: string[] = []
    const apiCalls: string[] = []
    page.on('pageerror', err => errors.push(err.message))
    page.on('console', message => { if (message.type() === 'error') errors.push(message.text()) })
    page.on('request', request => { if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url()) })

    const origin = `http://${name}:${node.port}`
    const fragment = new URL(node.pairingLink).hash
    await page.goto(`${origin}/pair${fragment}`)
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false)

    await expect(page.getByTestId('insecure-context')).toBeVisible()
    await expect(page.getByTestId('insecure-context')).toContainText(origin)
    // Same host and port over https, carrying the pairing link along; the CA guide on plain HTTP.
    await expect(page.getByTestId('secure-address')).toHaveAttribute('href', `https://${name}:${node.port}/pair${fragment}`)
    await expect(page.getByTestId('onboarding-link')).toHaveAttribute('href', `${origin}/onboarding`)
    // The key left the address bar; nothing that needs a secure context started.
    expect(new URL(page.url()).hash).toBe('')
    expect(await page.evaluate(() => ({ serviceWorker: 'serviceWorker' in navigator, diagnostics: window.__hearth !== undefined })))
      .toEqual({ serviceWorker: false, diagnostics: false })
    expect(errors).toEqual([])
    expect(apiCalls).toEqual([])
  } finally {
    await browser.close()
  }
})
