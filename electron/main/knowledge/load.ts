// Loads and validates the knowledge base from resources/. Plain Node, no
// Electron: a broken file never stops the app; its bad entries are left out and
// each problem is said in French (file, entry, field). The checks themselves
// (validateKnowledge) run on files in memory: a pack's are the same checks.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { articleHiddenMessage, KB_FILES, type KnowledgeMeta } from '../../../shared/kb/schema'
import { CONTEXT_GROUP } from '../../../shared/kb/vocabulary'
import { foldArticle, locateProvenance, sectionsOf, type ArticleSection } from '../../../shared/kb/provenance'
import { pushAll } from '../../../shared/kb/problems'
import { conditionsOf, emptyKnowledgeBase, type KbProblem, type KnowledgeBase, type KnowledgeBaseSnapshot } from '../../../shared/kb/types'

z.config(z.locales.fr())

type ListKey = Exclude<keyof typeof KB_FILES, 'meta'>
const LIST_KEYS = Object.keys(KB_FILES).filter((k) => k !== 'meta') as ListKey[]

const KNOWLEDGE_DIR = 'knowledge'

export async function loadKnowledgeBase(resourcesDir: string): Promise<KnowledgeBaseSnapshot> {
  const files = new Map<string, string>()
  const read = async (path: string): Promise<void> => {
    try {
      files.set(path, await readFile(join(resourcesDir, path), 'utf8'))
    } catch {
      // Said by validateKnowledge: « Fichier introuvable ou illisible. »
    }
  }
  for (const { file } of Object.values(KB_FILES)) await read(knowledgePath(file))
  const source = sourcePathOf(files.get(knowledgePath(KB_FILES.meta.file)))
  if (source !== null) await read(source)
  return validateKnowledge(files)
}

/** Where a knowledge-base file stands, relative to resources/ (and inside a pack). */
export function knowledgePath(file: string): string {
  return `${KNOWLEDGE_DIR}/${file}`
}

/** The article's path that meta.json names, if it can be read at all (validateKnowledge checks the rest). */
export function sourcePathOf(metaText: string | undefined): string | null {
  if (metaText === undefined) return null
  try {
    const file = (JSON.parse(metaText) as { source?: { file?: unknown } } | null)?.source?.file
    return typeof file === 'string' && file.length > 0 ? file : null
  } catch {
    return null
  }
}

/**
 * The loader's checks on files already read, keyed by their path relative to
 * resources/ (knowledge/causes.json, source/…): schema, verbatim quotes,
 * references. Bad entries are left out and every problem is listed; the
 * bundled content runs with what is valid, a pack is refused unless `problems`
 * is empty (electron/main/pack/verify.ts). Pure and synchronous.
 */
export function validateKnowledge(
  files: ReadonlyMap<string, string>,
  quoteSearchBudget: number = QUOTE_SEARCH_BUDGET,
): KnowledgeBaseSnapshot {
  const problems: KbProblem[] = []

  const metaFile = KB_FILES.meta.file
  const metaRaw = parseJson(files.get(knowledgePath(metaFile)), metaFile, problems)
  let meta: KnowledgeMeta | null = null
  if (metaRaw !== undefined) {
    const parsed = KB_FILES.meta.schema.safeParse(metaRaw)
    if (parsed.success) meta = parsed.data
    else pushAll(problems, issuesToProblems(metaFile, null, parsed.error))
  }

  const kb: KnowledgeBase = emptyKnowledgeBase(meta)

  if (meta) {
    const article = files.get(meta.source.file)
    const hidden = article === undefined ? null : articleHiddenMessage(article)
    if (hidden !== null) problems.push({ file: meta.source.file, entry: null, field: null, message: hidden })
    else if (article !== undefined) kb.article = article
    else {
      problems.push({
        file: meta.source.file,
        entry: null,
        field: null,
        message: 'Article source introuvable\u00a0: les citations ne peuvent pas être affichées.',
      })
    }
  }

  for (const key of LIST_KEYS) {
    const { file, schema } = KB_FILES[key]
    const raw = parseJson(files.get(knowledgePath(file)), file, problems)
    if (raw === undefined) continue
    if (!Array.isArray(raw)) {
      problems.push({ file, entry: null, field: null, message: 'Le fichier doit contenir une liste d’entrées.' })
      continue
    }
    const seen = new Set<string>()
    raw.forEach((item: unknown, index) => {
      const label = entryLabel(item, index)
      const parsed = schema.safeParse(item)
      if (!parsed.success) {
        pushAll(problems, issuesToProblems(file, label, parsed.error))
        return
      }
      if (seen.has(parsed.data.id)) {
        problems.push({ file, entry: label, field: 'id', message: 'Identifiant en double.' })
        return
      }
      seen.add(parsed.data.id)
      ;(kb[key] as unknown[]).push(parsed.data)
    })
  }

  if (meta && kb.article) checkQuotes(kb, meta, problems, quoteSearchBudget)
  checkReferences(kb, problems)
  return { kb, problems }
}

function parseJson(text: string | undefined, file: string, problems: KbProblem[]): unknown {
  if (text === undefined) {
    problems.push({ file, entry: null, field: null, message: 'Fichier introuvable ou illisible.' })
    return undefined
  }
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    problems.push({ file, entry: null, field: null, message: `JSON invalide${whereInJson(text, error)}.` })
    return undefined
  }
}

/** Line and column of a JSON syntax error, in French (V8's own message is English). */
function whereInJson(text: string, error: unknown): string {
  const at = error instanceof SyntaxError ? /position (\d+)/.exec(error.message) : null
  if (!at) return ''
  const before = text.slice(0, Number(at[1]))
  const line = before.split('\n').length
  const column = before.length - before.lastIndexOf('\n')
  return ` (ligne\u00a0${line}, colonne\u00a0${column})`
}

function entryLabel(item: unknown, index: number): string {
  const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined
  return typeof id === 'string' && id.length > 0 ? id : `n°\u00a0${index + 1}`
}

function issuesToProblems(file: string, entry: string | null, error: z.ZodError): KbProblem[] {
  return error.issues.map((issue) => ({
    file,
    entry,
    field: issue.path.length > 0 ? issue.path.join('.') : null,
    message: frenchSpacing(issue.message),
  }))
}

/** zod's French messages put a plain space before ':' ; ! ?: make it the no-break ones. */
function frenchSpacing(message: string): string {
  return message
    .replace(/ :/g, '\u00a0:')
    .replace(/ ([;!?])/g, '\u202f$1')
    .replace(/'/g, '’')
}

type Quoted = { id: string; provenance: { section: string; quote: string }[] }

/**
 * The most characters of the article the quote checks may search, summed over
 * the distinct (section, quote) pairs: each search runs over its section once
 * (V8's indexOf is linear), so this bounds the whole check — about 1 s on this
 * machine's cores. Real contents are far below it (the bundled one: 27 entries
 * over a 30 KB article, ~10⁶; 10,000 entries with 20,000 quotes over 100 KB
 * sections, ~2·10⁹ would be the first to pass it); a pack past it is refused.
 */
const QUOTE_SEARCH_BUDGET = 2 ** 31

/** A quote that is not verbatim in its section makes its entry untrustworthy: left out. */
function checkQuotes(kb: KnowledgeBase, meta: KnowledgeMeta, problems: KbProblem[], searchBudget: number): void {
  const sections: ArticleSection[] = sectionsOf(
    kb.article,
    meta.sections.map((s) => s.heading),
  )
  // The article is folded once, and each (section, quote) pair looked up once: entries often share a quote.
  const folded = foldArticle(kb.article)
  const located = new Map<string, 'found' | 'missing' | 'unchecked'>()
  let budget = searchBudget
  const lookup = (p: { section: string; quote: string }): 'found' | 'missing' | 'unchecked' => {
    const key = `${p.section}\u0000${p.quote}`
    let result = located.get(key)
    if (result === undefined) {
      const section = sections.find((s) => s.heading === p.section)
      budget -= section ? section.end - section.start : 0
      if (budget < 0) result = 'unchecked'
      else result = locateProvenance(folded, sections, p) !== null ? 'found' : 'missing'
      located.set(key, result)
    }
    return result
  }
  for (const key of LIST_KEYS) {
    const list = kb[key] as Quoted[]
    const kept = list.filter((entry) => {
      const bad = entry.provenance.findIndex((p) => lookup(p) !== 'found')
      if (bad < 0) return true
      const unchecked = lookup(entry.provenance[bad] as { section: string; quote: string }) === 'unchecked'
      problems.push({
        file: KB_FILES[key].file,
        entry: entry.id,
        field: `provenance.${bad}.quote`,
        message: unchecked
          ? 'Citation non vérifiée\u00a0: l’article et les citations sont trop longs pour être tous vérifiés.'
          : 'Citation introuvable telle quelle dans la section indiquée de l’article.',
      })
      return false
    })
    ;(kb as unknown as Record<ListKey, Quoted[]>)[key] = kept
  }
}

/** A dangling reference is dropped (the entry stays) and reported. */
function checkReferences(kb: KnowledgeBase, problems: KbProblem[]): void {
  const conditions = new Set(conditionsOf(kb).map((c) => c.id))
  const findings = new Set(kb.findings.map((f) => f.id))
  const contexts = new Set(kb.findings.filter((f) => f.group === CONTEXT_GROUP).map((f) => f.id))
  const topics = new Set(kb.topics.map((t) => t.id))

  const prune = (file: string, entry: string, field: string, ids: string[], known: Set<string>): string[] =>
    ids.filter((ref) => {
      if (known.has(ref)) return true
      problems.push({ file, entry, field, message: `Référence inconnue «\u00a0${ref}\u00a0».` })
      return false
    })

  for (const key of ['causes', 'differentials'] as const) {
    const file = KB_FILES[key].file
    for (const c of kb[key]) {
      c.contexts = prune(file, c.id, 'contexts', c.contexts, contexts)
      c.pointingFindings = prune(file, c.id, 'pointingFindings', c.pointingFindings, findings)
      c.opposingFindings = prune(file, c.id, 'opposingFindings', c.opposingFindings, findings)
      c.usualFindings = prune(file, c.id, 'usualFindings', c.usualFindings, findings)
      c.related = prune(file, c.id, 'related', c.related, conditions)
      c.topics = prune(file, c.id, 'topics', c.topics, topics)
    }
  }
  for (const a of kb.advice) a.appliesTo = prune(KB_FILES.advice.file, a.id, 'appliesTo', a.appliesTo, conditions)
  for (const g of kb.groups) g.members = prune(KB_FILES.groups.file, g.id, 'members', g.members, conditions)
  for (const t of kb.topics) t.related = prune(KB_FILES.topics.file, t.id, 'related', t.related, conditions)
  // A grade said to be a group's must be that group's: the entry among its members.
  // Sets, not lists: a group may count most of a large pack's entries.
  const membersOf = new Map(kb.groups.map((g) => [g.id, new Set(g.members)]))
  for (const key of ['causes', 'differentials'] as const) {
    for (const c of kb[key]) {
      if (c.seriousnessOf === undefined) continue
      const members = membersOf.get(c.seriousnessOf)
      if (members?.has(c.id)) continue
      problems.push({
        file: KB_FILES[key].file,
        entry: c.id,
        field: 'seriousnessOf',
        message: members
          ? `Le groupe «\u00a0${c.seriousnessOf}\u00a0» ne compte pas cette entrée parmi ses membres.`
          : `Référence inconnue «\u00a0${c.seriousnessOf}\u00a0».`,
      })
      delete c.seriousnessOf
    }
  }

  const both = conditionsOf(kb)
  const firstAt = new Map<string, number>()
  both.forEach((c, i) => {
    if (!firstAt.has(c.id)) firstAt.set(c.id, i)
  })
  const dup = new Set(both.filter((c, i) => firstAt.get(c.id) !== i))
  for (const c of dup) {
    problems.push({
      file: KB_FILES.differentials.file,
      entry: c.id,
      field: 'id',
      message: 'Identifiant déjà utilisé dans causes.json.',
    })
  }
  kb.differentials = kb.differentials.filter((c) => !dup.has(c))
}
