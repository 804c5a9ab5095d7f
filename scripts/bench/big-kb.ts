// A valid knowledge base of a given size for the benchmarks: resources/ copied
// into a temporary folder, causes.json grown to `size` entries by cloning the
// real causes and differentials with new ids and names. Quotes and sections
// stay verbatim, and a clone joins the groups its model is a member of (an
// entry graded by its group must be among the group's members), so the app's
// own loader accepts every clone.
import { copyFile, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Condition, GroupStatement } from '../../shared/kb/types'

export async function generateKnowledgeBase(realResources: string, into: string, size: number): Promise<string> {
  const dir = join(into, 'resources')
  await mkdir(join(dir, 'knowledge'), { recursive: true })
  for (const name of await readdir(join(realResources, 'knowledge'))) {
    await copyFile(join(realResources, 'knowledge', name), join(dir, 'knowledge', name))
  }
  await symlink(join(realResources, 'source'), join(dir, 'source'))
  await symlink(join(realResources, 'fonts'), join(dir, 'fonts'))

  const read = async <T>(file: string) => JSON.parse(await readFile(join(realResources, 'knowledge', file), 'utf8')) as T[]
  const causes = await read<Condition>('causes.json')
  const models = [...causes, ...(await read<Condition>('differentials.json'))]
  const groups = await read<GroupStatement>('groups.json')
  const groupsOf = new Map(models.map((m) => [m.id, groups.filter((g) => g.members.includes(m.id))]))
  const grown: Condition[] = [...causes]
  for (let n = 1; grown.length < size; n++) {
    const model = models[(n - 1) % models.length] as Condition
    const id = `${model.id}-copie-${n}`
    // Related entries point at the real ones (still in the base): valid references.
    grown.push({ ...structuredClone(model), id, name: `${model.name} (copie ${n})` })
    for (const group of groupsOf.get(model.id) ?? []) group.members.push(id)
  }
  await writeFile(join(dir, 'knowledge', 'causes.json'), JSON.stringify(grown))
  await writeFile(join(dir, 'knowledge', 'groups.json'), JSON.stringify(groups))
  return dir
}
