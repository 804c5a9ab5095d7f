// A tagged PDF read back by two readers that share no code with pdfkit:
// poppler (`pdfinfo -struct-text`: the whole structure tree with each
// element's text) and pdf.js (each page's structure tree, and its text with
// the marked content around it: what a screen reader built on pdf.js gets).
// And the PDF/UA-1 conditions a machine can check without a human.
import { inflateSync } from 'node:zlib'
import { pdfFonts, pdfInfo, pdfTool, searchable } from './pdf-tools'

// pdf.js 6 calls Promise.withResolvers, which Node 22 has and Node 20 (where the tests also run) lacks.
if (!('withResolvers' in Promise)) {
  Object.defineProperty(Promise, 'withResolvers', {
    value<T>() {
      let resolve!: (value: T) => void
      let reject!: (reason?: unknown) => void
      const promise = new Promise<T>((a, b) => {
        resolve = a
        reject = b
      })
      return { promise, resolve, reject }
    },
  })
}

export interface StructElement {
  role: string
  /** The element's own text (poppler prints it for elements holding content). */
  text: string
  children: StructElement[]
}

/** The structure tree as poppler reads it: `pdfinfo -struct-text`, two spaces per level. */
export function popplerStructure(pdf: Uint8Array): StructElement {
  const root: StructElement = { role: '', text: '', children: [] }
  const stack: { depth: number; element: StructElement }[] = [{ depth: -1, element: root }]
  for (const line of pdfTool(pdf, 'pdfinfo', ['-struct-text']).split('\n')) {
    if (line.trim() === '') continue
    const depth = (line.length - line.trimStart().length) / 2
    while ((stack.at(-1) as { depth: number }).depth >= depth) stack.pop()
    const parent = (stack.at(-1) as { element: StructElement }).element
    const content = line.trim()
    if (content.startsWith('"')) {
      parent.text += content.slice(1, -1)
      continue
    }
    const element: StructElement = { role: content.replace(/ \((block|inline)\)$/u, ''), text: '', children: [] }
    parent.children.push(element)
    stack.push({ depth, element })
  }
  return root
}

/** Every element of the tree, in document order (the tree's reading order). */
export const elementsOf = (e: StructElement): StructElement[] => [e, ...e.children.flatMap(elementsOf)]

/** The text of the tree in structure order, one element's text a line. */
export const structureText = (root: StructElement): string =>
  elementsOf(root)
    .map((e) => e.text)
    .filter((t) => t.length > 0)
    .join('\n')

interface PageMarks {
  /** Roles of the page's structure tree, in order. */
  roles: string[]
  /** The text of the page's structure tree, in structure order. */
  structured: string
  /** Each artifact's text, in drawing order. */
  artifacts: string[]
  /** Text drawn neither in the structure tree nor as an artifact. */
  untagged: string[]
}

interface PdfjsTextItem {
  str?: string
  hasEOL?: boolean
  type?: string
  id?: string | null
  tag?: string
}
interface PdfjsStructNode {
  role?: string
  type?: string
  id?: string
  children?: PdfjsStructNode[]
}

/** Each page as pdf.js reads it: `getStructTree()` and `getTextContent({ includeMarkedContent: true })`. */
export async function pdfjsPages(pdf: Uint8Array): Promise<PageMarks[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdf.js transfers the buffer: give it a copy.
  const task = getDocument({ data: pdf.slice(), useWasm: false })
  try {
    const doc = await task.promise
    const pages: PageMarks[] = []
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n)
      const tree = (await page.getStructTree()) as PdfjsStructNode | null
      const items = (await page.getTextContent({ includeMarkedContent: true })).items as PdfjsTextItem[]
      // The text of each marked-content sequence, and what lies outside any.
      const byId = new Map<string, string>()
      const artifacts: string[] = []
      const untagged: string[] = []
      const open: { id: string | null; tag: string | undefined; text: string }[] = []
      for (const item of items) {
        if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          open.push({ id: item.id ?? null, tag: item.tag, text: '' })
        } else if (item.type === 'endMarkedContent') {
          const done = open.pop()
          if (done?.tag === 'Artifact') artifacts.push(done.text)
          else if (done?.id) byId.set(done.id, (byId.get(done.id) ?? '') + done.text)
        } else if (item.str !== undefined) {
          const text = item.str + (item.hasEOL ? '\n' : '')
          const current = open.at(-1)
          if (current) current.text += text
          else if (item.str.trim()) untagged.push(item.str)
        }
      }
      const roles: string[] = []
      const structured: string[] = []
      const ids = new Set<string>()
      const walk = (node: PdfjsStructNode) => {
        if (node.role) roles.push(node.role)
        if (node.type === 'content' && node.id) {
          ids.add(node.id)
          structured.push(byId.get(node.id) ?? '')
        }
        for (const child of node.children ?? []) walk(child)
      }
      if (tree) walk(tree)
      // Marked content with an MCID the structure tree never reaches is untagged too.
      for (const [id, text] of byId) if (!ids.has(id) && text.trim()) untagged.push(text)
      pages.push({ roles, structured: structured.join('\n'), artifacts, untagged })
    }
    return pages
  } finally {
    await task.destroy()
  }
}

/** Painting operators: what puts something on the page. */
const PAINTS = new Set(['Tj', 'TJ', "'", '"', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'Do', 'sh'])

/** Painting operators of each page's content outside any marked content (PDF/UA: content is tagged or an artifact). */
function unmarkedPainting(pdf: Uint8Array): string[] {
  const text = Buffer.from(pdf).toString('latin1')
  const contents = new Set(Array.from(text.matchAll(/\/Contents (\d+) 0 R/gu), (m) => m[1]))
  const found: string[] = []
  // Each object holding a stream: its number, then the stream's first byte.
  for (const m of text.matchAll(/(\d+) 0 obj\s*<<(?:(?! 0 obj)[\s\S])*?>>\s*stream\r?\n/gu)) {
    if (!contents.has(m[1])) continue
    const start = (m.index as number) + m[0].length
    const body = Buffer.from(pdf.subarray(start, text.indexOf('endstream', start)))
    let depth = 0
    for (const line of inflateSync(body).toString('latin1').split('\n')) {
      const op = line.trim().split(/\s+/u).at(-1) ?? ''
      if (op === 'BDC' || op === 'BMC') depth++
      else if (op === 'EMC') depth--
      else if (depth === 0 && PAINTS.has(op)) found.push(`objet ${m[1]} : ${line.slice(0, 60)}`)
    }
  }
  return found
}

/** Why an XML text is not well formed (unbalanced tags, a bare « & »), empty when it is. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = []
  const open: string[] = []
  for (const [token] of xml.matchAll(/<[^<>]*>|[^<]+|</gu)) {
    if (!token.startsWith('<')) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/iu.test(token)) problems.push(`« & » nu : ${token.trim()}`)
    } else if (token === '<') problems.push('« < » nu')
    else if (token.startsWith('</')) {
      const name = token.slice(2, -1).trim()
      if (open.pop() !== name) problems.push(`</${name}> ne ferme rien`)
    } else if (!/^<[?!]|\/>$/u.test(token)) open.push(/^<([^\s>]+)/u.exec(token)?.[1] ?? '')
  }
  return [...problems, ...open.map((name) => `<${name}> jamais fermé`)]
}

/**
 * What breaks the PDF/UA-1 conditions a machine can check here, empty when
 * all hold: PDF 1.7, Marked true (« Tagged: yes »), a structure tree, the
 * document language, a title in the info dictionary and the same in well-formed
 * XMP metadata with pdfuaid:part 1, DisplayDocTitle, every page's tab order
 * following the structure, every font embedded with a ToUnicode map, nothing
 * painted outside marked content.
 */
export function pdfUaProblems(pdf: Uint8Array, language: string): string[] {
  const problems: string[] = []
  const info = pdfInfo(pdf)
  const raw = Buffer.from(pdf).toString('latin1')
  const xmp = pdfTool(pdf, 'pdfinfo', ['-meta'])
  if (info.version !== '1.7') problems.push(`PDF ${info.version}`)
  if (!info.tagged) problems.push('Tagged: no')
  if (!/\/StructTreeRoot \d+ 0 R/u.test(raw)) problems.push('pas d’arbre de structure')
  if (!raw.includes(`/Lang (${language})`)) problems.push('langue du document absente')
  if (info.title === '') problems.push('titre absent')
  const xmpTitle = /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]*)<\/rdf:li>/u.exec(xmp)?.[1]
  if (xmpTitle !== info.title) problems.push(`titre XMP « ${xmpTitle} » ≠ « ${info.title} »`)
  if (!/<pdfuaid:part>1<\/pdfuaid:part>/u.test(xmp)) problems.push('pdfuaid:part 1 absent')
  problems.push(...xmlProblems(xmp).map((p) => `XMP mal formé : ${p}`))
  if (!/\/DisplayDocTitle true/u.test(raw)) problems.push('DisplayDocTitle absent')
  const pages = raw.match(/\/Type \/Page\b(?!s)/gu)?.length ?? 0
  const tabs = raw.match(/\/Tabs \/S\b/gu)?.length ?? 0
  if (tabs !== pages) problems.push(`ordre de tabulation /S sur ${tabs} page(s) sur ${pages}`)
  for (const font of pdfFonts(pdf)) {
    if (!font.embedded) problems.push(`police non incorporée : ${font.name}`)
    if (!font.toUnicode) problems.push(`police sans ToUnicode : ${font.name}`)
  }
  problems.push(...unmarkedPainting(pdf).map((p) => `contenu hors balisage : ${p}`))
  return problems
}

/** Headings that skip a level (an H3 right after an H1) or a document not opening on one H1. */
export function headingProblems(root: StructElement): string[] {
  const levels = elementsOf(root)
    .map((e) => /^H([1-6])$/u.exec(e.role)?.[1])
    .filter((l) => l !== undefined)
    .map(Number)
  const problems: string[] = []
  if (levels[0] !== 1) problems.push(`premier titre de niveau ${levels[0]}`)
  if (levels.filter((l) => l === 1).length !== 1) problems.push('pas exactement un H1')
  levels.forEach((l, i) => {
    if (i > 0 && l > (levels[i - 1] as number) + 1) problems.push(`H${levels[i - 1]} puis H${l}`)
  })
  return problems
}

/** Lists that hold anything but items, items without their label then body or outside a list, empty lists. */
export function listProblems(root: StructElement): string[] {
  const problems: string[] = []
  const within: Record<string, string> = { LI: 'L', Lbl: 'LI', LBody: 'LI' }
  for (const e of elementsOf(root)) {
    for (const c of e.children) if (within[c.role] && within[c.role] !== e.role) problems.push(`${c.role} dans ${e.role}`)
    if (e.role === 'L') {
      if (e.children.length === 0) problems.push('liste vide')
      for (const c of e.children) if (c.role !== 'LI') problems.push(`${c.role} dans une liste`)
    }
    if (e.role === 'LI' && e.children.map((c) => c.role).join(' ') !== 'Lbl LBody') {
      problems.push(`élément de liste : ${e.children.map((c) => c.role).join(' ')}`)
    }
  }
  return problems
}

/**
 * The visible text of each page in reading order (pdftotext, which reads the
 * page's layout and ignores its tags) less the artifacts pdf.js found there,
 * made searchable: what the structure tree must hold, in the same order.
 */
export function visibleContent(pages: string[], marks: PageMarks[]): string {
  return pages
    .map((page, i) => {
      let text = searchable(page)
      for (const artifact of marks[i]?.artifacts ?? []) {
        const a = searchable(artifact)
        const at = a ? text.indexOf(a) : -1
        if (at >= 0) text = `${text.slice(0, at)} ${text.slice(at + a.length)}`
      }
      return searchable(text)
    })
    .join(' ')
    .trim()
}
