import type { Role } from '#platform';

/** Why a member of staff reads a file's content: one of these, recorded with every read and shown to the citizen. */
export const ACCESS_PURPOSES = [
  'instruction',
  'evaluation',
  'decision',
  'citizen_contact',
  'appeal',
  'control',
] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];

export const PURPOSE_LABELS: Record<AccessPurpose, string> = {
  instruction: 'instruction de la demande',
  evaluation: 'évaluation à domicile et plan d’aide',
  decision: 'préparation de la décision',
  citizen_contact: 'réponse à une question de votre part',
  appeal: 'examen d’un recours',
  control: 'contrôle a posteriori',
};

/** How the citizen reads the role of whoever read the file (never the person's name). */
export const ROLE_LABELS: Record<Role, string> = {
  citizen: 'usager',
  agent: 'un agent instructeur',
  supervisor: 'un responsable d’équipe',
  auditor: 'un contrôleur',
  admin: 'un administrateur',
};
