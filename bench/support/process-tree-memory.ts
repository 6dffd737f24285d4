/**
 * Resident memory of a process and everything it started (ffprobe, ffmpeg, ...), read from
 * /proc as `ps` would: VmRSS of each process in the tree, summed. Threads (the hashing pool)
 * share their process's memory and are inside its VmRSS already.
 */
import { readdir, readFile } from 'node:fs/promises'

async function childrenOf (pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[])
  const children: number[] = []
  for (const task of tasks) {
    const list = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')
    for (const child of list.trim().split(/\s+/).filter(Boolean)) children.push(Number(child))
  }
  return children
}

async function rssKiBOf (pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '')
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0)
}

/** VmRSS summed over `pid` and its descendants, in KiB, and how many processes that was. */
export async function processTreeRssKiB (pid: number): Promise<{ rssKiB: number, processes: number }> {
  let rssKiB = 0
  let processes = 0
  const queue = [pid]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    rssKiB += await rssKiBOf(next)
    processes++
    queue.push(...await childrenOf(next))
  }
  return { rssKiB, processes }
}
