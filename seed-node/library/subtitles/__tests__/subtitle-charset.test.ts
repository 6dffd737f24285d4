/**
 * Code pages as subtitle files hold them: each text written in its code page by iconv-lite
 * (real encoded bytes, as Notepad or an old subtitle editor saved them), read back right.
 */
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText, detectCharset } from '../subtitle-charset.ts'

const srt = (...lines: string[]): string => lines.map((line, index) => `${index + 1}\r\n00:00:0${index + 1},000 --> 00:00:0${index + 2},000\r\n${line}\r\n`).join('\r\n')

/** [what the file is written in, the text, the charset it must be read as]. */
const TABLE: ReadonlyArray<readonly [string, string, string]> = [
  ['windows-1252', srt('Grüße aus München – “quoted” €', 'Wir fahren morgen früh nach Köln.'), 'windows-1252'],
  ['windows-1252', srt('Ça va très bien, merci. Où êtes-vous allés cet été ?', 'Déjà vu… à bientôt !'), 'windows-1252'],
  ['windows-1252', srt('¿Dónde está la estación? Mañana por la mañana.', 'El niño comió piña.'), 'windows-1252'],
  ['windows-1251', srt('Привет, как дела? Это проверка русских субтитров.', 'Мы идём домой вечером.'), 'windows-1251'],
  ['windows-1251', srt('Добрий вечір, друзі! Що ви робите сьогодні?', 'Ми їдемо до Києва завтра вранці.'), 'windows-1251'],
  ['windows-1250', srt('Příliš žluťoučký kůň úpěl ďábelské ódy.', 'Šťastný nový rok, přátelé! Zażółć gęślą jaźń.'), 'windows-1250'],
  ['iso-8859-7', srt('Καλημέρα, τι κάνεις; Αυτός είναι ένας έλεγχος υποτίτλων.', 'Πάμε σπίτι το βράδυ.'), 'iso-8859-7'],
  ['koi8-r', srt('Привет, как дела? Это проверка русских субтитров.', 'Мы идём домой вечером.'), 'koi8-r'],
  ['shift_jis', srt('こんにちは、元気ですか？これは字幕のテストです。', '今夜は家に帰ります。'), 'shift_jis'],
  ['gb18030', srt('你好，你怎么样？这是字幕测试。', '我们今晚回家。'), 'gb18030'],
  ['big5', srt('你好，你怎麼樣？這是字幕測試。', '我們今晚回家。'), 'big5'],
  ['euc-kr', srt('안녕하세요, 어떻게 지내세요? 이것은 자막 테스트입니다.', '오늘 밤에 집에 갑니다.'), 'euc-kr'],
  ['windows-1256', srt('مرحبا، كيف حالك؟ هذا اختبار للترجمة.', 'سنذهب إلى البيت الليلة.'), 'windows-1256'],
  ['windows-1255', srt('שלום, מה שלומך? זו בדיקת כתוביות.', 'אנחנו הולכים הביתה הערב.'), 'windows-1255']
]

describe('subtitle code pages', () => {
  it.each(TABLE)('reads text written in %s', (written, text, readAs) => {
    const bytes = iconv.encode(text, written)
    expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(false)
    const decoded = decodeText(bytes)
    expect(decoded.charset).toBe(readAs)
    expect(decoded.text).toBe(text)
  })

  it('lets a BOM decide, and reads valid UTF-8 as UTF-8 whatever else it could be', () => {
    const text = srt('Привет — Grüße — こんにちは')
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, charset: 'utf-8' })
    expect(decodeText(iconv.encode(text, 'utf-8', { addBOM: true }))).toEqual({ text, charset: 'utf-8' })
    expect(decodeText(iconv.encode(text, 'utf-16le', { addBOM: true }))).toEqual({ text, charset: 'utf-16le' })
    expect(decodeText(iconv.encode(text, 'utf-16be', { addBOM: true }))).toEqual({ text, charset: 'utf-16be' })
  })

  it('falls back to Windows-1252 when the guess is weak (a few accented letters)', () => {
    expect(detectCharset(iconv.encode(srt('Voilà.'), 'windows-1252'))).toBe('windows-1252')
    expect(decodeText(Buffer.from([0x31, 0x0d, 0x0a, 0x80, 0x0d, 0x0a])).text).toBe('1\r\n€\r\n')
  })
})
