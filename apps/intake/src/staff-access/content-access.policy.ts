import type { Principal, Role } from '#platform';

/** What the policy looks at on the file: facts intake learnt from events, never from another service's tables. */
export interface FileForAccess {
  /** The team that owns the file (from `application.routed`), null until routed. */
  owningTeam: string | null;
  /** An after-the-fact control is open on the file (from `check.opened`, until `check.concluded`). */
  openControl: boolean;
}

export type ContentAccess =
  | { allowed: true; role: Role; team: string | null; grounds: 'owning_team' | 'auditor' }
  | {
      allowed: false;
      code: 'APPLICATION_NOT_ROUTED' | 'APPLICATION_OF_ANOTHER_TEAM' | 'NO_OPEN_CONTROL';
      reason: string;
    };

const TEAM_ROLES: readonly Role[] = ['supervisor', 'agent'];

/**
 * Who may read a file's complete content (DESIGN.md, "Personal data and who reads it"), pure:
 * - an agent or a supervisor of the team that owns the file (learnt from `application.routed`);
 * - an auditor (contrôleur) while an after-the-fact control is open on the file (`file.openControl`, kept by intake
 *   from check.opened / check.concluded): nobody else in checks sees personal data.
 * Anyone else is refused (403). Every allowed read is then recorded in the access log by the caller.
 */
export function contentAccess(principal: Principal, file: FileForAccess): ContentAccess {
  if (file.owningTeam !== null && principal.teams.includes(file.owningTeam)) {
    const role = TEAM_ROLES.find((candidate) => principal.roles.includes(candidate));
    if (role) return { allowed: true, role, team: file.owningTeam, grounds: 'owning_team' };
  }
  if (principal.roles.includes('auditor')) {
    if (file.openControl) return { allowed: true, role: 'auditor', team: null, grounds: 'auditor' };
    return {
      allowed: false,
      code: 'NO_OPEN_CONTROL',
      reason:
        'Aucun contrôle n’est ouvert sur ce dossier : son contenu n’est pas consultable par un contrôleur.',
    };
  }
  return file.owningTeam === null
    ? {
        allowed: false,
        code: 'APPLICATION_NOT_ROUTED',
        reason: 'Ce dossier n’a pas encore été orienté vers une équipe : son contenu n’est pas consultable.',
      }
    : {
        allowed: false,
        code: 'APPLICATION_OF_ANOTHER_TEAM',
        reason: 'Ce dossier est suivi par une autre équipe : vous ne pouvez pas en consulter le contenu.',
      };
}
