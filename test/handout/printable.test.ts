// What the handout can print (shared/handout/printable.ts): its table of code
// points is the bundled font's own, and a text's unprintable characters are
// named the way the knowledge-base checks say them.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FONT_COVERAGE } from '../../shared/handout/font-coverage'
import { INVISIBLE, STAND_INS, unprintableChars, unprintableContentMessage } from '../../shared/handout/printable'
import { unprintableMessage } from '../../shared/handout/options'
import { bundledFont } from '../../electron/main/handout/pdf/fonts'

describe('the handout’s printable characters', () => {
  it('are the code points every face of the bundled font draws (else: npx tsx scripts/font-coverage.ts)', async () => {
    const font = await bundledFont(resolve(import.meta.dirname, '../../resources'))
    const differ: string[] = []
    // Planes 0 and 1 hold every script and symbol Noto Sans could cover; the table stops there.
    const controls = /^\p{Cc}$/u
    for (let cp = 0; cp < 0x20000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue // surrogates: never a character of a string
      const ch = String.fromCodePoint(cp)
      if (controls.test(ch)) continue // said below
      // Printed: what the font draws, what no one sees (left out) and what has a stand-in.
      const printed = font.covers(cp) || ch.replace(INVISIBLE, '') === '' || ch in STAND_INS
      if ((unprintableChars(ch).length === 0) !== printed) differ.push(cp.toString(16))
    }
    expect(differ).toEqual([])
    expect((FONT_COVERAGE.at(-1) as readonly [number, number])[1]).toBeLessThan(0x20000)
  }, 30_000)

  it('names what the font lacks and controls, each once, in order; tabs and line breaks are laid out', () => {
    expect(unprintableChars('Fièvre, 38,5\u00a0°C\u2009; «\u00a0oui\u00a0» — l’œdème\tet\nla suite')).toEqual([])
    expect(unprintableChars('≥ 😀 ≥ a\u0007b\u0000 ∞')).toEqual(['≥', '😀', '\u0007', '\u0000', '∞'])
    // Line separators are line breaks, what no one sees is left out, a minus is a hyphen-minus.
    expect(unprintableChars('un\vdeux\ftrois\r\u0085\u2028\u2029 Mar\u200btin\u200e a\ufe0f \u3164\u180e\u061c \u22125')).toEqual([])
    expect(unprintableChars('\u2764\ufe0f\u001b')).toEqual(['\u2764', '\u001b'])
  })

  it('says the characters in French, with their code, up to five of them', () => {
    expect(unprintableContentMessage(['≥'])).toBe(
      'Caractère que la police des fiches ne peut pas imprimer\u00a0: «\u00a0≥\u00a0» (U+2265). Remplacez-le.',
    )
    expect(unprintableContentMessage(['\u0007', '😀'])).toBe(
      'Caractères que la police des fiches ne peut pas imprimer\u00a0: U+0007, «\u00a0😀\u00a0» (U+1F600). Remplacez-les.',
    )
    expect(unprintableContentMessage(['①', '②', '③', '④', '⑤', '⑥', '⑦'])).toMatch(/\(U\+2464\) et 2 autres\. Remplacez-les\.$/u)
  })
})

describe('what the form, printing and the command line say of unprintable characters', () => {
  it('one message, with a suggestion that fits the character', () => {
    const lead = 'La fiche contient des caractères que sa police ne peut pas imprimer\u00a0: '
    expect(unprintableMessage(['≤'])).toBe(
      `${lead}≤. Remplacez-les ou retirez-les (par exemple «\u00a0≤\u00a0» par «\u00a0au plus\u00a0»), puis réessayez.`,
    )
    expect(unprintableMessage(['☎'])).toContain('«\u00a0☎\u00a0» par «\u00a0Tél.\u00a0»')
    // A name in Chinese: never « ≤ » → « au plus ».
    const chinese = unprintableMessage(unprintableChars('李伟'))
    expect(chinese).toContain('lettres latines')
    expect(chinese).not.toContain('au plus')
    expect(unprintableMessage(['😀'])).toContain('Retirez-les ou écrivez-les en toutes lettres')
  })
})
