import { ACTORS, type Actor } from './actors.js';

/**
 * THE policy table: for every route of every application (`app METHOD path`, as the Nest router maps it), who may
 * call it. The matrix test calls each route as each actor and checks the answer against this table; a route that is
 * not here fails the test, so a new endpoint cannot go without its rights. README « Security and privacy » shows it.
 *
 * - `allow`: the actors the route serves (2xx, 3xx, or a 400/409/422 about the request or the file's state).
 * - `scopedOut`: actors with the right role but outside the route's scope (another citizen's file, a file of another
 *   team): 404 or 403; on writes also 400, since a body is checked before the file is looked up (nothing is done).
 * - `absent`: the route's own resource (a control case, a message, a dead letter…) is not created by the matrix: the
 *   allowed actors get 404 for the unknown id it uses, which still proves they passed the role check.
 * Everyone else gets 403; nobody and a token or session signed with another key get 401 (API) or the sign-in page.
 */
export interface Access {
  allow: readonly Actor[];
  scopedOut?: readonly Actor[];
  absent?: true;
}

const EVERYONE: Access = { allow: ACTORS };
const SIGNED_IN: readonly Actor[] = ACTORS.filter((actor) => actor !== 'nobody' && actor !== 'forgedAdmin');
const CITIZENS: Access = { allow: ['owner', 'otherCitizen'] };
/** The owner's file: another citizen is told it does not exist. */
const OWNER: Access = { allow: ['owner'], scopedOut: ['otherCitizen'] };
/** A file of the team it was routed to: other teams' agents and supervisors are kept out. */
const OWNING_TEAM: Access = {
  allow: ['agentOwningTeam'],
  scopedOut: ['agentOtherTeam', 'supervisorOtherTeam'],
};
/** The back-office list and team views: every agent and supervisor, each seeing their own teams. */
const STAFF: Access = { allow: ['agentOwningTeam', 'agentOtherTeam', 'supervisorOtherTeam'] };
const SUPERVISOR_OF_TEAM: Access = { allow: [], scopedOut: ['supervisorOtherTeam'] };
const AUDITOR: Access = { allow: ['auditor'] };
const AUDITOR_ABSENT: Access = { allow: ['auditor'], absent: true };
const AUDITOR_OR_ADMIN: Access = { allow: ['auditor', 'admin'] };
const ADMIN: Access = { allow: ['admin'] };
const ADMIN_ABSENT: Access = { allow: ['admin'], absent: true };

const SERVICE_ROUTES: Record<string, Access> = {
  'GET /health': EVERYONE,
  'GET /ready': EVERYONE,
};

/** What every service has: health, readiness (for the orchestrator), and its dead letters (for the admins). */
function commonRoutesOfEachService(): Record<string, Access> {
  return Object.fromEntries(
    ['intake', 'routing', 'checks', 'notifications'].flatMap((app) => [
      ...Object.entries(SERVICE_ROUTES).map(([route, access]) => [`${app} ${route}`, access]),
      [`${app} GET /api/admin/${app}/dead-letters`, ADMIN],
      [`${app} POST /api/admin/${app}/dead-letters/replay`, ADMIN],
      [`${app} POST /api/admin/${app}/dead-letters/:id/replay`, ADMIN_ABSENT],
    ]),
  ) as Record<string, Access>;
}

export const ACCESS_POLICY: Record<string, Access> = {
  ...commonRoutesOfEachService(),
  // intake
  'intake GET /api/procedures': EVERYONE,
  'intake GET /api/procedures/:code': EVERYONE,
  'intake POST /api/procedures/apa/estimate': EVERYONE,
  'intake POST /api/applications': CITIZENS,
  'intake GET /api/applications': CITIZENS,
  'intake GET /api/applications/:id': OWNER,
  'intake PATCH /api/applications/:id': OWNER,
  'intake POST /api/applications/:id/submit': OWNER,
  'intake POST /api/applications/:id/withdraw': OWNER,
  'intake POST /api/applications/:id/complements': OWNER,
  'intake GET /api/applications/:id/timeline': OWNER,
  'intake POST /api/applications/:id/care-plan/answer': OWNER,
  'intake GET /api/applications/:id/accesses': OWNER,
  'intake POST /api/applications/:id/evidence': OWNER,
  'intake POST /api/applications/:id/control-answer': OWNER,
  'intake GET /api/applications/:id/evidence': OWNER,
  'intake GET /api/applications/:id/evidence/:evidenceId': { ...OWNER, absent: true },
  'intake GET /api/applications/:id/content': OWNING_TEAM,
  'intake GET /api/access-log': ADMIN,
  // routing
  'routing GET /api/contacts/topics': EVERYONE,
  'routing GET /api/contacts': EVERYONE,
  'routing GET /api/directory/teams': ADMIN,
  'routing PUT /api/directory/teams/:code': ADMIN,
  'routing PUT /api/directory/agents/:subject': ADMIN,
  'routing GET /api/directory/rules.csv': ADMIN,
  'routing PUT /api/directory/rules.csv': ADMIN,
  'routing GET /api/back-office/applications': STAFF,
  'routing GET /api/back-office/applications/:id': OWNING_TEAM,
  'routing GET /api/back-office/applications/:id/assignee-suggestion': SUPERVISOR_OF_TEAM,
  'routing POST /api/back-office/applications/:id/claim': OWNING_TEAM,
  'routing POST /api/back-office/applications/:id/release': OWNING_TEAM,
  'routing POST /api/back-office/applications/:id/assign': SUPERVISOR_OF_TEAM,
  'routing POST /api/back-office/applications/:id/request-info': OWNING_TEAM,
  'routing POST /api/back-office/applications/:id/evaluation': OWNING_TEAM,
  'routing POST /api/back-office/applications/:id/care-plan': OWNING_TEAM,
  'routing POST /api/back-office/applications/:id/care-plan-preview': OWNING_TEAM,
  'routing POST /api/back-office/applications/:id/decision-preview': OWNING_TEAM,
  'routing POST /api/back-office/applications/:id/decide': OWNING_TEAM,
  'routing GET /api/back-office/teams-load': { allow: ['supervisorOtherTeam'] },
  // checks
  'checks GET /api/sampling-policies/:procedure': AUDITOR_OR_ADMIN,
  'checks GET /api/sampling-policies/:procedure/versions': AUDITOR_OR_ADMIN,
  'checks PUT /api/sampling-policies/:procedure': ADMIN,
  'checks GET /api/checks/selection/:applicationId': AUDITOR_ABSENT,
  'checks POST /api/checks/cases': AUDITOR,
  'checks GET /api/checks/cases': AUDITOR,
  'checks GET /api/checks/cases/:id': AUDITOR_ABSENT,
  'checks POST /api/checks/cases/:id/evidence-request': AUDITOR,
  'checks POST /api/checks/cases/:id/proposal': AUDITOR,
  'checks POST /api/checks/cases/:id/conclusion': AUDITOR,
  'checks POST /api/checks/cases/:id/conclusion-preview': AUDITOR,
  'checks GET /api/checks/statistics': AUDITOR_OR_ADMIN,
  'checks GET /api/checks/cases.csv': AUDITOR_OR_ADMIN,
  'checks GET /api/checks/audit/verify': AUDITOR_OR_ADMIN,
  // notifications
  'notifications GET /api/notifications': { allow: SIGNED_IN },
  'notifications POST /api/notifications/:id/read': { allow: SIGNED_IN, absent: true },
  'notifications GET /api/notifications/preferences': {
    allow: ['agentOwningTeam', 'agentOtherTeam', 'supervisorOtherTeam', 'auditor'],
  },
  'notifications PUT /api/notifications/preferences': {
    allow: ['agentOwningTeam', 'agentOtherTeam', 'supervisorOtherTeam', 'auditor'],
  },
  'notifications GET /api/admin/notifications/messages': ADMIN,
  'notifications GET /api/admin/notifications/messages/:id': ADMIN_ABSENT,
  'notifications POST /api/admin/notifications/messages/:id/resend': ADMIN_ABSENT,
  // web: public pages
  'web GET /': EVERYONE,
  'web GET /mentions-legales': EVERYONE,
  'web GET /donnees-personnelles': EVERYONE,
  'web GET /accessibilite': EVERYONE,
  'web GET /health': EVERYONE,
  'web GET /connexion': EVERYONE,
  'web GET /connexion/franceconnect': EVERYONE,
  'web GET /connexion/agent': EVERYONE,
  'web GET /connexion/retour': EVERYONE,
  'web POST /deconnexion': EVERYONE,
  'web GET /contact': EVERYONE,
  'web GET /simulateur-apa': EVERYONE,
  'web POST /simulateur-apa': EVERYONE,
  'web GET /demarches/:code': EVERYONE,
  // web: every signed-in person
  'web GET /messages': { allow: SIGNED_IN },
  'web POST /messages/:id/lu': { allow: SIGNED_IN, absent: true },
  // web: citizens and their files
  'web POST /demarches/:code/commencer': CITIZENS,
  'web GET /mes-demarches': CITIZENS,
  'web GET /mes-donnees': CITIZENS,
  'web GET /mes-donnees/copie.json': CITIZENS,
  'web GET /dossiers/:id/etapes': OWNER,
  'web GET /dossiers/:id/etapes/:part': OWNER,
  'web POST /dossiers/:id/etapes/:part': OWNER,
  'web GET /dossiers/:id/recapitulatif': OWNER,
  'web POST /dossiers/:id/deposer': OWNER,
  'web GET /dossiers/:id/recepisse': OWNER,
  'web GET /dossiers/:id': OWNER,
  'web GET /dossiers/:id/retirer': OWNER,
  'web POST /dossiers/:id/retirer': OWNER,
  'web POST /dossiers/:id/complement': OWNER,
  'web POST /dossiers/:id/plan-d-aide': OWNER,
  'web POST /dossiers/:id/reponse-controle': OWNER,
  'web POST /dossiers/:id/justificatifs': OWNER,
  // web: agents and supervisors
  'web GET /agents/dossiers': STAFF,
  'web GET /agents/dossiers/:id': OWNING_TEAM,
  'web POST /agents/dossiers/:id/prendre': OWNING_TEAM,
  'web POST /agents/dossiers/:id/rendre': OWNING_TEAM,
  'web POST /agents/dossiers/:id/attribuer': SUPERVISOR_OF_TEAM,
  'web POST /agents/dossiers/:id/demande-informations': OWNING_TEAM,
  'web POST /agents/dossiers/:id/evaluation': OWNING_TEAM,
  'web POST /agents/dossiers/:id/plan-d-aide': OWNING_TEAM,
  'web POST /agents/dossiers/:id/decision': OWNING_TEAM,
  'web POST /agents/dossiers/:id/contenu': OWNING_TEAM,
  // web: auditors
  'web GET /controles': AUDITOR,
  'web GET /controles/statistiques': AUDITOR,
  'web GET /controles/statistiques/:chart.svg': AUDITOR,
  'web GET /controles/export.csv': AUDITOR,
  'web GET /controles/cible': AUDITOR,
  'web POST /controles/cible': AUDITOR,
  'web GET /controles/:id': AUDITOR_ABSENT,
  'web GET /controles/:id/pieces/:evidenceId': AUDITOR_ABSENT,
  'web POST /controles/:id/pieces': AUDITOR_ABSENT,
  'web POST /controles/:id/proposition': AUDITOR_ABSENT,
  'web POST /controles/:id/conclusion': AUDITOR_ABSENT,
  // web: administrators
  'web GET /admin': ADMIN,
  'web GET /admin/equipes': ADMIN,
  'web POST /admin/equipes/equipe': ADMIN,
  'web POST /admin/equipes/agent': ADMIN,
  'web GET /admin/regles': ADMIN,
  'web GET /admin/regles/regles.csv': ADMIN,
  'web POST /admin/regles': ADMIN,
  'web GET /admin/politiques': ADMIN,
  'web GET /admin/politiques/:procedure': ADMIN,
  'web POST /admin/politiques/:procedure': ADMIN,
  'web GET /admin/courriels': ADMIN,
  'web POST /admin/courriels/:id/renvoyer': ADMIN_ABSENT,
  'web GET /admin/lettres-mortes': ADMIN,
  'web POST /admin/lettres-mortes/:service/:id/rejouer': ADMIN_ABSENT,
  'web POST /admin/lettres-mortes/:service/rejouer': ADMIN,
};
