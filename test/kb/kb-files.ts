// Reads the real knowledge base and article from resources/ for the KB tests.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { KB_FILES } from '../../shared/kb/schema'
import type { Advice, Condition, Finding, GroupStatement, HandoutBlock, KnowledgeMeta, Topic } from '../../shared/kb/schema'
import type { KnowledgeBase } from '../../shared/kb/types'

export const RESOURCES_DIR = fileURLToPath(new URL('../../resources', import.meta.url))

export function readRaw(key: keyof typeof KB_FILES): unknown {
  return JSON.parse(readFileSync(join(RESOURCES_DIR, 'knowledge', KB_FILES[key].file), 'utf8')) as unknown
}

/** The knowledge base as its files hold it: no article, and meta always present. */
export type RawKb = Omit<KnowledgeBase, 'article' | 'meta'> & { meta: KnowledgeMeta }

/** The files parsed with their schemas (throws when one does not parse). */
export function readKb(): RawKb {
  const list = <K extends Exclude<keyof typeof KB_FILES, 'meta'>>(key: K) =>
    (readRaw(key) as unknown[]).map((item) => KB_FILES[key].schema.parse(item))
  return {
    meta: KB_FILES.meta.schema.parse(readRaw('meta')),
    causes: list('causes') as Condition[],
    differentials: list('differentials') as Condition[],
    findings: list('findings') as Finding[],
    advice: list('advice') as Advice[],
    groups: list('groups') as GroupStatement[],
    topics: list('topics') as Topic[],
    handout: list('handout') as HandoutBlock[],
  }
}

export function readArticle(meta: KnowledgeMeta): string {
  return readFileSync(join(RESOURCES_DIR, meta.source.file), 'utf8')
}

export const LIST_KEYS = ['causes', 'differentials', 'findings', 'advice', 'groups', 'topics', 'handout'] as const
