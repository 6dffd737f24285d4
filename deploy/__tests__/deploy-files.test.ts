/**
 * The service files in deploy/: the systemd unit passes `systemd-analyze verify` with not
 * one warning (where systemd-analyze is installed), both run the compiled seed node with the
 * V8 flags npm start uses, as an unprivileged user, in a memory limit, restarted on failure,
 * and the OpenWrt script is valid shell.
 */
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { COMPILED_NODE_ENV, COMPILED_NODE_FLAGS, COMPILED_SEED_NODE } from '../../seed-node/testing/compiled-seed-node.ts'
import { REPO_ROOT } from '../../seed-node/testing/seed-node-process.ts'

const run = promisify(execFile)
const UNIT = path.join(REPO_ROOT, 'deploy/hearth.service')
const PROCD_SCRIPT = path.join(REPO_ROOT, 'deploy/openwrt/hearth.init')

async function installed (command: string): Promise<boolean> {
  return await run('sh', ['-c', `command -v ${command}`]).then(() => true, () => false)
}

/** `Key=value` lines of a unit file (the last one wins, as in systemd, except lists). */
function unitValues (text: string, key: string): string[] {
  return text.split('\n').filter(line => line.startsWith(`${key}=`)).map(line => line.slice(key.length + 1))
}

const hasSystemdAnalyze = await installed('systemd-analyze')

describe('deploy/hearth.service', () => {
  it.skipIf(!hasSystemdAnalyze)(`passes systemd-analyze verify without a warning${hasSystemdAnalyze ? '' : ' (skipped: systemd-analyze is not installed)'}`, async () => {
    const { stdout, stderr } = await run('systemd-analyze', ['verify', UNIT])
    // verify exits 0 even for unknown keys and bad values; it says so on stderr.
    expect(`${stdout}${stderr}`.split('\n').filter(line => line.includes('hearth.service'))).toEqual([])
  })

  it('runs the compiled node as an unprivileged user, read-only on the library, in a memory limit, restarted on failure', async () => {
    const unit = await readFile(UNIT, 'utf8')
    const execStart = unitValues(unit, 'ExecStart')[0] ?? ''
    expect(execStart.split(' ').slice(1, 1 + COMPILED_NODE_FLAGS.length)).toEqual([...COMPILED_NODE_FLAGS])
    expect(execStart).toContain(`/opt/hearth/${COMPILED_SEED_NODE}`)
    expect(execStart).not.toMatch(/tsx|npm/)
    for (const [name, value] of Object.entries(COMPILED_NODE_ENV)) expect(unitValues(unit, 'Environment')).toContain(`${name}=${value}`)
    expect(unitValues(unit, 'User')).toEqual(['hearth'])
    expect(unitValues(unit, 'Restart')).toEqual(['on-failure'])
    expect(unitValues(unit, 'MemoryMax')).toHaveLength(1)
    expect(unitValues(unit, 'NoNewPrivileges')).toEqual(['yes'])
    expect(unitValues(unit, 'ProtectSystem')).toEqual(['strict'])
    const library = unitValues(unit, 'Environment').find(value => value.startsWith('HEARTH_LIBRARY='))?.split('=')[1]
    expect(unitValues(unit, 'ReadOnlyPaths')).toEqual([library])
    expect(unitValues(unit, 'ReadWritePaths')).toEqual([`${library}/Downloads`])
  })
})

describe('deploy/openwrt/hearth.init', () => {
  it('is valid shell that starts the compiled node under procd as an unprivileged user, with a memory limit and respawn', async () => {
    await run('sh', ['-n', PROCD_SCRIPT])
    const script = await readFile(PROCD_SCRIPT, 'utf8')
    expect(script.startsWith('#!/bin/sh /etc/rc.common\n')).toBe(true)
    expect(script).toContain('USE_PROCD=1')
    const flags = /^NODE_FLAGS="([^"]*)"/m.exec(script)?.[1]?.split(' ') ?? []
    for (const flag of COMPILED_NODE_FLAGS) expect(flags).toContain(flag)
    expect(script).toContain(`"$HEARTH_DIR/${COMPILED_SEED_NODE}"`)
    const env = /^\s*procd_set_param env (.*)$/m.exec(script)?.[1]?.split(' ') ?? []
    for (const [name, value] of Object.entries(COMPILED_NODE_ENV)) expect(env).toContain(`${name}=${value}`)
    expect(script).toMatch(/procd_set_param user hearth\n/)
    expect(script).toMatch(/procd_set_param respawn \d+ \d+ \d+\n/)
    expect(script).toMatch(/procd_set_param limits data="\$DATA_LIMIT_BYTES \$DATA_LIMIT_BYTES"/)
  })
})

describe('npm start', () => {
  it('runs the compiled node with the same V8 flags and malloc settings', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    const env = Object.entries(COMPILED_NODE_ENV).map(([name, value]) => `${name}=${value}`).join(' ')
    expect(pkg.scripts.start).toContain(`${env} node ${COMPILED_NODE_FLAGS.join(' ')} ${COMPILED_SEED_NODE}`)
    expect(pkg.scripts.build).toContain('scripts/build/build-node.ts')
  })
})
