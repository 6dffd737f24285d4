import { describe, expect, it } from 'vitest'
import { keyBelongsToFocus, seekTarget, shortcutFor, SHORTCUTS, type KeyPress } from '../player-shortcuts.ts'

function press (key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, ...modifiers }
}

describe('shortcutFor', () => {
  it('maps the usual web-player keys', () => {
    expect(shortcutFor(press(' '))).toBe('toggle-play')
    expect(shortcutFor(press('k'))).toBe('toggle-play')
    expect(shortcutFor(press('ArrowLeft'))).toBe('seek-back')
    expect(shortcutFor(press('j'))).toBe('seek-back')
    expect(shortcutFor(press('ArrowRight'))).toBe('seek-forward')
    expect(shortcutFor(press('l'))).toBe('seek-forward')
    expect(shortcutFor(press('f'))).toBe('fullscreen')
    expect(shortcutFor(press('m'))).toBe('mute')
    expect(shortcutFor(press('c'))).toBe('subtitles')
    expect(shortcutFor(press('N', { shiftKey: true }))).toBe('next-episode')
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help')
    expect(shortcutFor(press('K', { shiftKey: false }))).toBe('toggle-play') // Caps Lock
  })

  it('leaves the browser’s and the system’s combinations, plain n, and Shift with other letters alone', () => {
    expect(shortcutFor(press('f', { ctrlKey: true }))).toBeNull()
    expect(shortcutFor(press('l', { metaKey: true }))).toBeNull()
    expect(shortcutFor(press('ArrowLeft', { altKey: true }))).toBeNull()
    expect(shortcutFor(press('n'))).toBeNull()
    expect(shortcutFor(press('F', { shiftKey: true }))).toBeNull()
    expect(shortcutFor(press('x'))).toBeNull()
  })

  it('gives every action one row in the help list', () => {
    expect(new Set(SHORTCUTS.map(shortcut => shortcut.action)).size).toBe(SHORTCUTS.length)
  })
})

describe('keyBelongsToFocus', () => {
  const element = (tagName: string, type?: string) => ({ tagName, isContentEditable: false, type })
  it('leaves typing to fields and Space or Enter to buttons and links', () => {
    expect(keyBelongsToFocus(press('k'), element('INPUT', 'search'))).toBe(true)
    expect(keyBelongsToFocus(press('k'), element('TEXTAREA'))).toBe(true)
    expect(keyBelongsToFocus(press('ArrowDown'), element('SELECT'))).toBe(true)
    expect(keyBelongsToFocus(press(' '), element('BUTTON'))).toBe(true)
    expect(keyBelongsToFocus(press('Enter'), element('A'))).toBe(true)
    expect(keyBelongsToFocus(press('k'), { tagName: 'DIV', isContentEditable: true })).toBe(true)
    expect(keyBelongsToFocus(press('ArrowLeft'), element('INPUT', 'range'))).toBe(true)
  })

  it('takes the player’s keys on buttons, checkboxes, the video and nothing focused', () => {
    expect(keyBelongsToFocus(press('ArrowRight'), element('BUTTON'))).toBe(false)
    expect(keyBelongsToFocus(press('m'), element('INPUT', 'checkbox'))).toBe(false)
    expect(keyBelongsToFocus(press(' '), element('VIDEO'))).toBe(false)
    expect(keyBelongsToFocus(press(' '), null)).toBe(false)
  })
})

describe('seekTarget', () => {
  it('moves 10 s, never before the start nor past the end', () => {
    expect(seekTarget(30, 100, 'seek-forward')).toBe(40)
    expect(seekTarget(30, 100, 'seek-back')).toBe(20)
    expect(seekTarget(4, 100, 'seek-back')).toBe(0)
    expect(seekTarget(95, 100, 'seek-forward')).toBe(100)
    expect(seekTarget(95, Number.NaN, 'seek-forward')).toBe(105)
  })
})
