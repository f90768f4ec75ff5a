import type { Principal } from '#platform';

/** What the policy looks at: who filed, and whether a control is open (kept by intake from check.* events). */
export interface EvidenceFile {
  ownerSubject: string;
  openControl: boolean;
}

export type EvidenceAccess =
  | { allowed: true; as: 'owner' | 'auditor' }
  | { allowed: false; hidden: boolean; code: string; reason: string };

/**
 * Who may see the evidence sent for a control (DESIGN.md, "Personal data and who reads it"), pure:
 * - the citizen who filed (their own documents);
 * - an auditor while a control is open on the file — each download is then logged like a read of the content.
 * Another citizen learns nothing (the file "does not exist" for them); agents of the teams do not see evidence.
 */
export function evidenceAccess(principal: Principal, file: EvidenceFile): EvidenceAccess {
  if (principal.roles.includes('citizen') && principal.subject === file.ownerSubject)
    return { allowed: true, as: 'owner' };
  if (principal.roles.includes('auditor')) {
    return file.openControl
      ? { allowed: true, as: 'auditor' }
      : {
          allowed: false,
          hidden: false,
          code: 'NO_OPEN_CONTROL',
          reason: 'Aucun contrôle n’est ouvert sur ce dossier : ses pièces ne sont pas consultables.',
        };
  }
  if (principal.roles.includes('citizen'))
    return { allowed: false, hidden: true, code: 'APPLICATION_NOT_FOUND', reason: 'Demande introuvable.' };
  return {
    allowed: false,
    hidden: false,
    code: 'EVIDENCE_FOR_AUDITORS',
    reason: 'Les pièces d’un contrôle ne sont consultables que par les contrôleurs et par l’usager.',
  };
}
