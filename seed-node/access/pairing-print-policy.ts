/**
 * When the seed node prints the pairing link. The link carries the library key, and what a
 * service prints to stdout ends up in the system journal, readable by more people than the
 * state folder. So it is printed on the first start only (the household's key is made by
 * that start), and after that on demand: `npm run pair` (pair-cli.ts) on this machine, or
 * "Add a device" in a paired browser.
 */
import { access } from 'node:fs/promises'
import path from 'node:path'
import { errnoCode } from '../lib/errors.ts'
import { KEY_FILE } from './library-key-file.ts'

/** Whether `stateDir` holds no household yet: the coming start makes its key. Ask before starting. */
export async function isFirstStart (stateDir: string): Promise<boolean> {
  try {
    await access(path.join(stateDir, KEY_FILE))
    return false
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return true
    throw err
  }
}

/** Whether this start prints the pairing link(s) and QR code(s). */
export function shouldPrintPairing (start: { firstStart: boolean }): boolean {
  return start.firstStart
}

/** What a start that does not print the link says instead. */
export const PAIRING_ON_DEMAND_HINT = 'To pair a device, run `npm run pair` on this machine (with the same --state), or open "Add a device" in a paired browser.'
