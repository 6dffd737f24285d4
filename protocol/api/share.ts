/**
 * Sharing one item with a friend: `GET /api/share/<infohash>` answers a magnet link whose
 * tracker and web-seed URLs carry a share token for that item alone; `POST
 * /api/share/rotate` ("Stop sharing") kills every share link given out so far.
 */
import { z } from 'zod'
import { InfoHash } from '../catalog.ts'

export const ShareLinkReply = z.object({
  infoHash: InfoHash,
  magnet: z.string().startsWith('magnet:?'),
  /** False for an infohash the seed node does not hold (a file a device seeds itself). */
  inLibrary: z.boolean()
})
export type ShareLinkReply = z.infer<typeof ShareLinkReply>

export const ShareRotateReply = z.object({ rotatedAt: z.string() })
export type ShareRotateReply = z.infer<typeof ShareRotateReply>
