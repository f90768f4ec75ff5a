import { v5 as uuidv5 } from 'uuid';
import type { AgentView } from './directory-index.js';
import type { TeamRecord } from './directory.repository.js';
import type { RoutingRule } from './directory.rules.js';
import type { TopicCode } from './topics.js';

/**
 * The demo directory of the Calvados (14), loaded on a first start: six territorial offices covering the 16 EPCI
 * of the département (hence every commune), the APCR desk for the whole département, and a default team. Names,
 * addresses and phone numbers are invented and marked "(démo)": replace them with an import (README, "Directory").
 */
const office = (code: string, town: string, address: string, phone: string): TeamRecord => ({
  code,
  name: `Circonscription d’action sociale — ${town} (démo)`,
  kind: 'territorial_office',
  contact: {
    name: `Circonscription d’action sociale de ${town} (démo)`,
    address,
    phone,
    email: `${code.toLowerCase()}@demo.calvados.invalid`,
    hours: 'du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h',
  },
  isDefault: false,
  demo: true,
});

export const DEMO_TEAMS: TeamRecord[] = [
  office('CAS-BESSIN', 'Bayeux', '2 rue de la Demo, 14400 Bayeux', '02 31 00 10 01'),
  office('CAS-CAEN', 'Caen', '10 boulevard de la Demo, 14000 Caen', '02 31 00 10 02'),
  office(
    'CAS-NACRE-ORNE',
    'Douvres-la-Délivrande',
    '3 place de la Demo, 14440 Douvres-la-Délivrande',
    '02 31 00 10 03',
  ),
  office('CAS-PAYS-AUGE', 'Lisieux', '5 rue de la Demo, 14100 Lisieux', '02 31 00 10 04'),
  office('CAS-BOCAGE', 'Vire Normandie', '7 rue de la Demo, 14500 Vire Normandie', '02 31 00 10 05'),
  office('CAS-FALAISE', 'Falaise', '1 rue de la Demo, 14700 Falaise', '02 31 00 10 06'),
  {
    code: 'APCR-DESK',
    name: 'Guichet APCR — aide aux communes rurales (démo)',
    kind: 'desk',
    contact: {
      name: 'Direction des territoires — guichet APCR (démo)',
      address: '9 rue Saint-Laurent, 14000 Caen',
      phone: '02 31 00 10 10',
      email: 'apcr@demo.calvados.invalid',
      hours: 'du lundi au vendredi, 9 h – 17 h',
    },
    isDefault: false,
    demo: true,
  },
  {
    code: 'ACCUEIL',
    name: 'Accueil du Département (démo)',
    kind: 'default',
    contact: {
      name: 'Accueil du Département du Calvados (démo)',
      address: '9 rue Saint-Laurent, 14000 Caen',
      phone: '02 31 00 10 00',
      email: 'accueil@demo.calvados.invalid',
      hours: 'du lundi au vendredi, 8 h 30 – 17 h 30',
    },
    isDefault: true,
    demo: true,
  },
];

/** EPCI (SIREN) → office. */
const OFFICE_OF_EPCI: Record<string, string> = {
  '241400555': 'CAS-BESSIN', // CC de Bayeux Intercom
  '200066801': 'CAS-BESSIN', // CC Isigny-Omaha Intercom
  '200069516': 'CAS-BESSIN', // CC Seulles Terre et Mer
  '200065597': 'CAS-CAEN', // CU Caen la Mer
  '241400860': 'CAS-NACRE-ORNE', // CC Coeur de Nacre
  '200066728': 'CAS-NACRE-ORNE', // CC Vallées de l'Orne et de l'Odon
  '200065589': 'CAS-NACRE-ORNE', // CC Val ès Dunes
  '200069532': 'CAS-PAYS-AUGE', // CA Lisieux Normandie
  '241400878': 'CAS-PAYS-AUGE', // CC Terre d'Auge
  '241400415': 'CAS-PAYS-AUGE', // CC Coeur Côte Fleurie
  '200066827': 'CAS-PAYS-AUGE', // CC du Pays de Honfleur-Beuzeville
  '200065563': 'CAS-PAYS-AUGE', // CC Normandie-Cabourg-Pays d'Auge
  '200068799': 'CAS-BOCAGE', // CC Intercom de la Vire au Noireau
  '200069524': 'CAS-BOCAGE', // CC Pré-Bocage Intercom
  '241400514': 'CAS-FALAISE', // CC du Pays de Falaise
  '200066710': 'CAS-FALAISE', // CC Cingal-Suisse Normande
};

const TERRITORIAL_TOPICS: TopicCode[] = ['autonomie', 'handicap', 'enfance-famille', 'insertion'];
const NAMESPACE = '6f1c8d62-3a55-4d1e-9a0b-2f5d4c7e8a90';

export const DEMO_RULES: RoutingRule[] = [
  ...Object.entries(OFFICE_OF_EPCI).flatMap(([epci, team]) =>
    TERRITORIAL_TOPICS.map((topic) => ({
      id: uuidv5(`${topic}|epci|${epci}`, NAMESPACE),
      subject: topic,
      areaKind: 'epci' as const,
      areaCode: epci,
      teamCode: team,
    })),
  ),
  {
    id: uuidv5('subventions-communes|departement|14', NAMESPACE),
    subject: 'subventions-communes',
    areaKind: 'departement',
    areaCode: '14',
    teamCode: 'APCR-DESK',
  },
];

/** One agent per team, so that a development token (`npm run token -- agent --sub … --team …`) finds work. */
export const DEMO_AGENTS: AgentView[] = DEMO_TEAMS.map((team) => ({
  subject: `agent-${team.code.toLowerCase()}`,
  displayName: `Agent ${team.code} (démo)`,
  email: `agent.${team.code.toLowerCase()}@demo.calvados.invalid`,
  teamCodes: [team.code],
}));
