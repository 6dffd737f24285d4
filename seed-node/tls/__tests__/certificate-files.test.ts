/**
 * Brought certificate files: a problem at start is one line naming the cause; replaced files
 * are served to new TLS connections with no restart; a bad replacement keeps the last good
 * pair in service and says so.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest'
import { copyFile, mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import tls from 'node:tls'
import { HearthError } from '../../lib/errors.ts'
import { CertificateFiles } from '../certificate-files.ts'
import type { HouseholdCa } from '../household-ca.ts'
import { keptLog, scratchDir, testCa, tlsHandshake, writePair } from './tls-test-kit.ts'

const MS_PER_DAY = 24 * 60 * 60 * 1000

let scratch: Awaited<ReturnType<typeof scratchDir>>
let ca: HouseholdCa
let otherCa: HouseholdCa

beforeAll(async () => {
  scratch = await scratchDir('cert-files')
  ca = await testCa(path.join(scratch.dir, 'user-ca'), 'users-own')
  otherCa = await testCa(path.join(scratch.dir, 'other-ca'), 'another')
})
afterAll(async () => { await scratch.remove() })

async function folder (name: string): Promise<{ cert: string, key: string, dir: string }> {
  const dir = path.join(scratch.dir, name)
  await mkdir(dir, { recursive: true })
  return { dir, cert: path.join(dir, 'fullchain.pem'), key: path.join(dir, 'privkey.pem') }
}

async function startError (cert: string, key: string): Promise<string> {
  try {
    const files = await CertificateFiles.open({ certFile: cert, keyFile: key, log: keptLog().log })
    await files.close()
  } catch (err) {
    if (err instanceof HearthError && err.code === 'HEARTH_E_BAD_OPTION') return err.message
    throw err
  }
  throw new Error('the files were accepted')
}

describe('brought certificate files at start', () => {
  it('names an unreadable file', async () => {
    const files = await folder('missing')
    await writePair(ca, ['media.home'], files.cert, files.key)
    const message = await startError(path.join(files.dir, 'nope.pem'), files.key)
    expect(message).toBe(`--tls-cert/--tls-key: the certificate file ${path.join(files.dir, 'nope.pem')} cannot be read (ENOENT)`)
    expect(message).not.toContain('\n')
  })

  it('names a mismatched pair', async () => {
    const one = await folder('one')
    const two = await folder('two')
    await writePair(ca, ['media.home'], one.cert, one.key)
    await writePair(ca, ['media.home'], two.cert, two.key)
    expect(await startError(one.cert, two.key)).toBe(`--tls-cert/--tls-key: the key is not the certificate's (mismatched pair) (${one.cert}, ${two.key})`)
  })

  it('names an expired certificate and its date', async () => {
    const files = await folder('expired')
    const issued = await writePair(ca, ['media.home'], files.cert, files.key, new Date(Date.now() - 400 * MS_PER_DAY))
    expect(await startError(files.cert, files.key)).toBe(`--tls-cert/--tls-key: the certificate expired on ${issued.expiresAt.toISOString().slice(0, 10)} (${files.cert}, ${files.key})`)
  })

  it('names a file that holds no certificate', async () => {
    const files = await folder('garbage')
    await writePair(ca, ['media.home'], files.cert, files.key)
    await writeFile(files.cert, 'hello\n')
    expect(await startError(files.cert, files.key)).toMatch(/^--tls-cert\/--tls-key: the certificate file holds no PEM certificate/)
  })
})

describe('brought certificate files while running', () => {
  it('serves replaced files to new connections without a restart, and keeps the last good pair when a replacement is bad', async () => {
    const files = await folder('live')
    const first = await writePair(ca, ['localhost', '127.0.0.1'], files.cert, files.key)
    const kept = keptLog()
    const source = await CertificateFiles.open({ certFile: files.cert, keyFile: files.key, log: kept.log })
    const server = tls.createServer({ cert: source.current().certPem, key: source.current().keyPem }, socket => socket.end())
    source.onChange(() => server.setSecureContext({ cert: source.current().certPem, key: source.current().keyPem }))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    try {
      expect((await tlsHandshake('127.0.0.1', port, ca.certPem)).serialNumber).toBe(first.serialNumber)

      // Replace both files the way certbot or `tailscale cert` do: write aside, then rename over.
      const changed = new Promise<void>(resolve => { const stop = source.onChange(() => { stop(); resolve() }) })
      const staging = await folder('staging')
      const second = await writePair(ca, ['localhost', '127.0.0.1'], staging.cert, staging.key)
      await rename(staging.key, files.key)
      await rename(staging.cert, files.cert)
      await changed
      const seen = await tlsHandshake('127.0.0.1', port, ca.certPem)
      expect(seen.serialNumber).toBe(second.serialNumber)
      expect(seen.authorized).toBe(true)
      expect(source.warning()).toBeNull()

      // A key that does not belong to the certificate: the second pair stays in service.
      const warned = kept.next(/tls\.files_reload_failed/)
      const stray = await folder('stray')
      await writePair(otherCa, ['localhost'], stray.cert, stray.key)
      await copyFile(stray.key, files.key)
      expect(await warned).toContain('mismatched pair')
      expect(source.warning()).toMatch(/mismatched pair.*the previous certificate stays in service/)
      expect((await tlsHandshake('127.0.0.1', port, ca.certPem)).serialNumber).toBe(second.serialNumber)
    } finally {
      await new Promise<void>(resolve => server.close(() => resolve()))
      await source.close()
    }
  })
})
