import type { Role } from '#platform';

/** A person one can sign in as on the local provider's page. Invented, marked by `.invalid` addresses. */
export interface DemoPerson {
  /** `sub` of the tokens. Agents' subjects are those of the routing demo directory. */
  subject: string;
  role: Role;
  teams: string[];
  givenName: string;
  familyName: string;
  email: string;
  /** What the person is for, shown under the button. */
  description: string;
}

export const DEMO_PERSONS: readonly DemoPerson[] = [
  {
    subject: 'demo-fille',
    role: 'citizen',
    teams: [],
    givenName: 'Claire',
    familyName: 'Martin',
    email: 'claire.martin@demo.calvados.invalid',
    description: 'Fille qui fait la demande d’APA pour sa mère',
  },
  {
    subject: 'demo-secretaire-mairie',
    role: 'citizen',
    teams: [],
    givenName: 'Sophie',
    familyName: 'Leroy',
    email: 'secretariat@mairie-demo.calvados.invalid',
    description: 'Secrétaire de mairie d’une petite commune (APCR)',
  },
  {
    subject: 'agent-cas-caen',
    role: 'agent',
    teams: ['CAS-CAEN'],
    givenName: 'Karim',
    familyName: 'Benali',
    email: 'agent.cas-caen@demo.calvados.invalid',
    description: 'Agent de la circonscription de Caen',
  },
  {
    subject: 'agent-cas-bocage',
    role: 'agent',
    teams: ['CAS-BOCAGE'],
    givenName: 'Élodie',
    familyName: 'Lefèvre',
    email: 'agent.cas-bocage@demo.calvados.invalid',
    description: 'Agent de la circonscription du Bocage (Vire)',
  },
  {
    subject: 'demo-superviseur',
    role: 'supervisor',
    teams: ['CAS-CAEN', 'CAS-BOCAGE'],
    givenName: 'Marc',
    familyName: 'Duval',
    email: 'marc.duval@demo.calvados.invalid',
    description: 'Responsable des circonscriptions de Caen et du Bocage',
  },
  {
    subject: 'demo-controleur',
    role: 'auditor',
    teams: [],
    givenName: 'Nathalie',
    familyName: 'Roux',
    email: 'nathalie.roux@demo.calvados.invalid',
    description: 'Contrôleuse : contrôles a posteriori, sans accès aux autres dossiers',
  },
  {
    subject: 'demo-admin',
    role: 'admin',
    teams: [],
    givenName: 'Thomas',
    familyName: 'Petit',
    email: 'thomas.petit@demo.calvados.invalid',
    description: 'Administrateur de Guichet (annuaire, politiques de contrôle)',
  },
];

export function demoPerson(subject: string | undefined): DemoPerson | undefined {
  return DEMO_PERSONS.find((person) => person.subject === subject);
}

export function displayName(person: DemoPerson): string {
  return `${person.givenName} ${person.familyName}`;
}
