// A valid knowledge base of a given size for the benchmarks: resources/ copied
// into a temporary folder, causes.json grown to `size` entries by cloning the
// real causes and differentials with new ids and names. Quotes and sections
// stay verbatim, so the app's own loader accepts every clone.
import { copyFile, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Condition } from '../../shared/kb/types'

export async function generateKnowledgeBase(realResources: string, into: string, size: number): Promise<string> {
  const dir = join(into, 'resources')
  await mkdir(join(dir, 'knowledge'), { recursive: true })
  for (const name of await readdir(join(realResources, 'knowledge'))) {
    await copyFile(join(realResources, 'knowledge', name), join(dir, 'knowledge', name))
  }
  await symlink(join(realResources, 'source'), join(dir, 'source'))
  await symlink(join(realResources, 'fonts'), join(dir, 'fonts'))

  const read = async (file: string) => JSON.parse(await readFile(join(realResources, 'knowledge', file), 'utf8')) as Condition[]
  const causes = await read('causes.json')
  const models = [...causes, ...(await read('differentials.json'))]
  const grown: Condition[] = [...causes]
  for (let n = 1; grown.length < size; n++) {
    const model = models[(n - 1) % models.length] as Condition
    // Related entries point at the real ones (still in the base): valid references.
    grown.push({ ...structuredClone(model), id: `${model.id}-copie-${n}`, name: `${model.name} (copie ${n})` })
  }
  await writeFile(join(dir, 'knowledge', 'causes.json'), JSON.stringify(grown))
  return dir
}
