import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { OfferRegistry } from '../offer-registry.ts'
import { binaryString, collectMessages, infoHashOf, messagesWithin, nextMessage, openSocket, startTracker, wsAnnounce, type RunningTracker } from './tracker-harness.ts'

const INFO_HASH = infoHashOf(3)
const OFFERER = '-WW0208-offerer00001'
const ANSWERER = '-WW0208-answerer0001'
const BYSTANDER = '-WW0208-bystander001'

let running: RunningTracker
beforeEach(async () => { running = await startTracker() })
afterEach(async () => { await running.close() })

async function joined (peerId: string): Promise<WebSocket> {
  const socket = await openSocket(running.wsUrl('/announce'))
  const reply = nextMessage(socket)
  socket.send(wsAnnounce(INFO_HASH, peerId))
  expect((await reply)['failure reason']).toBeUndefined()
  return socket
}

function answer (from: string, to: string, offerId: string): string {
  return JSON.stringify({ action: 'announce', info_hash: binaryString(INFO_HASH), peer_id: from, to_peer_id: to, offer_id: offerId, answer: { type: 'answer', sdp: `answer from ${from}` } })
}

describe('offer and answer relay', () => {
  it('relays an answer only to the peer whose offer (same offer_id, sent to the answerer) it answers, once', async () => {
    const answerer = await joined(ANSWERER)
    const offerer = await openSocket(running.wsUrl('/announce'))

    const offerArrives = nextMessage(answerer)
    offerer.send(wsAnnounce(INFO_HASH, OFFERER, { offers: [{ offer: { type: 'offer', sdp: 'offer sdp' }, offer_id: 'offer-1' }] }))
    expect(await offerArrives).toMatchObject({ action: 'announce', offer: { type: 'offer', sdp: 'offer sdp' }, offer_id: 'offer-1', peer_id: OFFERER })
    expect(running.tracker.stats().pendingOffers).toBe(1)

    // A bystander in the same swarm never received offer-1: its "answer" is not relayed.
    const bystander = await joined(BYSTANDER)
    const atOfferer = messagesWithin(offerer, 200)
    bystander.send(answer(BYSTANDER, OFFERER, 'offer-1'))
    // Nor is the answerer's answer to an offer that was never made.
    answerer.send(answer(ANSWERER, OFFERER, 'offer-never-made'))
    await expect.poll(() => running.tracker.stats().dropped.answerWithoutOffer).toBe(2)
    expect((await atOfferer).filter(message => message.answer)).toEqual([])

    // The matching answer is relayed, with the offer_id, once: the second is dropped.
    const atOffererNow = collectMessages(offerer)
    answerer.send(answer(ANSWERER, OFFERER, 'offer-1'))
    answerer.send(answer(ANSWERER, OFFERER, 'offer-1'))
    await expect.poll(() => running.tracker.stats()).toMatchObject({ pendingOffers: 0, dropped: { answerWithoutOffer: 3 } })
    await expect.poll(() => atOffererNow.received.filter(message => message.answer).length).toBe(1)
    atOffererNow.stop()
    expect(atOffererNow.received.filter(message => message.answer)).toEqual([expect.objectContaining({ answer: { type: 'answer', sdp: `answer from ${ANSWERER}` }, offer_id: 'offer-1', peer_id: ANSWERER })])
  })
})

describe('OfferRegistry', () => {
  const offer = { infoHash: 'aa', fromPeerId: 'o', toPeerId: 'a', offerId: '1' }
  const matching = { infoHash: 'aa', answererPeerId: 'a', offererPeerId: 'o', offerId: '1' }

  it('forgets an offer after its time to live', () => {
    let now = 0
    const offers = new OfferRegistry(120 * 1000, 100, () => now)
    offers.record(offer)
    now = 120 * 1000
    expect(offers.takeMatching(matching)).toBe(false)
    offers.record(offer)
    now += 119 * 1000
    expect(offers.takeMatching(matching)).toBe(true)
  })

  it('matches infohash, direction and offer id exactly', () => {
    const offers = new OfferRegistry(1000, 100)
    offers.record(offer)
    expect(offers.takeMatching({ ...matching, infoHash: 'bb' })).toBe(false)
    expect(offers.takeMatching({ ...matching, answererPeerId: 'o', offererPeerId: 'a' })).toBe(false)
    expect(offers.takeMatching({ ...matching, offerId: '2' })).toBe(false)
    expect(offers.takeMatching(matching)).toBe(true)
  })

  it('holds at most maxEntries offers', () => {
    const offers = new OfferRegistry(60 * 1000, 100)
    for (let i = 0; i < 1000; i++) offers.record({ ...offer, offerId: String(i) })
    expect(offers.size).toBe(100)
    expect(offers.takeMatching({ ...matching, offerId: '999' })).toBe(true)
    expect(offers.takeMatching({ ...matching, offerId: '0' })).toBe(false)
  })
})
