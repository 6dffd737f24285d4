import { describe, expect, it } from 'vitest'
import { refusal } from '../downloads-request.ts'

describe('refusal', () => {
  it('keeps the seed node\'s code and message, as a sentence', () => {
    const err = refusal({ status: 409, statusText: 'Conflict' }, { error: 'HEARTH_E_DOWNLOAD_EXISTS', message: 'abc is already in the download queue' })
    expect(err).toMatchObject({ code: 'HEARTH_E_DOWNLOAD_EXISTS', message: 'Abc is already in the download queue.' })
  })
  it('leaves a message that starts with an infohash or a file name alone', () => {
    const hash = 'c4013e77880e74d55b5ff325e72fbd7c99992db1'
    expect(refusal({ status: 409, statusText: 'Conflict' }, { error: 'HEARTH_E_DOWNLOAD_EXISTS', message: `${hash} is already in the library` }).message).toBe(`${hash} is already in the library.`)
    expect(refusal({ status: 400, statusText: 'Bad Request' }, { error: 'HEARTH_E_UNSAFE_PATH', message: 'film.mp4 would leave the folder' }).message).toBe('film.mp4 would leave the folder.')
  })
  it('explains statuses without a body', () => {
    expect(refusal({ status: 401, statusText: 'Unauthorized' }, { error: 'HEARTH_E_UNAUTHENTICATED', message: 'x' }).message).toMatch(/not paired/)
    expect(refusal({ status: 502, statusText: 'Bad Gateway' }, null)).toMatchObject({ code: 'HEARTH_E_DOWNLOADS_HTTP', message: 'The home server answered 502 Bad Gateway.' })
  })
})
