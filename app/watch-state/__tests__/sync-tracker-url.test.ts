import { describe, expect, it } from 'vitest'
import { syncTrackerUrl } from '../sync-tracker-url.ts'

describe('syncTrackerUrl', () => {
  it('uses the page host, ws or wss by scheme', () => {
    expect(syncTrackerUrl({ protocol: 'http:', host: '192.168.1.2:8080' })).toBe('ws://192.168.1.2:8080/announce')
    expect(syncTrackerUrl({ protocol: 'https:', host: 'home.example' })).toBe('wss://home.example/announce')
  })
})
