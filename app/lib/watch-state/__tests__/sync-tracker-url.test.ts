import { describe, expect, it } from 'vitest'
import { syncTrackerUrl } from '../sync-tracker-url.ts'

describe('syncTrackerUrl', () => {
  it('uses the page host, ws or wss by scheme, and carries the credential in the path', () => {
    expect(syncTrackerUrl({ protocol: 'http:', host: '192.168.1.2:8080' }, 'abc_DEF-1')).toBe('ws://192.168.1.2:8080/announce/abc_DEF-1')
    expect(syncTrackerUrl({ protocol: 'https:', host: 'home.example' }, 'tok')).toBe('wss://home.example/announce/tok')
  })
})
