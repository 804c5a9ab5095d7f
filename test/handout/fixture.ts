// A small knowledge base for the handout tests, independent of resources/knowledge.
import type { Advice, Condition, Finding, HandoutBlock, KnowledgeBase } from '../../shared/kb/types'

const prov = [{ section: 'causes', quote: 'Déshydratation' }]

function condition(id: string, kind: 'cause' | 'differential', name: string, patientExplanation: string): Condition {
  return {
    id,
    kind,
    name,
    aliases: [],
    category: kind === 'cause' ? 'hydratation-mineraux' : 'neurologique',
    scope: 'mollet',
    contexts: [],
    pointingFindings: [],
    opposingFindings: [],
    usualFindings: [],
    seriousness: kind === 'cause' ? 'benin' : 'grave',
    referral: kind === 'cause' ? 'auto-soins' : 'neurologue',
    whatToDo: 'Boire.',
    patientExplanation,
    icd10: null,
    related: [],
    topics: [],
    articleTerms: [name],
    provenance: prov,
  }
}

function finding(id: string, label: string, redFlag: boolean): Finding {
  return { id, label, group: 'symptome', redFlag, advice: null, referral: redFlag ? 'medecin' : null, provenance: prov }
}

function advice(id: string, label: string, patientText: string, appliesTo: string[]): Advice {
  return { id, label, patientText, appliesTo, provenance: prov }
}

function block(id: string, section: HandoutBlock['section'], text: string): HandoutBlock {
  return { id, section, text, provenance: prov }
}

export function fixtureKb(): KnowledgeBase {
  return {
    meta: {
      title: 'Contractions musculaires au mollet',
      revision: '2026-11-01',
      source: { title: 'Article « Contractions musculaires au mollet »', file: 'source/a.txt', language: 'fr' },
      sections: [{ heading: 'causes', label: 'Causes' }],
    },
    causes: [
      condition('deshydratation', 'cause', 'Déshydratation', "Le corps manque d'eau."),
      condition('stress', 'cause', 'Stress', 'Le stress peut faire bouger le muscle tout seul.'),
      condition('effort', 'cause', 'Effort intense', 'Après le sport, le muscle fatigué peut trembler.'),
    ],
    differentials: [condition('hernie-discale', 'differential', 'Hernie discale lombaire', 'Un disque du dos appuie sur un nerf.')],
    findings: [
      finding('douleur', 'Une douleur au mollet, à la jambe ou au dos', true),
      finding('fievre', 'De la fièvre', true),
      finding('perte-connaissance', 'Une perte de connaissance soudaine', true),
      finding('apres-effort', 'Après un effort', false),
    ],
    advice: [
      advice('boire', 'Boire', "Buvez assez d'eau chaque jour.", ['deshydratation']),
      advice('recuperer', 'Récupérer', 'Laissez le muscle se reposer après le sport.', ['effort']),
      advice('detente', 'Se détendre', 'Essayez de réduire le stress.', ['stress']),
    ],
    groups: [],
    topics: [],
    handout: [
      block('message', 'message-principal', 'Ces petites contractions du mollet sont le plus souvent sans danger.'),
      block('definition', 'definition', 'Le muscle se contracte tout seul, sans que vous le vouliez.'),
      block('causes-intro', 'causes', 'Plusieurs choses simples peuvent les provoquer.'),
      block('que-faire-intro', 'que-faire', 'Souvent, des gestes simples suffisent.'),
      block('consulter-intro', 'quand-consulter', 'Voyez un médecin si vous avez aussi :'),
      block('duree', 'duree', 'Elles passent souvent en quelques jours.'),
    ],
    article: '',
  }
}

export const LETTERHEAD = { name: 'Cabinet du Parc', address: '12 rue des Lilas\n75011 Paris', phone: '01 23 45 67 89' }
