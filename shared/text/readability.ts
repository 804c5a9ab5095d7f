// French readability: Kandel & Moles (1958), Flesch's formula refitted for French.
//   L = 207 − 1.015 × (words / sentence) − 73.6 × (syllables / word)
// 60–70 standard, 70–80 fairly easy, 80–90 easy. Pure.

const VOWELS = 'aeiouyàâäéèêëîïôöùûüÿœæ'
const VOWEL_GROUP = new RegExp(`[${VOWELS}]+`, 'gu')
/** "é" before another vowel is a syllable of its own: ré-ac-tion, cré-er. */
const HIATUS = new RegExp(`é(?=[${VOWELS}])`, 'gu')

/**
 * Syllables of one written French word, as usually counted for readability:
 * vowel groups, a final mute "e"/"es" not counted, "é" + vowel split.
 * A number counts as one syllable; a word without a vowel as one.
 */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().normalize('NFC')
  if (!/\p{L}/u.test(w)) return 1
  const groups = (w.replace(HIATUS, 'é|').match(VOWEL_GROUP) ?? []).length
  if (groups === 0) return 1
  const muteEnding = /[^aeiouyàâäéèêëîïôöùûüÿœæ](e|es)$/u.test(w) && !/(qu|gu)es?$/u.test(w)
  return Math.max(1, groups - (muteEnding && groups > 1 ? 1 : 0))
}

/** Words: runs of letters or digits; "l’eau" is two words, "c’est-à-dire" four. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? []
}

/**
 * Sentences of a block (a paragraph, a bullet): split after . ! ? … followed by
 * a space or the end. A block without final punctuation is still one sentence.
 */
export function sentencesOf(block: string): string[] {
  return block
    .split(/(?<=[.!?…])\s+/u)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0)
}

export interface Readability {
  /** Kandel & Moles score, rounded to one decimal. */
  score: number
  sentences: number
  words: number
  syllables: number
  wordsPerSentence: number
  syllablesPerWord: number
}

/** Score of a text given as its blocks (paragraphs, bullets); null when it has no word. */
export function kandelMoles(blocks: readonly string[]): Readability | null {
  let sentences = 0
  let words = 0
  let syllables = 0
  for (const block of blocks) {
    for (const sentence of sentencesOf(block)) {
      const ws = wordsOf(sentence)
      sentences++
      words += ws.length
      for (const w of ws) syllables += countSyllables(w)
    }
  }
  if (words === 0) return null
  const wordsPerSentence = words / sentences
  const syllablesPerWord = syllables / words
  const score = 207 - 1.015 * wordsPerSentence - 73.6 * syllablesPerWord
  return {
    score: Math.round(score * 10) / 10,
    sentences,
    words,
    syllables,
    wordsPerSentence: Math.round(wordsPerSentence * 10) / 10,
    syllablesPerWord: Math.round(syllablesPerWord * 100) / 100,
  }
}
