// The words the orientation uses for what the findings call for: the red-flag
// banner, the reassurance box, the summary line and the record note say it
// the same way. (The advice and referrals themselves come from the knowledge
// base and its vocabulary.)
export const ORIENTATION_WORDING = {
  redFlagsPresent: (n: number): string => (n > 1 ? 'Signes d’alerte présents' : 'Signe d’alerte présent'),
  /** The record note's list label: plural like « Signes présents », whatever the count. */
  redFlagsPresentList: 'Signes d’alerte présents',
  noRedFlagPresent: 'Aucun signe d’alerte présent.',
  redFlagsUnasked: 'Signes d’alerte non vérifiés',
  referralAdvised: 'Orientation conseillée',
  referral: 'Orientation',
  checkBeforeReassuring: 'À vérifier avant de rassurer',
  benignButUnasked: 'Les causes concordantes sont bénignes, mais ces signes d’alerte restent inconnus',
  unknownRedFlags: (n: number): string => (n > 1 ? 'signes d’alerte inconnus' : 'signe d’alerte inconnu'),
  benignCauses: 'Causes généralement bénignes',
  findingsPresent: 'Signes présents',
  findingsAbsent: 'Signes absents',
} as const
