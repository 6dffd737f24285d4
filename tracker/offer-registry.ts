/**
 * Offers the tracker relayed, so an answer is relayed only to the peer that made a matching
 * offer — same offer_id, sent to the answering peer, in the same swarm — within `ttlMs`
 * (aquatic_ws: 120 s). An offer is answered once. At most `maxEntries` remembered, oldest
 * forgotten first. Peer ids and infohashes are lowercase hex.
 */

export interface RelayedOffer { infoHash: string, fromPeerId: string, toPeerId: string, offerId: string }

function keyOf (offer: RelayedOffer): string {
  return `${offer.infoHash}\n${offer.fromPeerId}\n${offer.toPeerId}\n${offer.offerId}`
}

export class OfferRegistry {
  /** key → expiry time; insertion order is age order. */
  private readonly offers = new Map<string, number>()

  constructor (private readonly ttlMs: number, private readonly maxEntries: number, private readonly now: () => number = Date.now) {}

  record (offer: RelayedOffer): void {
    const key = keyOf(offer)
    this.offers.delete(key)
    this.offers.set(key, this.now() + this.ttlMs)
    this.prune()
  }

  /** Whether `answer` (from = the answerer, to = the offerer) matches a live offer; consumes it. */
  takeMatching (answer: { infoHash: string, answererPeerId: string, offererPeerId: string, offerId: string }): boolean {
    const key = keyOf({ infoHash: answer.infoHash, fromPeerId: answer.offererPeerId, toPeerId: answer.answererPeerId, offerId: answer.offerId })
    const expiresAt = this.offers.get(key)
    if (expiresAt === undefined) return false
    this.offers.delete(key)
    return expiresAt > this.now()
  }

  get size (): number { return this.offers.size }

  clear (): void { this.offers.clear() }

  /** Drops expired offers from the old end, and the oldest past the cap. */
  private prune (): void {
    const now = this.now()
    for (const [key, expiresAt] of this.offers) {
      if (expiresAt > now && this.offers.size <= this.maxEntries) break
      this.offers.delete(key)
    }
  }
}
