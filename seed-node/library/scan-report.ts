/**
 * Logs what a scan left out, each file once (when it first shows up or its reason changes),
 * not on every rescan: a household with a folder of `.rmvb` files reads about them once,
 * and `/api/status` still counts them every time.
 */
import type { Logger } from '../lib/log.ts'
import type { ScanResult } from './library-scanner.ts'

export class ScanReport {
  /** Symlinks leading outside the library already logged. */
  private reportedLinks = new Set<string>()
  /** Skipped files already logged, path → reason. */
  private reportedSkips = new Map<string, string>()

  constructor (private readonly log: Logger) {}

  /** Logs what is new in this scan's skipped files and outside links. */
  report (result: Pick<ScanResult, 'skipped' | 'outsideLinks'>): void {
    const links = new Set<string>()
    for (const { relativePath, target } of result.outsideLinks) {
      links.add(relativePath)
      if (!this.reportedLinks.has(relativePath)) this.log.warn('scan.symlink_outside_library', { path: relativePath, target, note: 'not served; --follow-symlinks serves such links' })
    }
    this.reportedLinks = links
    const skips = new Map<string, string>()
    for (const { relativePath, reason } of result.skipped) {
      skips.set(relativePath, reason)
      if (this.reportedSkips.get(relativePath) !== reason) this.log.warn('scan.skipped', { path: relativePath, reason })
    }
    this.reportedSkips = skips
  }
}
