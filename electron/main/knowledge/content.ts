// The content Mollet serves: the bundled knowledge base, or an installed
// knowledge pack. It is the KnowledgeStore every reader shares —
// the tables' IPC call, the handout service — so a change of content reaches
// them all at once, without a restart, and there is still one snapshot.
//
// - At start, the current pack (content/state.json) is read and verified
//   again, by the same checks as before its install and against the trust
//   file versions stored with it (pack/trust.ts): a key revoked since is
//   refused. If it no longer verifies, Mollet runs on the bundled content and
//   `info().notice` says why.
//   If the app was updated with a bundled content newer than the installed
//   pack, the bundled content wins: the switch is recorded in state.json
//   (the pack becomes the previous content) and said once, at that start.
// - A change is first a preview (what it would change, main-side), then an
//   apply of that very preview: a pack (verified, newer unless the clinician
//   confirms going back), the previous content or the original one. A pack
//   whose trust file takes a key away from the editors resets the revision it
//   must exceed to the bundled content's (a far-future revision signed with a
//   leaked key holds nothing back). Applying writes the pack and the state,
//   with the newest trust versions accepted, atomically (pack/installed.ts), then
//   switches the snapshot; the one before is kept for « Revenir au contenu précédent ».
// - Changes run one at a time; a preview older than the current content is refused.
import { randomUUID } from 'node:crypto'
import { isoDay } from '../../../shared/kb/dates'
import type { TrustVersion } from '../../../shared/pack/trust'
import type { KbProblem, KnowledgeBaseSnapshot } from '../../../shared/kb/types'
import { revisionDate } from '../../../shared/pack/describe'
import { versionOf } from '../../../shared/pack/diff'
import type {
  ContentChangePreview,
  ContentDiff,
  ContentInfo,
  ContentSignature,
  ContentTarget,
  ContentVersion,
} from '../../../shared/pack/types'
import {
  INITIAL_STATE,
  STATE_VERSION,
  createInstalledFiles,
  refVersion,
  storedDiff,
  type InstalledState,
  type PackRef,
} from '../pack/installed'
import type { TrustedKey } from '../pack/keys'
import type { Manifest } from '../pack/manifest'
import type { PackTrust } from '../pack/verify'
import type { PackThread } from '../pack/verify-thread'
import type { KnowledgeStore } from './store'

export interface ContentStoreDeps {
  /** The content that ships inside the app. */
  bundled: KnowledgeStore
  /** Where content/ is kept (Electron's userData folder). */
  userDataDir: string
  /** The root keys trust files must start from, read again at each verification. */
  rootKeys: () => Promise<TrustedKey[]>
  /** The trust file versions shipped with the app (pack/trust-file.ts): the least a pack is judged by. */
  shippedTrust: () => Promise<TrustVersion[]>
  /** Verifies packs and diffs contents: the worker thread in the app (pack/verify-thread.ts). */
  thread: PackThread
  now?: () => Date
}

/** A change that cannot be made; `message` is French and can be shown as is. */
export class ContentChangeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ContentChangeError'
  }
}

export interface ContentStore extends KnowledgeStore {
  info(): Promise<ContentInfo>
  /** What installing this pack would change, or why it is refused. `archive` is its file name. */
  previewPack(bytes: Uint8Array, archive: string): Promise<ContentChangePreview>
  /** What going back to the previous or the original content would change. */
  previewRevert(target: ContentTarget): Promise<ContentChangePreview>
  /** Applies the preview `token` names; `confirmed`: the clinician confirmed going back to an older revision. */
  apply(token: string, confirmed: boolean): Promise<ContentInfo>
}

interface InstalledPack {
  manifest: Manifest
  signer: { name: string; fingerprint: string }
  sha256: string
}

interface Active {
  snapshot: KnowledgeBaseSnapshot
  /** Null: the bundled content. */
  pack: InstalledPack | null
  /** Counts the changes: a preview is of one generation. */
  generation: number
}

interface Pending {
  token: string
  kind: 'pack' | ContentTarget
  generation: number
  snapshot: KnowledgeBaseSnapshot
  pack: InstalledPack | null
  /** The pack's bytes, when it is not on disk yet. */
  bytes: Uint8Array | null
  diff: ContentDiff
  older: string | null
  /** The trust versions to store with the change, one chain per root lineage. */
  trust: TrustVersion[][]
}

const REFUSED = 'Ce paquet est refusé\u00a0: le contenu actuel est conservé.'

export function createContentStore(deps: ContentStoreDeps): ContentStore {
  const files = createInstalledFiles(deps.userDataDir)
  const now = deps.now ?? (() => new Date())
  let started: Promise<Active> | null = null
  let state: InstalledState = structuredClone(INITIAL_STATE)
  let notice: string | null = null
  let pending: Pending | null = null
  let queue: Promise<unknown> = Promise.resolve()

  /** One change at a time. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }

  async function trustFor(purpose: PackTrust['purpose']): Promise<PackTrust> {
    return { roots: await deps.rootKeys(), shipped: await deps.shippedTrust(), stored: state.trust, today: isoDay(now()), purpose }
  }

  /** An installed pack, verified again against the stored trust: one accepted once is not refused for a key that merely expired since. */
  async function verifyInstalled(
    ref: PackRef,
  ): Promise<{ ok: true; snapshot: KnowledgeBaseSnapshot; pack: InstalledPack } | { ok: false; problems: KbProblem[] }> {
    const file = await files.readPack(ref.sha256)
    if (!file.ok) return { ok: false, problems: [{ ...file.problem, message: 'Le paquet installé est introuvable ou illisible.' }] }
    const { verdict } = await deps.thread.verify(file.bytes, await trustFor('start'), 'paquet installé')
    if (!verdict.ok) return verdict
    if (verdict.pack.sha256 !== ref.sha256) {
      return {
        ok: false,
        problems: [{ file: 'paquet installé', entry: null, field: null, message: 'Le fichier du paquet installé a changé.' }],
      }
    }
    const { manifest, signer, sha256, snapshot } = verdict.pack
    return { ok: true, snapshot, pack: { manifest, signer, sha256 } }
  }

  async function start(): Promise<Active> {
    const bundled = await deps.bundled.current()
    const read = await files.readState()
    if (!read.ok) {
      notice = `${read.notice}\u00a0: Mollet utilise le contenu d’origine. Vous pouvez installer de nouveau un paquet de contenu.`
      state = structuredClone(INITIAL_STATE)
      return { snapshot: bundled, pack: null, generation: 0 }
    }
    state = read.state
    if (!state.current) return { snapshot: bundled, pack: null, generation: 0 }
    const installed = await verifyInstalled(state.current)
    if (installed.ok) {
      const bundledRevision = bundled.kb.meta?.revision ?? ''
      if (bundledRevision > installed.pack.manifest.revision) return bundledWins(bundled, installed)
      return { snapshot: installed.snapshot, pack: installed.pack, generation: 0 }
    }
    const which = versionText(state.current.version)
    const why = installed.problems[0]?.message ?? ''
    notice = `Le contenu mis à jour (${which}) ne se vérifie plus\u00a0: ${lowerFirst(why)} Mollet utilise le contenu d’origine.`
    return { snapshot: bundled, pack: null, generation: 0 }
  }

  /** An app update brought a content newer than the installed pack: it is used, recorded as a change, and said (once). */
  async function bundledWins(
    bundled: KnowledgeBaseSnapshot,
    installed: { snapshot: KnowledgeBaseSnapshot; pack: InstalledPack },
  ): Promise<Active> {
    // Said and recorded from the verified pack, not from what state.json claims of it.
    const { title, edition, revision } = installed.pack.manifest
    const ref: PackRef = { sha256: installed.pack.sha256, version: { title, edition, revision } }
    let lastChange: ContentDiff | null = null
    try {
      lastChange = storedDiff(await deps.thread.diff(installed.snapshot.kb, bundled.kb))
    } catch {
      // The change is still recorded, without its details.
    }
    const next: InstalledState = {
      version: STATE_VERSION,
      current: null,
      previous: { pack: ref },
      lastChange,
      changedAt: now().toISOString(),
      trust: state.trust,
    }
    try {
      await files.commit(next)
      state = next
    } catch {
      // A folder that cannot be written: the same choice, and the same notice, at the next start.
    }
    const bundledVersion = versionOf(bundled.kb.meta)
    notice = `Cette version de Mollet apporte un contenu plus récent (${versionText(refVersion(bundledVersion))}) que le paquet installé (${versionText(ref.version)})\u00a0: Mollet utilise désormais le contenu fourni avec l’application. Le paquet reste le contenu précédent.`
    return { snapshot: bundled, pack: null, generation: 0 }
  }

  function active(): Promise<Active> {
    if (started === null) {
      const starting = start()
      started = starting
      starting.catch(() => {
        if (started === starting) started = null
      })
    }
    return started
  }

  function signatureOf(pack: InstalledPack | null): ContentSignature {
    return pack ? { kind: 'signed', keyName: pack.signer.name, fingerprint: pack.signer.fingerprint } : { kind: 'bundled' }
  }

  function refOf(a: { snapshot: KnowledgeBaseSnapshot; pack: InstalledPack | null }): PackRef | null {
    return a.pack ? { sha256: a.pack.sha256, version: refVersion(versionOf(a.snapshot.kb.meta)) } : null
  }

  function ready(p: Pending): ContentChangePreview {
    return {
      status: 'ready',
      token: p.token,
      kind: p.kind,
      diff: p.diff,
      signature: signatureOf(p.pack),
      packId: p.pack?.manifest.id ?? null,
      older: p.older,
    }
  }

  function propose(
    current: Active,
    kind: Pending['kind'],
    target: { snapshot: KnowledgeBaseSnapshot; pack: InstalledPack | null },
    diff: ContentDiff,
    bytes: Uint8Array | null,
    older: string | null,
    trust: TrustVersion[][] = state.trust,
  ): ContentChangePreview {
    pending = {
      token: randomUUID(),
      kind,
      generation: current.generation,
      snapshot: target.snapshot,
      pack: target.pack,
      bytes,
      diff,
      older,
      trust,
    }
    return ready(pending)
  }

  /** What going from the current content to `target` changes, worked out off the main thread. */
  async function revertTo(current: Active, kind: ContentTarget, target: { snapshot: KnowledgeBaseSnapshot; pack: InstalledPack | null }) {
    let diff: ContentDiff
    try {
      diff = await deps.thread.diff(current.snapshot.kb, target.snapshot.kb)
    } catch {
      return refuse('Les changements n’ont pas pu être calculés\u00a0: le contenu actuel est conservé. Réessayez.', [])
    }
    return propose(current, kind, target, diff, null, null)
  }

  const refuse = (title: string, problems: KbProblem[]): ContentChangePreview => ({ status: 'refused', title, problems })

  const store: ContentStore = {
    async current() {
      return (await active()).snapshot
    },

    async info() {
      const a = await active()
      const meta = a.snapshot.kb.meta
      const previous = state.previous
      return {
        origin: a.pack ? 'pack' : 'bundled',
        version: versionOf(meta),
        editor: meta?.editor ?? null,
        source: meta ? { title: meta.source.title, file: meta.source.file } : null,
        packId: a.pack?.manifest.id ?? null,
        signature: signatureOf(a.pack),
        installedAt: state.changedAt,
        lastChange: state.lastChange,
        previous: previous
          ? {
              origin: previous.pack ? 'pack' : 'bundled',
              version: previous.pack ? previous.pack.version : versionOf((await deps.bundled.current()).kb.meta),
            }
          : null,
        notice,
        currentUntil: a.pack?.manifest.currentUntil ?? null,
        // Offline, an expired pack is a warning, never a refusal: the clinic keeps its content.
        outdated: a.pack !== null && isoDay(now()) > a.pack.manifest.currentUntil,
      }
    },

    async previewPack(bytes, archive) {
      const current = await active()
      const { verdict, diff } = await deps.thread.verify(bytes, await trustFor('install'), archive, current.snapshot.kb)
      if (!verdict.ok) return refuse(REFUSED, verdict.problems)
      if (!diff || !verdict.pack.trust) return refuse(REFUSED, [])
      const { manifest, signer, sha256, snapshot, trust } = verdict.pack
      if (current.pack?.sha256 === sha256) {
        return refuse('Ce paquet est déjà installé.', [
          { file: archive, entry: null, field: null, message: 'C’est le contenu que Mollet utilise déjà.' },
        ])
      }
      // A trust file that took an editor key away starts the revisions again from the bundled content's.
      const baseline = trust.keysChanged ? await deps.bundled.current() : current.snapshot
      const now = baseline.kb.meta?.revision ?? ''
      const older =
        manifest.revision <= now
          ? `Ce paquet n’est pas plus récent que le contenu actuel (révisé le ${revisionDate(manifest.revision)}, contre le ${revisionDate(now)})\u00a0: il ne s’installe que si vous confirmez revenir en arrière.`
          : null
      return propose(current, 'pack', { snapshot, pack: { manifest, signer, sha256 } }, diff, bytes, older, trust.lineages)
    },

    async previewRevert(target) {
      await active()
      return serial(async () => {
        const current = await active()
        if (target === 'original') {
          // A pack that no longer verified at start is still named in state.json: going back to the original forgets it.
          if (!current.pack && !state.current) return refuse('Mollet utilise déjà le contenu d’origine.', [])
          return revertTo(current, 'original', { snapshot: await deps.bundled.current(), pack: null })
        }
        const previous = state.previous
        if (!previous) return refuse('Il n’y a pas de contenu précédent auquel revenir.', [])
        if (!previous.pack) {
          if (!current.pack) return refuse('Mollet utilise déjà le contenu d’origine.', [])
          return revertTo(current, 'previous', { snapshot: await deps.bundled.current(), pack: null })
        }
        if (previous.pack.sha256 === current.pack?.sha256) return refuse('Le contenu précédent est celui que Mollet utilise.', [])
        const installed = await verifyInstalled(previous.pack)
        if (!installed.ok)
          return refuse('Le contenu précédent ne se vérifie plus\u00a0: le contenu actuel est conservé.', installed.problems)
        return revertTo(current, 'previous', installed)
      })
    },

    async apply(token, confirmed) {
      // Started before the queue: start() is not queued behind this change.
      await active()
      return serial(async () => {
        const current = await active()
        const change = pending
        if (!change || change.token !== token)
          throw new ContentChangeError('Ce changement de contenu n’est plus proposé\u00a0: recommencez.')
        if (change.generation !== current.generation) {
          pending = null
          throw new ContentChangeError('Le contenu a changé depuis cet aperçu\u00a0: recommencez.')
        }
        if (change.older && !confirmed) throw new ContentChangeError(change.older)
        const next: InstalledState = {
          version: STATE_VERSION,
          current: refOf(change),
          previous: { pack: refOf(current) },
          lastChange: storedDiff(change.diff),
          changedAt: now().toISOString(),
          trust: change.trust,
        }
        try {
          await files.commit(next, change.pack && change.bytes ? { sha256: change.pack.sha256, bytes: change.bytes } : undefined)
        } catch {
          throw new ContentChangeError(
            'Le contenu n’a pas pu être enregistré\u00a0: le dossier de Mollet n’est pas accessible en écriture. Le contenu actuel est conservé.',
          )
        }
        state = next
        notice = null
        pending = null
        started = Promise.resolve({ snapshot: change.snapshot, pack: change.pack, generation: current.generation + 1 })
        return store.info()
      })
    },
  }
  return store
}

function versionText(version: ContentVersion): string {
  const revised = version.revision ? `révisé le ${revisionDate(version.revision)}` : ''
  return [version.edition ? `édition ${version.edition}` : '', revised].filter(Boolean).join(', ') || 'paquet installé'
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
