// Small hand-made knowledge bases for the matching tests. The texts are
// placeholders: these tests are about the logic, not the clinical content.
import type { Advice, Condition, Finding } from '../../shared/kb/types'
import type { MatchKb } from '../../shared/differentials/match'

const provenance = [{ section: 'causes', quote: 'Déshydratation' }]

export function finding(id: string, over: Partial<Finding> = {}): Finding {
  return { id, label: id, group: 'symptome', redFlag: false, advice: null, referral: null, provenance, ...over }
}

export function condition(id: string, over: Partial<Condition> = {}): Condition {
  return {
    id,
    kind: 'cause',
    name: id,
    aliases: [],
    category: 'metabolique',
    scope: 'mollet',
    contexts: [],
    pointingFindings: [],
    opposingFindings: [],
    usualFindings: [],
    seriousness: 'benin',
    referral: 'auto-soins',
    whatToDo: 'x',
    patientExplanation: 'x',
    icd10: null,
    related: [],
    topics: [],
    articleTerms: [id],
    provenance,
    ...over,
  }
}

function advice(id: string, appliesTo: string[]): Advice {
  return { id, label: id, patientText: id, appliesTo, provenance }
}

/** A small KB shaped like the article: benign causes, a nerve entry, neurological differentials. */
export function fixtureKb(): MatchKb {
  return {
    findings: [
      finding('apres-effort', { group: 'contexte' }),
      finding('stress', { group: 'contexte' }),
      finding('tout-le-corps', { group: 'distribution' }),
      finding('douleur', {
        redFlag: true,
        advice: 'Examen par un neurologue.',
        referral: 'neurologue',
      }),
      finding('picotements', {
        redFlag: true,
        advice: 'Lésion nerveuse possible.',
        referral: 'neurologue',
      }),
      finding('fievre', { redFlag: true, advice: 'Consulter un médecin.', referral: 'medecin' }),
      finding('perte-de-conscience', { redFlag: true, advice: 'Consulter un médecin.', referral: 'medecin' }),
      finding('sans-autre-symptome'),
    ],
    causes: [
      condition('carence-magnesium', {
        name: 'Carence en magnésium',
        contexts: ['apres-effort'],
        opposingFindings: ['douleur'],
      }),
      condition('deshydratation', { name: 'Déshydratation', contexts: ['apres-effort'] }),
      condition('stress', { name: 'Stress', contexts: ['stress'], pointingFindings: ['sans-autre-symptome'] }),
      condition('hypoglycemie', { name: 'Hypoglycémie', seriousness: 'a-evaluer' }),
      condition('piegeage-nerveux', {
        name: 'Piégeage nerveux',
        seriousness: 'a-evaluer',
        referral: 'medecin',
        pointingFindings: ['douleur', 'picotements'],
      }),
    ],
    differentials: [
      condition('hernie-discale', {
        kind: 'differential',
        name: 'Hernie discale lombaire',
        seriousness: 'grave',
        referral: 'neurologue',
        pointingFindings: ['douleur', 'picotements'],
      }),
      condition('epilepsie', {
        kind: 'differential',
        name: 'Épilepsie',
        seriousness: 'grave',
        scope: 'tout-le-corps',
        pointingFindings: ['perte-de-conscience', 'tout-le-corps'],
        usualFindings: ['tout-le-corps'],
      }),
      condition('meningite', {
        kind: 'differential',
        name: 'Méningite',
        seriousness: 'grave',
        pointingFindings: ['fievre'],
      }),
      condition('sclerose-en-plaques', { kind: 'differential', name: 'Sclérose en plaques', seriousness: 'grave' }),
      condition('tics', { kind: 'differential', name: 'Tics', seriousness: 'a-evaluer' }),
    ],
    advice: [
      advice('boire', ['deshydratation']),
      advice('magnesium', ['carence-magnesium']),
      advice('detente', ['stress']),
      advice('rien', ['hernie-discale']),
    ],
  }
}
