// The bounds of a knowledge pack. The bundled content is 84 KB (about 25 KB
// zipped) and a 10,000-entry knowledge base 12 MB: these caps leave room for
// a much larger content while bounding the work and memory of a verification
// (a zip bomb is refused on its declared sizes, and again while it inflates).

const MiB = 1024 * 1024

export const PACK_LIMITS = {
  /** The .mollet file itself. */
  archiveBytes: 8 * MiB,
  /** Files in the archive (the knowledge base is 8 files, the article 1, the manifest and its signature 2). */
  entries: 32,
  /** One file, expanded. */
  entryBytes: 16 * MiB,
  /** Every file, expanded. */
  totalBytes: 32 * MiB,
  /** manifest.json. */
  manifestBytes: 256 * 1024,
  /** A path inside the archive, in bytes. */
  nameBytes: 200,
  /** A trusted key file (NAME.pub); how many keys a folder may give, out of how many NAME.pub files read. */
  keyFileBytes: 4096,
  keysPerFolder: 64,
  keyFilesPerFolder: 1024,
} as const

/** « 8 Mo »: a size for a French message. */
export function mebibytes(bytes: number): string {
  return `${Math.round(bytes / MiB)}\u00a0Mo`
}
