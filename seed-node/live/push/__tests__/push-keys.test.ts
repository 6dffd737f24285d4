import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { loadOrCreateStreamKeys, PUSH_KEYS_FILE, sameKey, StreamKey } from '../push-keys.ts'

const A = 'a'.repeat(40)
const B = 'b'.repeat(40)
let dir = ''
afterEach(async () => { if (dir !== '') await rm(dir, { recursive: true, force: true }) })

describe('stream keys', () => {
  it('are made on first start, kept 0600, and the same at the next start; a new channel gets its own', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-keys-'))
    const first = await loadOrCreateStreamKeys(dir, [A])
    expect(StreamKey.safeParse(first.get(A)).success).toBe(true)
    expect((await stat(path.join(dir, PUSH_KEYS_FILE))).mode & 0o777).toBe(0o600)
    const second = await loadOrCreateStreamKeys(dir, [A, B])
    expect(second.get(A)).toBe(first.get(A))
    expect(second.get(B)).not.toBe(first.get(A))
    expect(JSON.parse(await readFile(path.join(dir, PUSH_KEYS_FILE), 'utf8')).keys).toEqual({ [A]: first.get(A), [B]: second.get(B) })
  })

  it('refuses a file that is not a key file, naming it', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-keys-'))
    await writeFile(path.join(dir, PUSH_KEYS_FILE), '{"version":1,"keys":{"x":"short"}}')
    await expect(loadOrCreateStreamKeys(dir, [A])).rejects.toThrow(/live-push-keys\.json is not a stream key file/)
  })

  it('compares keys whatever their length', () => {
    expect(sameKey('k'.repeat(32), 'k'.repeat(32))).toBe(true)
    expect(sameKey('k', 'k'.repeat(32))).toBe(false)
    expect(sameKey('', 'k'.repeat(32))).toBe(false)
  })
})
