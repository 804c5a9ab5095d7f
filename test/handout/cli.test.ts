// The command line, run as a user would (through tsx, like `npm run handout`).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { pdfInfo, pdfText, searchable } from './pdf-tools'

const repo = resolve(import.meta.dirname, '../..')
const tsx = join(repo, 'node_modules/tsx/dist/cli.mjs')
const script = join(repo, 'scripts/handout.ts')

interface Run {
  code: number
  stdout: string
  stderr: string
}

async function handout(...args: string[]): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, script, ...args], { cwd: dir, encoding: 'utf8' })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mollet-cli-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('npm run handout', () => {
  it('writes the standard handout, and only that file', async () => {
    const run = await handout('--out', 'fiche.pdf')
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('Fiche écrite')
    expect(await readdir(dir)).toEqual(['fiche.pdf'])
    const pdf = new Uint8Array(await readFile(join(dir, 'fiche.pdf')))
    const info = pdfInfo(pdf)
    expect(info.pages).toBeGreaterThanOrEqual(1)
    expect(info.pages).toBeLessThanOrEqual(3)
    expect(pdfText(pdf)).toContain('Causes fréquentes')
  }, 60_000)

  it('takes the sections, the patient, the note, large print and the letterhead', async () => {
    const run = await handout(
      '--out',
      'fiche.pdf',
      '--causes',
      'consommation-alcool, hernie-discale-lombaire',
      '--advice',
      'traitement-causes-neurologiques',
      '--patient',
      'M. Martin',
      '--note',
      'Revenez dans 15 jours:\\nà bientôt',
      '--large-print',
      '--clinic-name',
      'Cabinet du Parc',
      '--clinic-address',
      '12 rue des Lilas\\n75011 Paris',
      '--clinic-phone',
      '01 23 45 67 89',
    )
    expect(run.code, run.stderr).toBe(0)
    const pdf = new Uint8Array(await readFile(join(dir, 'fiche.pdf')))
    const text = pdfText(pdf)
    for (const passage of [
      'Consommation d’alcool.',
      'Hernie discale lombaire.',
      'Pour : M. Martin',
      'Revenez dans 15 jours : à bientôt',
      '75011 Paris',
      'Tél. : 01 23 45 67 89',
    ]) {
      expect(text, passage).toContain(searchable(passage))
    }
    expect(text).not.toContain('Déshydratation')
    expect(pdfInfo(pdf).author).toBe('Cabinet du Parc')
  }, 60_000)

  it('reads the letterhead and defaults from a settings file', async () => {
    const settings = {
      version: 1,
      letterhead: { name: 'Maison de santé des Tilleuls', address: '', phone: '' },
      handoutDefaults: { largePrint: false, causes: ['stress-eleve'], advice: ['reduire-stress'] },
      preferences: { lastView: '' },
    }
    await writeFile(join(dir, 'settings.json'), JSON.stringify(settings))
    const run = await handout('--out', 'fiche.pdf', '--settings', 'settings.json')
    expect(run.code, run.stderr).toBe(0)
    const text = pdfText(new Uint8Array(await readFile(join(dir, 'fiche.pdf'))))
    expect(text).toContain('Maison de santé des Tilleuls')
    expect(text).toContain('Stress important.')
    expect(text).not.toContain('Déshydratation')
  }, 60_000)

  it('--help and --list answer without writing anything', async () => {
    const help = await handout('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('npm run handout -- --out fiche.pdf')
    const list = await handout('--list')
    expect(list.code).toBe(0)
    expect(list.stdout).toContain('deshydratation')
    expect(list.stdout).toContain('reduire-stress')
    expect(await readdir(dir)).toEqual([])
  }, 60_000)

  it.each<[string, string[], RegExp]>([
    ['an unknown option', ['--out', 'fiche.pdf', '--colour', 'rouge'], /^Option inconnue\u00a0: --colour\./u],
    ['a missing --out', ['--patient', 'M. Martin'], /^L’option --out est obligatoire/u],
    ['--out without a value', ['--out'], /^Valeur manquante ou en trop pour l’option --out/u],
    ['a value given to a flag', ['--out', 'fiche.pdf', '--large-print=oui'], /^Valeur manquante ou en trop pour l’option --large-print/u],
    ['a stray argument', ['--out', 'fiche.pdf', 'Martin'], /^Argument inattendu\u00a0: Martin\./u],
    ['an unknown cause', ['--out', 'fiche.pdf', '--causes', 'stress-eleve,grippe'], /^Identifiant inconnu\u00a0: grippe\./u],
    ['an unknown advice', ['--out', 'fiche.pdf', '--advice', 'tisane,repos'], /^Identifiants inconnus\u00a0: tisane, repos\./u],
    [
      'a note too long',
      ['--out', 'fiche.pdf', '--note', 'x'.repeat(3_001)],
      /^La note est trop longue\u00a0: 3\u202f001 caractères pour 3\u202f000 au plus\./u,
    ],
    [
      'a note of too many lines',
      ['--out', 'fiche.pdf', '--note', 'x\\n'.repeat(40)],
      /^La note compte trop de lignes\u00a0: 41 pour 40 au plus\./u,
    ],
    ['a missing settings file', ['--out', 'fiche.pdf', '--settings', 'absent.json'], /^Fichier de réglages introuvable/u],
    [
      'a clinic name past the handout’s bounds',
      ['--out', 'fiche.pdf', '--clinic-name', 'x'.repeat(151)],
      /^Le nom du cabinet est trop long pour la fiche\u00a0: 150 caractères au plus\./u,
    ],
    [
      'characters the font cannot print',
      ['--out', 'fiche.pdf', '--note', 'au plus ≤ 3 g/j'],
      /^La fiche contient des caractères que sa police ne peut pas imprimer\u00a0: ≤\./u,
    ],
  ])(
    '%s: a French message, exit code 2, no file',
    async (_label, args, message) => {
      const run = await handout(...args)
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(message)
      expect(run.stderr).toContain('Aide\u00a0: npm run handout -- --help')
      expect(run.stdout).toBe('')
      expect(await readdir(dir)).toEqual([])
    },
    60_000,
  )

  it('an invalid settings file: exit code 2, no file', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ version: 1, patientName: 'Mme Dupont' }))
    const run = await handout('--out', 'fiche.pdf', '--settings', 'settings.json')
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^Fichier de réglages non conforme/u)
    expect(await readdir(dir)).toEqual(['settings.json'])
  }, 60_000)

  it('an unwritable place: exit code 1, nothing left behind, an existing file untouched', async () => {
    const missing = await handout('--out', join('pas-de-dossier', 'fiche.pdf'))
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^Impossible d’écrire .*fiche\.pdf\u00a0: vérifiez que le dossier existe/u)
    await mkdir(join(dir, 'fiche.pdf'))
    await writeFile(join(dir, 'fiche.pdf', 'garde.txt'), 'garde')
    const overDir = await handout('--out', 'fiche.pdf')
    expect(overDir.code).toBe(1)
    expect(await readdir(dir)).toEqual(['fiche.pdf'])
    expect(await readFile(join(dir, 'fiche.pdf', 'garde.txt'), 'utf8')).toBe('garde')
  }, 60_000)
})
