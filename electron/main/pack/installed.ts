// The installed packs in the user-data folder, on disk:
//   content/packs/<sha256>.mollet   each pack as it was verified (never changed once written)
//   content/state.json              which pack is current, which was before, what the last change changed,
//                                   and the trust file versions accepted (pack/trust.ts), which judge both packs
// A change writes the new pack file (atomically: temporary file, fsync,
// rename), then state.json (the same way): a process killed at any point
// leaves the old state or the new one, each naming a whole pack file. Files
// no state names any more, and the temporary files of killed processes, are
// removed after each change. The packs are verified again when they are used
// (at every start): this folder is trusted for nothing. content/ and
// content/packs/ must be folders of their own, not links: a change refuses to
// write or delete through a symbolic link planted in their place (the files
// themselves are renamed over, which replaces a link rather than follows it).
import { lstat, mkdir, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { TRUST_LIMITS, trustVersionSchema } from '../../../shared/pack/trust'
import { KB_LISTS } from '../../../shared/pack/types'
import type { ContentDiff, ContentVersion } from '../../../shared/pack/types'
import { removeLeftoverTemps, writeFileAtomically } from '../atomic-write'
import { hasHidden } from '../../../shared/text/shown'
import { readPackFile, readRegularFile, type PackFile } from './file'

export const CONTENT_DIR = 'content'
export const STATE_FILE = 'state.json'
const PACKS_DIR = 'packs'
const PACK_FILE = /^([0-9a-f]{64})\.mollet$/u
const TEMP = /\.tmp-(\d+)-[0-9a-f]{12}$/u
/** state.json holds two versions and one diff (at most a few hundred entries' labels): 4 MiB is far above it. */
const STATE_MAX_BYTES = 4 * 1024 * 1024

/**
 * Text state.json keeps and the screen shows (versions, labels of the last
 * change): written by Mollet from verified packs, so one line without hidden
 * characters; a planted state.json with anything else is unreadable, never shown.
 */
const text = z
  .string()
  .max(2000)
  .refine((t) => !hasHidden(t))
const versionSchema = z.strictObject({ title: text, edition: text.nullable(), revision: text })

/** A pack file of content/packs/, and what it said it was when it was installed (shown only; the verified manifest is what counts). */
const packRefSchema = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/u), version: versionSchema })
export type PackRef = z.infer<typeof packRefSchema>

const entrySchema = z.strictObject({ list: z.enum(KB_LISTS), id: text, label: text })
const diffSchema = z.strictObject({
  from: versionSchema,
  to: versionSchema,
  added: z.array(entrySchema),
  removed: z.array(entrySchema),
  changed: z.array(entrySchema.extend({ fields: z.array(text), previousLabel: text.nullable() })),
  counts: z.strictObject({ added: z.number(), removed: z.number(), changed: z.number() }),
  metaFields: z.array(text),
  articleChanged: z.boolean(),
})

/** The format state.json is written in; one of version 1 is read as its version 2. */
export const STATE_VERSION = 2

const stateFields = {
  /** Null: the bundled content. */
  current: packRefSchema.nullable(),
  /** What « Revenir au contenu précédent » goes back to: null, nothing; { pack: null }, the bundled content. */
  previous: z.strictObject({ pack: packRefSchema.nullable() }).nullable(),
  lastChange: diffSchema.nullable(),
  /** When the current content was chosen (ISO); null when it never was (the bundled content from the start). */
  changedAt: z.string().nullable(),
}
const trustChain = z.array(trustVersionSchema).min(1).max(TRUST_LIMITS.versions)

export const stateSchema = z.union([
  z.strictObject({
    ...stateFields,
    version: z.literal(STATE_VERSION),
    /**
     * The trust file versions accepted, one chain per root lineage (Mollet's, an
     * administrator's), each oldest first: the current and the previous packs are
     * judged by them, at start as when installed. Never fewer than before (a pack
     * signed under an older version does not take them back).
     */
    trust: z.array(trustChain).max(TRUST_LIMITS.lineages).default([]),
  }),
  // Version 1 kept a single chain: the lineage of the last pack installed.
  z
    .strictObject({ ...stateFields, version: z.literal(1), trust: z.array(trustVersionSchema).max(TRUST_LIMITS.versions).default([]) })
    .transform(({ trust, ...rest }) => ({ ...rest, version: STATE_VERSION, trust: trust.length > 0 ? [trust] : [] })),
])
export type InstalledState = z.output<typeof stateSchema>

export const INITIAL_STATE: InstalledState = {
  version: STATE_VERSION,
  current: null,
  previous: null,
  lastChange: null,
  changedAt: null,
  trust: [],
}

export type StateRead = { ok: true; state: InstalledState } | { ok: false; notice: string }

export interface InstalledFiles {
  readState(): Promise<StateRead>
  readPack(sha256: string): Promise<PackFile>
  /**
   * Makes `next` the state on disk; `pack` is the file it names that is not
   * there yet. When it resolves both are on disk, whole; when it throws
   * (a folder that cannot be written), the old state is still there.
   */
  commit(next: InstalledState, pack?: { sha256: string; bytes: Uint8Array }): Promise<void>
}

export function createInstalledFiles(userDataDir: string): InstalledFiles {
  const dir = join(userDataDir, CONTENT_DIR)
  const packsDir = join(dir, PACKS_DIR)
  const statePath = join(dir, STATE_FILE)
  const packPath = (sha256: string) => join(packsDir, `${sha256}.mollet`)

  /** Best effort: what no state names, and what killed processes left. */
  async function collect(state: InstalledState): Promise<void> {
    await removeLeftoverTemps(statePath)
    const kept = new Set([state.current?.sha256, state.previous?.pack?.sha256].filter((s): s is string => typeof s === 'string'))
    let names: string[]
    try {
      names = await readdir(packsDir)
    } catch {
      return
    }
    await Promise.all(
      names
        .filter((name) => {
          const temp = TEMP.exec(name)
          if (temp) return temp[1] !== String(process.pid)
          const pack = PACK_FILE.exec(name)
          return pack !== null && !kept.has(pack[1] as string)
        })
        .map((name) => rm(join(packsDir, name), { force: true }).catch(() => undefined)),
    )
  }

  return {
    async readState() {
      const unreadable: StateRead = { ok: false, notice: 'L’état du contenu installé est illisible' }
      // Never blocking on a FIFO planted in its place, never reading more than a state can weigh.
      const read = await readRegularFile(statePath, STATE_MAX_BYTES)
      if (!read.ok) return read.reason === 'missing' ? { ok: true, state: structuredClone(INITIAL_STATE) } : unreadable
      try {
        const parsed = stateSchema.safeParse(JSON.parse(new TextDecoder().decode(read.bytes)))
        if (parsed.success) return { ok: true, state: parsed.data }
      } catch {
        // Said below.
      }
      return unreadable
    },

    readPack: (sha256) => readPackFile(packPath(sha256)),

    async commit(next, pack) {
      const valid = stateSchema.parse(next)
      await mkdir(userDataDir, { recursive: true })
      await ownFolder(dir)
      await ownFolder(packsDir)
      // A pack file already there is named by the state on disk (the same pack installed again).
      const fresh = pack !== undefined && !(await exists(packPath(pack.sha256)))
      if (pack) await writeFileAtomically(packPath(pack.sha256), pack.bytes)
      try {
        await writeFileAtomically(statePath, `${JSON.stringify(valid, null, 2)}\n`)
      } catch (error) {
        // No state names the pack just written: it would stay in user data until the next install.
        if (pack && fresh) await rm(packPath(pack.sha256), { force: true }).catch(() => undefined)
        throw error
      }
      await collect(valid)
    },
  }
}

const exists = (path: string): Promise<boolean> =>
  lstat(path).then(
    () => true,
    () => false,
  )

/** Makes `path` a folder if it is not there; throws when it is anything else, a symbolic link above all. */
async function ownFolder(path: string): Promise<void> {
  try {
    await mkdir(path)
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error
  }
  if (!(await lstat(path)).isDirectory()) throw new Error(`${path} is not a folder of its own`)
}

/** A version as state.json keeps it. */
export function refVersion(version: ContentVersion | null): ContentVersion {
  return version ?? { title: '', edition: null, revision: '' }
}

/** A diff as state.json keeps it (the same shape: checked on the way in as on the way out). */
export function storedDiff(diff: ContentDiff): ContentDiff {
  return diffSchema.parse(diff)
}
