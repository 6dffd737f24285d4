import { describe, expect, it } from 'vitest'
import { refusal } from '../downloads-request.ts'

describe('refusal', () => {
  it('keeps the seed node\'s code and message, as a sentence', () => {
    const err = refusal({ status: 409, statusText: 'Conflict' }, { error: 'HEARTH_E_DOWNLOAD_EXISTS', message: 'abc is already in the download queue' })
    expect(err).toMatchObject({ code: 'HEARTH_E_DOWNLOAD_EXISTS', message: 'Abc is already in the download queue.' })
  })
  it('explains statuses without a body', () => {
    expect(refusal({ status: 401, statusText: 'Unauthorized' }, { error: 'HEARTH_E_UNAUTHENTICATED', message: 'x' }).message).toMatch(/not paired/)
    expect(refusal({ status: 502, statusText: 'Bad Gateway' }, null)).toMatchObject({ code: 'HEARTH_E_DOWNLOADS_HTTP', message: 'The home server answered 502 Bad Gateway.' })
  })
})
