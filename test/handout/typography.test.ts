import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { NBSP, NNBSP } from '../../shared/text/french'
import { frenchTypography } from '../../shared/text/typography'

const show = (s: string) => s.replaceAll(NBSP, '⍽').replaceAll(NNBSP, '·')

describe('frenchTypography', () => {
  it.each<[string, string, string]>([
    ['no-break space before a colon typed without space', 'Attention: boire', 'Attention⍽: boire'],
    ['a breaking space before a colon becomes a no-break one', 'Attention : boire', 'Attention⍽: boire'],
    ['a narrow space before a colon becomes a full no-break one', `Note${NNBSP}: oui`, 'Note⍽: oui'],
    ['colon at the end of the text', 'Consultez si vous avez:', 'Consultez si vous avez⍽:'],
    ['narrow no-break space before ? typed without space', 'Qu’est-ce que c’est?', 'Qu’est-ce que c’est·?'],
    ['narrow no-break space before ! typed with a space', 'Buvez !', 'Buvez·!'],
    ['a full no-break space before ; becomes a narrow one', `un${NBSP}; deux`, 'un·; deux'],
    ['one space before a run of marks', 'Vraiment?!', 'Vraiment·?!'],
    ['guillemets without spaces', '«mollet»', '«⍽mollet⍽»'],
    ['guillemets with breaking spaces', '« mollet »', '«⍽mollet⍽»'],
    ['apostrophe between letters', "l'eau et aujourd'hui", 'l’eau et aujourd’hui'],
    ['mark before a closing guillemet', '«Pourquoi?»', '«⍽Pourquoi·?⍽»'],
  ])('%s', (_label, input, expected) => {
    expect(show(frenchTypography(input))).toBe(expected)
  })

  it.each<[string, string]>([
    ['a URL', 'Voir https://exemple.fr/page?a=1;b=2'],
    ['a time', 'Rendez-vous à 10:30 ou 14:00.'],
    ['a ratio', 'dilué 1:10'],
    ['mailto', 'mailto:cabinet@exemple.fr'],
    ['code', "<script>alert('x');</script>"],
    ['quotes that are not apostrophes', "'seul' et 12'"],
    ['already correct text', `Attention${NBSP}: buvez${NNBSP}! «${NBSP}oui${NBSP}»`],
    ['no punctuation', 'Les contractions du mollet'],
    ['right-to-left text', 'تشنج عضلي في الساق'],
    ['empty', ''],
  ])('leaves %s alone', (_label, input) => {
    expect(show(frenchTypography(input))).toBe(show(input))
  })

  it('keeps emoji and line breaks', () => {
    expect(frenchTypography('Courage 💪!\nÀ bientôt:')).toBe(`Courage 💪${NNBSP}!\nÀ bientôt${NBSP}:`)
  })

  it('is idempotent on any text', () => {
    const alphabet = fc.constantFrom(..."ab é:;!?«»'’ \u00a0\u202f\n1/.".split(''))
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 40 }), (text) => {
        const once = frenchTypography(text)
        expect(frenchTypography(once)).toBe(once)
      }),
      { numRuns: 3000 },
    )
  })

  it('is idempotent on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        const once = frenchTypography(text)
        expect(frenchTypography(once)).toBe(once)
      }),
      { numRuns: 1000 },
    )
  })
})
