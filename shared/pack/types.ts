// What the renderer is told about the content and about a knowledge pack:
// plain types, no zod (the verification is main's,
// electron/main/pack/). The French wording of a diff is in describe.ts.
import type { KbProblem } from '../kb/types'

/** The lists of the knowledge base, in the order the diff reports them. */
export const KB_LISTS = ['causes', 'differentials', 'findings', 'advice', 'groups', 'topics', 'handout'] as const
export type KbList = (typeof KB_LISTS)[number]

/** One edition of the content: its name (« 1 », « 2027-1 ») and its revision date (YYYY-MM-DD). */
export interface ContentVersion {
  title: string
  /** Null for content that names no edition (older bundled files). */
  edition: string | null
  revision: string
}

/** An entry of one list, named as the interface names it. */
export interface DiffEntry {
  list: KbList
  id: string
  /** The entry's name or label (its text for a handout paragraph). */
  label: string
}

/** An entry whose fields changed; `fields` are the keys (their French labels are describe.ts's). */
export interface ChangedEntry extends DiffEntry {
  fields: string[]
  /** The old label when the label itself changed (a renamed entry). */
  previousLabel: string | null
}

/** What going from one content to another changes. */
export interface ContentDiff {
  from: ContentVersion
  to: ContentVersion
  /** At most DIFF_LISTED entries each; `counts` has the full numbers. */
  added: DiffEntry[]
  removed: DiffEntry[]
  changed: ChangedEntry[]
  counts: { added: number; removed: number; changed: number }
  /** meta.json's fields that changed (title, source, sections…; edition and revision are in from/to). */
  metaFields: string[]
  /** The source article's text changed. */
  articleChanged: boolean
}

/** How the current content is vouched for. */
export type ContentSignature =
  | { kind: 'bundled' }
  /** `keyName` is the trusted key's file name (NAME.pub); `fingerprint` its SHA-256, hexadecimal. */
  | { kind: 'signed'; keyName: string; fingerprint: string }

/** « À propos du contenu ». */
export interface ContentInfo {
  origin: 'bundled' | 'pack'
  /** Null when even the bundled meta.json is unusable. */
  version: ContentVersion | null
  editor: string | null
  source: { title: string; file: string } | null
  /** The pack's id; null for the bundled content. */
  packId: string | null
  signature: ContentSignature
  /** When the current content was installed (ISO date and time); null for the bundled content never replaced. */
  installedAt: string | null
  /** What the last change of content changed; null before any. */
  lastChange: ContentDiff | null
  /** What « Revenir au contenu précédent » goes back to: null when there is nothing to go back to. */
  previous: { origin: 'bundled' | 'pack'; version: ContentVersion | null } | null
  /** A French notice about the start (a pack that no longer verifies, say); null when all is well. */
  notice: string | null
  /** The last day the pack's editor vouches it is current (AAAA-MM-JJ); null for the bundled content. */
  currentUntil: string | null
  /** That day is past: the content is still used, and may be out of date. */
  outdated: boolean
}

export const CONTENT_TARGETS = ['previous', 'original'] as const
export type ContentTarget = (typeof CONTENT_TARGETS)[number]

/** What a knowledge pack, or a return to earlier content, would change: shown before anything is installed. */
export type ContentChangePreview =
  /** The clinician closed the file dialog. */
  | { status: 'cancelled' }
  /** Nothing can be installed: every problem, in French (file, entry, field). */
  | { status: 'refused'; title: string; problems: KbProblem[] }
  | {
      status: 'ready'
      /** Names this change for applyContentChange; a newer preview replaces it. */
      token: string
      kind: 'pack' | ContentTarget
      diff: ContentDiff
      signature: ContentSignature
      packId: string | null
      /**
       * A pack whose revision is not newer than the current content's: it
       * installs only if the clinician confirms going back (French reason).
       */
      older: string | null
    }

export type ContentChangeResult = { status: 'applied'; info: ContentInfo }

/** The longest lists a diff keeps (the counts are always whole). */
export const DIFF_LISTED = 200
