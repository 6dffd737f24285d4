/** `POST /api/share/rotate` ("Stop sharing"): every share link given out so far stops working. */
import { z } from 'zod'
import { shareApiRequest } from './share-api.ts'

const Rotated = z.object({ rotatedAt: z.string() })

export async function stopSharing (credential: string): Promise<{ rotatedAt: string }> {
  return await shareApiRequest('/api/share/rotate', { method: 'POST', credential }, Rotated)
}
