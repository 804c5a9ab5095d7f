// How a query's words are read, the same in every view: folded (accents,
// case, ligatures), a plural read as its singular, and the words that name
// Mollet's subject itself (« fasciculations », « contractions », R25.3) left
// out — every entry is about them, so they would only hide entries whose
// text happens not to repeat them. What a query asks of something Mollet
// does not cover is said, in French, beside the results.
//
// Search vocabulary, never a clinical claim. Pure.
import { foldForSearch, queryTerms } from '../text/fold'

/** Folded words that name the subject of the article: every entry is about them. */
const SUBJECT = /^(?:fascicul|contraction|mollet|myokymi|twitch|r25\.?3$)/u

/** A plural read as its singular: « sciatiques » finds « sciatique », « crampes » « crampe ». */
function singular(term: string): string {
  return term.length >= 4 && term.endsWith('s') && !term.endsWith('ss') ? term.slice(0, -1) : term
}

/** The folded terms a query searches for (see the header). */
export function searchTerms(query: string): string[] {
  return queryTerms(query)
    .filter((term) => !SUBJECT.test(term))
    .map(singular)
}

/**
 * What Mollet says of a query beside its results: the words it reads as its
 * subject, and what the article sends elsewhere (cramps: « En savoir plus sur
 * le sujet : crampes », with nothing more). French, with its typography.
 */
export function searchNotes(query: string): string[] {
  const terms = queryTerms(query)
  const notes: string[] = []
  const subject = foldForSearch(query)
    .split(' ')
    .filter((t) => t.length > 0 && SUBJECT.test(t))
  if (subject.length > 0) {
    notes.push(
      `${subject.map((t) => `«\u00a0${t}\u00a0»`).join(', ')}\u00a0: c’est le sujet même de Mollet (les contractions musculaires du mollet)\u202f; toutes les entrées s’y rapportent, la recherche porte sur les autres mots.`,
    )
  }
  if (terms.some((t) => t.startsWith('crampe'))) {
    notes.push(
      'Les crampes sont un autre sujet\u00a0: l’article y renvoie («\u00a0En savoir plus sur le sujet\u00a0: crampes\u00a0») sans en parler. Mollet ne les couvre pas.',
    )
  }
  return notes
}
