import { describe, expect, it } from 'vitest'
import { record } from '../../../lib/watch-state/__tests__/sample-records.ts'
import { LATE_RECORD_WINDOW_MS, lateRecordTarget, resumePosition } from '../resume-position.ts'

describe('resumePosition', () => {
  it('resumes exactly at the recorded second (no back-off)', () => {
    expect(resumePosition(record(1, { positionSec: 2530.5 }))).toBe(2530.5)
  })
  it('starts from the beginning without a record, when finished, or under 1 s', () => {
    expect(resumePosition(undefined)).toBeNull()
    expect(resumePosition(record(1, { finished: true, positionSec: 590 }))).toBeNull()
    expect(resumePosition(record(1, { positionSec: 0 }))).toBeNull()
  })
})

describe('lateRecordTarget', () => {
  const resumedFrom = record(1, { positionSec: 5, hlc: { wallMs: 100, counter: 0, deviceId: 'device-aaaa' } })
  const later = record(1, { positionSec: 8, hlc: { wallMs: 200, counter: 0, deviceId: 'device-bbbb' } })
  const input = { record: later, resumedFrom, userInteracted: false, nowMs: 10_000, metadataAtMs: 9_000 }

  it('follows a newer record in the first seconds', () => {
    expect(lateRecordTarget(input)).toBe(8)
    expect(lateRecordTarget({ ...input, resumedFrom: undefined })).toBe(8)
    expect(lateRecordTarget({ ...input, record: { ...later, positionSec: 0 } })).toBe(0)
  })
  it('stays put after the viewer acted, after the window, or for an older or finished record', () => {
    expect(lateRecordTarget({ ...input, userInteracted: true })).toBeNull()
    expect(lateRecordTarget({ ...input, nowMs: input.metadataAtMs + LATE_RECORD_WINDOW_MS + 1 })).toBeNull()
    expect(lateRecordTarget({ ...input, record: resumedFrom })).toBeNull()
    expect(lateRecordTarget({ ...input, record: { ...later, finished: true } })).toBeNull()
    expect(lateRecordTarget({ ...input, record: undefined })).toBeNull()
  })
})
