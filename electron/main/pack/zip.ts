// A pack's zip archive, read by hand with bounds before anything in it is
// trusted, and written in one canonical layout so that no byte of a pack is
// left unchecked: entries back to back from the first byte, the central
// directory right after them, the end record last; every header field fixed
// or equal in the local and central headers. Any byte changed is then either a
// header that is no longer canonical, or data that no longer has its signed
// SHA-256 (manifest.ts lists the hashes of each file as stored and as
// expanded). fflate deflates and inflates; the container is this file's.
//
// Refused with their own French messages: paths that leave the archive (../,
// absolute, drive letters, backslashes), links and other non-regular files,
// duplicate names, encryption, ZIP64, sizes over the caps — declared, and
// again while inflating (a file is inflated in small pieces and stopped as
// soon as it passes its declared size: a zip bomb never expands in memory).
import { crc32 } from 'node:zlib'
import { Inflate, deflateSync } from 'fflate'
import type { KbProblem } from '../../../shared/kb/types'
import { PACK_LIMITS, mebibytes } from './limits'

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  crc: number
  compressedSize: number
  /** Declared expanded size. */
  size: number
  /** Where the compressed data starts in the archive. */
  dataStart: number
}

export type ZipListing = { ok: true; entries: ZipEntry[] } | { ok: false; problems: KbProblem[] }

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const EOCD_SIZE = 22
const CENTRAL_SIZE = 46
const LOCAL_SIZE = 30
/** « Version needed » and « made by » (2.0, MS-DOS): what this writer puts, and all the reader takes. */
const ZIP_VERSION = 20
/** Every entry is dated 1980-01-01 00:00 (DOS time 0, date 0x21): a build is reproducible. */
const DOS_TIME = 0
const DOS_DATE = 0x21

/** A path inside a pack: plain names of letters, digits, « . », « _ » and « - », none starting with a dot. */
const SAFE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/u

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Why a name cannot be a path in a pack; null when it can. */
export function pathProblem(name: string): string | null {
  if (name.includes('\\')) return 'Barre oblique inverse (\\) dans un chemin\u00a0: refusée, un paquet n’utilise que «\u00a0/\u00a0».'
  if (/^[A-Za-z]:/u.test(name)) return 'Chemin avec une lettre de lecteur (C:…)\u00a0: il sort du paquet, refusé.'
  if (name.startsWith('/')) return 'Chemin absolu\u00a0: il sort du paquet, refusé.'
  if (name.split('/').includes('..')) return 'Chemin qui remonte d’un dossier (../)\u00a0: il sort du paquet, refusé.'
  if (name.endsWith('/')) return 'Entrée de dossier\u00a0: un paquet ne contient que des fichiers.'
  if (!SAFE_PATH.test(name)) {
    return 'Nom de fichier non admis (lettres sans accents, chiffres, «\u00a0.\u00a0», «\u00a0_\u00a0» et «\u00a0-\u00a0» seulement).'
  }
  return null
}

function problem(file: string, message: string): KbProblem {
  return { file, entry: null, field: null, message }
}

const NOT_A_ZIP = 'Ce fichier n’est pas un paquet Mollet (archive zip illisible).'
const NOT_CANONICAL =
  'Archive modifiée ou faite autrement que par «\u00a0npm run pack -- build\u00a0» (en-têtes non conformes)\u00a0: paquet refusé.'

/**
 * The archive's entries, checked but not inflated. `archive` names the pack
 * in the problems about the archive as a whole.
 */
export function listZip(bytes: Uint8Array, archive: string): ZipListing {
  const fail = (message: string): ZipListing => ({ ok: false, problems: [problem(archive, message)] })
  if (bytes.length > PACK_LIMITS.archiveBytes) {
    return fail(`Le paquet dépasse la taille admise (${mebibytes(PACK_LIMITS.archiveBytes)})\u00a0: il est refusé.`)
  }
  if (bytes.length < EOCD_SIZE) return fail(NOT_A_ZIP)
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u16 = (at: number) => view.getUint16(at, true)
  const u32 = (at: number) => view.getUint32(at, true)

  // The end record: the last 22 bytes, with no comment.
  const eocd = bytes.length - EOCD_SIZE
  if (u32(eocd) !== EOCD) return fail(NOT_A_ZIP)
  const count = u16(eocd + 10)
  const cdSize = u32(eocd + 12)
  const cdOffset = u32(eocd + 16)
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return fail('Archive ZIP64\u00a0: non admise dans un paquet.')
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== count) return fail('Archive en plusieurs volumes\u00a0: non admise.')
  if (count > PACK_LIMITS.entries) return fail(`Le paquet contient trop de fichiers (${count}\u00a0; ${PACK_LIMITS.entries} au plus).`)
  if (u16(eocd + 20) !== 0 || cdOffset + cdSize !== eocd) return fail(NOT_CANONICAL)

  const problems: KbProblem[] = []
  const entries: ZipEntry[] = []
  const seen = new Set<string>()
  let declaredTotal = 0
  let canonical = true
  /** Where the next local header must start: entries are back to back from byte 0. */
  let expectedLocal = 0
  let at = cdOffset
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > eocd || u32(at) !== CENTRAL) return fail(NOT_A_ZIP)
    const madeBy = u16(at + 4)
    const flags = u16(at + 8)
    const method = u16(at + 10)
    const crc = u32(at + 16)
    const compressedSize = u32(at + 20)
    const size = u32(at + 24)
    const nameLength = u16(at + 28)
    const extraLength = u16(at + 30)
    const commentLength = u16(at + 32)
    const external = u32(at + 38)
    const localOffset = u32(at + 42)
    const header = at
    const next = at + CENTRAL_SIZE + nameLength + extraLength + commentLength
    if (next > eocd) return fail(NOT_A_ZIP)
    const rawName = bytes.subarray(at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength)
    at = next

    let name: string
    try {
      name = utf8.decode(rawName)
    } catch {
      problems.push(problem(`entrée n°\u00a0${i + 1}`, 'Nom de fichier illisible (pas de l’UTF-8)\u00a0: refusé.'))
      continue
    }
    const label = name.length > 0 ? name : `entrée n°\u00a0${i + 1}`
    const say = (message: string) => problems.push(problem(label, message))
    if (nameLength > PACK_LIMITS.nameBytes) {
      say(`Nom de fichier trop long (${PACK_LIMITS.nameBytes} octets au plus).`)
      continue
    }
    const bad = pathProblem(name)
    if (bad) {
      say(bad)
      continue
    }
    if (seen.has(name)) {
      say('Nom en double dans l’archive\u00a0: refusé (lequel serait le bon\u202f?).')
      continue
    }
    seen.add(name)
    // The Unix file type, in the high half of the external attributes.
    const type = (external >>> 16) & 0o170000
    if (type === 0o120000) {
      say('Lien symbolique\u00a0: refusé, un paquet ne contient que des fichiers.')
      continue
    }
    if (type === 0o040000 || (external & 0x10) !== 0) {
      say('Entrée de dossier\u00a0: un paquet ne contient que des fichiers.')
      continue
    }
    if (type !== 0 && type !== 0o100000) {
      say('Fichier spécial (ni fichier ordinaire ni dossier)\u00a0: refusé.')
      continue
    }
    if ((flags & 0x41) !== 0) {
      say('Fichier chiffré\u00a0: non admis dans un paquet.')
      continue
    }
    if (method !== 0 && method !== 8) {
      say('Méthode de compression non admise (seules «\u00a0stockée\u00a0» et «\u00a0deflate\u00a0» le sont).')
      continue
    }
    if (size > PACK_LIMITS.entryBytes) {
      say(`Fichier trop grand une fois décompressé (${mebibytes(PACK_LIMITS.entryBytes)} au plus)\u00a0: refusé.`)
      continue
    }
    declaredTotal += size

    // The local header: where the central directory says, right after the previous entry, saying the same.
    const local = localOffset
    const localNameLength = local + LOCAL_SIZE <= cdOffset ? u16(local + 26) : 0
    const dataStart = local + LOCAL_SIZE + localNameLength
    const same =
      local === expectedLocal &&
      local + LOCAL_SIZE <= cdOffset &&
      u32(local) === LOCAL &&
      sameBytes(bytes.subarray(local + 4, local + 26), bytes.subarray(header + 6, header + 28)) &&
      localNameLength === nameLength &&
      u16(local + 28) === 0 &&
      dataStart + compressedSize <= cdOffset &&
      sameBytes(bytes.subarray(local + LOCAL_SIZE, dataStart), rawName)
    if (!same) {
      canonical = false
      continue
    }
    const fixed =
      madeBy === ZIP_VERSION &&
      u16(header + 6) === ZIP_VERSION &&
      flags === 0 &&
      u16(header + 12) === DOS_TIME &&
      u16(header + 14) === DOS_DATE &&
      extraLength === 0 &&
      commentLength === 0 &&
      u16(header + 34) === 0 &&
      u16(header + 36) === 0 &&
      external === 0 &&
      (method !== 0 || compressedSize === size)
    if (!fixed) canonical = false
    expectedLocal = dataStart + compressedSize
    entries.push({ name, method, crc, compressedSize, size, dataStart })
  }
  if (problems.length === 0 && (!canonical || at !== eocd || expectedLocal !== cdOffset)) problems.push(problem(archive, NOT_CANONICAL))
  if (declaredTotal > PACK_LIMITS.totalBytes) {
    problems.push(
      problem(
        archive,
        `Le paquet dépasse ${mebibytes(PACK_LIMITS.totalBytes)} une fois décompressé\u00a0: il est refusé (archive piégée\u202f?).`,
      ),
    )
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, entries }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** An entry's bytes as the archive holds them (compressed or not). */
export function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  return bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize)
}

/** Compressed input is fed in pieces this size: one piece expands to about 1,000 times more at most. */
const INFLATE_PIECE = 4096

class TooLarge extends Error {}

/**
 * One entry's bytes, inflated at most to its declared size: a stream that
 * goes past it is stopped there (its data is never all in memory). The CRC
 * must match. The caller checks the SHA-256 against the signed manifest.
 */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry): { ok: true; data: Uint8Array } | { ok: false; problem: KbProblem } {
  const fail = (message: string) => ({ ok: false as const, problem: problem(entry.name, message) })
  const compressed = storedBytes(bytes, entry)
  let data: Uint8Array
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) return fail('Tailles incohérentes pour un fichier stocké sans compression.')
    data = compressed.slice()
  } else {
    const out = new Uint8Array(entry.size)
    let length = 0
    let ended = false
    const inflate = new Inflate((chunk, final) => {
      if (length + chunk.length > entry.size) throw new TooLarge()
      out.set(chunk, length)
      length += chunk.length
      if (final) ended = true
    })
    try {
      if (compressed.length === 0) inflate.push(new Uint8Array(0), true)
      for (let at = 0; at < compressed.length; at += INFLATE_PIECE) {
        const end = Math.min(at + INFLATE_PIECE, compressed.length)
        inflate.push(compressed.subarray(at, end), end === compressed.length)
      }
    } catch (error) {
      if (error instanceof TooLarge) return fail('Le fichier décompressé dépasse la taille annoncée\u00a0: archive piégée, refusée.')
      return fail('Données compressées illisibles\u00a0: fichier abîmé.')
    }
    if (!ended || length !== entry.size) return fail('Le fichier décompressé n’a pas la taille annoncée\u00a0: fichier abîmé.')
    data = out
  }
  if (crc32(data) >>> 0 !== entry.crc >>> 0) return fail('Somme de contrôle (CRC) incorrecte\u00a0: fichier abîmé.')
  return { ok: true, data }
}

/** A file ready for the archive: its bytes as stored, and what they expand to. */
export interface PackedFile {
  name: string
  method: 0 | 8
  stored: Uint8Array
  size: number
  crc: number
}

/** Deflates `data` (level 9); small files the deflate would grow are stored as they are. */
export function packFile(name: string, data: Uint8Array, method: 0 | 8 = 8): PackedFile {
  const crc = crc32(data) >>> 0
  return method === 0
    ? { name, method, stored: data, size: data.length, crc }
    : { name, method, stored: deflateSync(data, { level: 9 }), size: data.length, crc }
}

/** The canonical archive of `files`, in this order (see the top of this file). */
export function writeZip(files: readonly PackedFile[]): Uint8Array {
  const encoder = new TextEncoder()
  const names = files.map((f) => encoder.encode(f.name))
  const localSize = files.reduce((n, f, i) => n + LOCAL_SIZE + (names[i] as Uint8Array).length + f.stored.length, 0)
  const centralSize = files.reduce((n, _f, i) => n + CENTRAL_SIZE + (names[i] as Uint8Array).length, 0)
  const out = new Uint8Array(localSize + centralSize + EOCD_SIZE)
  const view = new DataView(out.buffer)
  const offsets: number[] = []
  let at = 0
  const common = (where: number, f: PackedFile, name: Uint8Array) => {
    view.setUint16(where, ZIP_VERSION, true)
    view.setUint16(where + 2, 0, true)
    view.setUint16(where + 4, f.method, true)
    view.setUint16(where + 6, DOS_TIME, true)
    view.setUint16(where + 8, DOS_DATE, true)
    view.setUint32(where + 10, f.crc, true)
    view.setUint32(where + 14, f.stored.length, true)
    view.setUint32(where + 18, f.size, true)
    view.setUint16(where + 22, name.length, true)
    view.setUint16(where + 24, 0, true)
  }
  files.forEach((f, i) => {
    const name = names[i] as Uint8Array
    offsets.push(at)
    view.setUint32(at, LOCAL, true)
    common(at + 4, f, name)
    out.set(name, at + LOCAL_SIZE)
    out.set(f.stored, at + LOCAL_SIZE + name.length)
    at += LOCAL_SIZE + name.length + f.stored.length
  })
  const cdOffset = at
  files.forEach((f, i) => {
    const name = names[i] as Uint8Array
    view.setUint32(at, CENTRAL, true)
    view.setUint16(at + 4, ZIP_VERSION, true)
    common(at + 6, f, name)
    // Comment length, disk, internal and external attributes: all 0.
    view.setUint32(at + 42, offsets[i] as number, true)
    out.set(name, at + CENTRAL_SIZE)
    at += CENTRAL_SIZE + name.length
  })
  view.setUint32(at, EOCD, true)
  view.setUint16(at + 8, files.length, true)
  view.setUint16(at + 10, files.length, true)
  view.setUint32(at + 12, at - cdOffset, true)
  view.setUint32(at + 16, cdOffset, true)
  return out
}
