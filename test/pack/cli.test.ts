// `npm run pack -- …`: the editors' command line, called through its run()
// function (and once as a real process). Any problem: exit code 2 and a
// French message; the keys are made in a temporary folder.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { execFile, execFileSync } from 'node:child_process'
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { run } from '../../scripts/pack'
import { RESOURCES } from './helpers'

const repo = join(import.meta.dirname, '../..')
let work: string

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'mollet-pack-cli-'))
})
afterAll(async () => {
  await rm(work, { recursive: true, force: true })
})

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await run(argv, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err }
}

/** A copy of resources/ with meta.json edited (the README's « build from resources/ with a changed revision »). */
async function contentFolder(name: string, revision: string, edition: string): Promise<string> {
  const dir = join(work, name)
  await cp(join(RESOURCES, 'knowledge'), join(dir, 'knowledge'), { recursive: true })
  await cp(join(RESOURCES, 'source'), join(dir, 'source'), { recursive: true })
  const metaPath = join(dir, 'knowledge/meta.json')
  const meta = JSON.parse(await readFile(metaPath, 'utf8')) as Record<string, unknown>
  await writeFile(metaPath, JSON.stringify({ ...meta, revision, edition }, null, 2))
  return dir
}

describe('npm run pack', () => {
  it('--help is French; no command at all is a mistake', async () => {
    const help = await cli('--help')
    expect(help.code).toBe(0)
    expect(help.out).toContain('Utilisation\u00a0:')
    expect(help.out).toContain('npm run pack -- build DOSSIER --key NOM.key --trust CONFIANCE.json --out FICHIER.mollet')
    expect(help.out).toContain('npm run pack -- trust-revoke CONFIANCE.json --root RACINE.key --revoke NOM')
    expect((await cli()).code).toBe(2)
  })

  it('keygen writes NAME.key for its owner alone and NAME.pub, and never overwrites them', async () => {
    const keys = join(work, 'cles')
    const made = await cli('keygen', '--out', keys, '--name', 'cabinet')
    expect(made.code).toBe(0)
    expect(made.out).toMatch(/Empreinte\u00a0: [0-9a-f]{64}/u)
    expect((await readdir(keys)).sort()).toEqual(['cabinet.key', 'cabinet.pub'])
    expect((await stat(join(keys, 'cabinet.key'))).mode & 0o777).toBe(0o600)
    expect(await readFile(join(keys, 'cabinet.pub'), 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/u)
    const again = await cli('keygen', '--out', keys, '--name', 'cabinet')
    expect(again.code).toBe(2)
    expect(again.err).toContain('existe déjà\u00a0: Mollet n’écrase pas une clé.')
  })

  it('check: the bundled resources are valid; a broken folder lists every problem', async () => {
    const good = await cli('check', RESOURCES)
    expect(good).toMatchObject({ code: 0, err: '' })
    expect(good.out).toContain('Contenu valide\u00a0: édition 1, révisée le 25\u00a0novembre 2026')

    const dir = await contentFolder('casse', '2026-12-01', '2')
    const causesPath = join(dir, 'knowledge/causes.json')
    const causes = JSON.parse(await readFile(causesPath, 'utf8')) as Record<string, unknown>[]
    causes[0]!.seriousness = 'terrible'
    ;(causes[1]!.provenance as { quote: string }[])[0]!.quote = 'Jamais écrit dans l’article'
    await writeFile(causesPath, JSON.stringify(causes))
    const bad = await cli('check', dir)
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('Contenu non valide (')
    expect(bad.err).toContain(`knowledge/causes.json › ${causes[0]!.id} › seriousness\u00a0:`)
    expect(bad.err).toContain(`knowledge/causes.json › ${causes[1]!.id} › provenance.0.quote\u00a0: Citation introuvable`)
  })

  it('build from resources with a newer revision, verify with its key, diff; one byte changed: exit 2 (a real process)', async () => {
    const keys = join(work, 'editeur')
    const roots = join(work, 'racine')
    expect((await cli('keygen', '--out', keys)).code).toBe(0)
    expect((await cli('keygen', '--out', roots, '--name', 'racine')).code).toBe(0)
    const trust = join(work, 'confiance.json')
    expect((await cli('trust-init', '--root', join(roots, 'racine.key'), '--add', join(keys, 'editeur.pub'), '--out', trust)).code).toBe(0)
    // A revision already past: a pack is never revised after the day it is signed.
    const dir = await contentFolder('contenu-2', '2026-12-02', '2')
    const out = join(work, 'contenu-2.mollet')
    const built = await cli('build', dir, '--key', join(keys, 'editeur.key'), '--trust', trust, '--out', out)
    expect(built.err).toBe('')
    expect(built.code).toBe(0)
    expect(built.out).toContain('édition 2, révisée le 2\u00a0décembre 2026, par Équipe Mollet')

    const verified = await cli('verify', out, '--keys', roots)
    expect(verified.code).toBe(0)
    expect(verified.out).toContain('Paquet valide\u00a0: contenu-2.mollet')
    expect(verified.out).toContain('signé par la clé editeur')

    // The bundled and system keys do not include this root.
    const unknown = await cli('verify', out)
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/ne part d’aucune clé racine|Aucune clé racine/u)

    const diff = await cli('diff', RESOURCES, out, '--keys', roots)
    expect(diff.code).toBe(0)
    expect(diff.out).toContain('Révision\u00a0: 25\u00a0novembre 2026 → 2\u00a0décembre 2026')
    expect(diff.out).toContain('Édition\u00a0: 1 → 2')

    const bytes = new Uint8Array(await readFile(out))
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] as number) ^ 0x01
    const tampered = join(work, 'modifie.mollet')
    await writeFile(tampered, bytes)
    const exec = promisify(execFile)
    const failed = await exec(
      process.execPath,
      [join(repo, 'node_modules/tsx/dist/cli.mjs'), join(repo, 'scripts/pack.ts'), 'verify', tampered, '--keys', roots],
      {
        cwd: repo,
      },
    ).then(
      () => null,
      (error: { code: number; stdout: string; stderr: string }) => error,
    )
    expect(failed?.code).toBe(2)
    expect(failed?.stdout).toBe('')
    expect(failed?.stderr).toMatch(
      /^Paquet refusé \(1 problème\)\u00a0: Mollet ne l’installerait pas\.\n {2}.+\u00a0: .+\nAide\u00a0: npm run pack -- --help\n$/u,
    )
  }, 30_000)

  it('build refuses an unreadable key and a wrong file name, writing nothing', async () => {
    const badKey = join(work, 'pas-une-cle.key')
    await writeFile(badKey, 'bonjour')
    const trust = ['--trust', join(work, 'confiance.json')]
    const r = await cli('build', RESOURCES, '--key', badKey, ...trust, '--out', join(work, 'x.mollet'))
    expect(r.code).toBe(2)
    expect(r.err).toContain('Clé privée illisible')
    expect((await cli('build', RESOURCES, '--key', badKey, ...trust, '--out', join(work, 'x.zip'))).err).toContain('doit finir par .mollet')
    expect((await cli('build', RESOURCES, '--key', badKey, '--out', join(work, 'x.mollet'))).err).toContain(
      'L’option --trust est obligatoire',
    )
    await expect(stat(join(work, 'x.mollet'))).rejects.toThrow()
  })

  it('trust files: made, rotated, revoked and a root changed; each version said back, each mistake exit 2', async () => {
    const dir = join(work, 'confiance')
    for (const name of ['racine', 'racine-2', 'ed-1', 'ed-2', 'ed-3'])
      expect((await cli('keygen', '--out', dir, '--name', name)).code).toBe(0)
    const k = (name: string) => join(dir, name)
    const trust = k('confiance.json')
    const made = await cli('trust-init', '--root', k('racine.key'), '--add', k('ed-1.pub'), '--out', trust, '--expires', '2030-01-31')
    expect(made).toMatchObject({ code: 0, err: '' })
    expect(made.out).toContain('version 1')
    expect(made.out).toMatch(/ed-1 \(empreinte [0-9a-f\u00a0]{19}\) jusqu’au 31\u00a0janvier 2030/u)
    expect((await cli('trust-init', '--root', k('racine.key'), '--add', k('ed-1.pub'), '--out', trust)).err).toContain('existe déjà')

    const rotated = await cli('trust-rotate', trust, '--root', k('racine.key'), '--add', k('ed-2.pub'), '--retire', 'ed-1')
    expect(rotated.out).toContain('version 2')
    expect(rotated.out).toContain('clés d’éditeur (1)')
    const revoked = await cli('trust-revoke', trust, '--root', k('racine.key'), '--revoke', k('ed-2.pub'))
    expect(revoked.out).toContain('clés révoquées\u00a0: 1')
    expect((await cli('trust-rotate', trust, '--root', k('racine.key'), '--add', k('ed-2.pub'))).err).toContain('Cette clé est révoquée')
    // Another root's key signs nothing of this file.
    const wrongRoot = await cli('trust-rotate', trust, '--root', k('racine-2.key'), '--add', k('ed-3.pub'))
    expect(wrongRoot.code).toBe(2)
    expect(wrongRoot.err).toMatch(/^Ce n’est pas la clé racine de la version 3 \(«\u00a0racine\u00a0»/u)
    expect((await cli('trust-root', trust, '--root', k('racine.key'), '--new-root', k('racine-2.key'))).out).toContain(
      'clé racine\u00a0: racine-2',
    )
    expect((await cli('trust-rotate', trust, '--root', k('racine-2.key'), '--add', k('ed-3.pub'))).code).toBe(0)
    const file = JSON.parse(await readFile(trust, 'utf8')) as { versions: { signed: { version: number }; signatures: unknown[] }[] }
    expect(file.versions.map((v) => [v.signed.version, v.signatures.length])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
      [4, 2],
      [5, 1],
    ])
    expect(
      (await cli('trust-rotate', trust, '--root', k('racine-2.key'), '--add', k('ed-3.pub'), '--expires', '2026-13-01')).err,
    ).toContain('Date non valide pour --expires')
  })

  it('a hostile trust file or key file: refused at once in French, its name shown safely', async () => {
    const dir = join(work, 'confiance-hostile')
    expect((await cli('keygen', '--out', dir, '--name', 'racine')).code).toBe(0)
    const fifo = join(dir, 'tube.json')
    execFileSync('mkfifo', [fifo])
    const r = await cli('trust-rotate', fifo, '--root', join(dir, 'racine.key'), '--add', join(dir, 'racine.pub'))
    expect(r.code).toBe(2)
    expect(r.err).toContain('ce n’est pas un fichier ordinaire')
    const big = join(dir, 'gros.json')
    await writeFile(big, Buffer.alloc(2 * 1024 * 1024, 0x20))
    expect((await cli('trust-rotate', big, '--root', join(dir, 'racine.key'), '--add', join(dir, 'racine.pub'))).err).toContain(
      'plus de 1024\u00a0Ko',
    )
    const garbage = join(dir, 'faux.json')
    await writeFile(garbage, JSON.stringify({ format: 'mollet-trust', versions: [{ signed: {}, signatures: [] }] }))
    expect((await cli('trust-rotate', garbage, '--root', join(dir, 'racine.key'), '--add', join(dir, 'racine.pub'))).err).toMatch(
      /^Fichier de confiance non conforme \(champ versions\.0\./u,
    )
    const escaped = join(dir, '\u001b[2Kfaux.pub')
    await writeFile(escaped, 'x')
    const named = await cli('trust-init', '--root', join(dir, 'racine.key'), '--add', escaped, '--out', join(dir, 'c.json'))
    expect(named.code).toBe(2)
    expect(named.err).toContain('<U+001B>[2Kfaux.pub')
    expect(named.err).not.toContain('\u001b')
    // A private key given as an editor's public key is refused, never taken for its public half.
    await cp(join(dir, 'racine.key'), join(dir, 'prive.pub'))
    const privateAsPublic = await cli(
      'trust-init',
      '--root',
      join(dir, 'racine.key'),
      '--add',
      join(dir, 'prive.pub'),
      '--out',
      join(dir, 'c.json'),
    )
    expect(privateAsPublic.err).toContain('c’est une clé privée')
    await expect(stat(join(dir, 'c.json'))).rejects.toThrow()
  })

  it('schema writes a JSON Schema per knowledge file, from the zod schema', async () => {
    const dir = join(work, 'schemas')
    const r = await cli('schema', '--out', dir)
    expect(r.code).toBe(0)
    const names = (await readdir(dir)).sort()
    expect(names).toEqual(
      ['advice', 'causes', 'differentials', 'findings', 'groups', 'handout', 'meta', 'topics'].map((n) => `${n}.schema.json`),
    )
    const causes = JSON.parse(await readFile(join(dir, 'causes.schema.json'), 'utf8')) as { type: string; items: { required: string[] } }
    expect(causes.type).toBe('array')
    expect(causes.items.required).toContain('provenance')
    const meta = JSON.parse(await readFile(join(dir, 'meta.schema.json'), 'utf8')) as { properties: Record<string, unknown> }
    expect(Object.keys(meta.properties)).toEqual(expect.arrayContaining(['edition', 'editor', 'revision']))
  })

  it('mistakes in the command line are said in French', async () => {
    expect((await cli('publier')).err).toContain('Commande inconnue\u00a0: publier.')
    expect((await cli('verify')).err).toContain('verify attend un argument')
    expect((await cli('check', RESOURCES, '--key', 'x')).err).toContain('L’option --key ne s’emploie pas avec check.')
    expect((await cli('verify', 'x.mollet', '--vite')).err).toContain('Option inconnue\u00a0: --vite.')
    expect((await cli('verify', join(work, 'absent.mollet'))).err).toContain('absent.mollet\u00a0: Fichier introuvable ou illisible.')
  })
})
