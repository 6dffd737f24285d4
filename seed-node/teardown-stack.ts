/**
 * What the seed node has started, in order, so it can be stopped in reverse: on `close()`
 * and when start-up fails part way. Each part is pushed right after it starts; a failing
 * close is logged and the rest still close, so one stuck part never leaves a port open or
 * a worker thread running.
 */
import type { Logger } from './lib/log.ts'

interface Started {
  name: string
  close: () => Promise<void> | void
}

export class TeardownStack {
  private readonly started: Started[] = []
  private closing: Promise<void> | null = null

  constructor (private readonly log: Logger) {}

  /** Registers how to stop a part that has just started. */
  push (name: string, close: () => Promise<void> | void): void {
    if (this.closing !== null) throw new Error(`${name} started after the seed node began closing`)
    this.started.push({ name, close })
  }

  /** Names of the parts started so far, oldest first (for tests and logs). */
  get names (): string[] {
    return this.started.map(part => part.name)
  }

  /** Stops every part, newest first; calling it again waits for the same close. */
  async closeAll (): Promise<void> {
    this.closing ??= this.closeInReverse()
    await this.closing
  }

  private async closeInReverse (): Promise<void> {
    for (const part of [...this.started].reverse()) {
      try {
        await part.close()
      } catch (err) {
        this.log.error('seed_node.close_failed', { part: part.name, error: err instanceof Error ? err.message : String(err) })
      }
    }
  }
}
