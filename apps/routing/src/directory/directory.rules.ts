import type { Commune } from '#domain';
import type { RoutingResolution, TeamView } from './directory-index.js';
import { isProcedure, isTopic, PROCEDURE_TOPICS, TOPICS } from './topics.js';

/** Where a rule applies: one commune, one EPCI (intercommunalité), or the whole département. */
export type AreaKind = 'commune' | 'epci' | 'departement';
export const AREA_KINDS: readonly AreaKind[] = ['commune', 'epci', 'departement'];

/** (procedure or topic) × area → team. `subject` is a procedure code ('apa') or a topic code ('autonomie'). */
export interface RoutingRule {
  id: string;
  subject: string;
  areaKind: AreaKind;
  areaCode: string;
  teamCode: string;
}

const AREA_LABELS: Record<AreaKind, string> = {
  commune: 'la commune',
  epci: 'l’intercommunalité',
  departement: 'le département',
};

export function ruleKey(subject: string, areaKind: AreaKind, areaCode: string): string {
  return `${subject}|${areaKind}|${areaCode}`;
}

/**
 * The candidate keys for a (subject, commune), most specific first: the commune before its EPCI before its
 * département; at each level a rule naming the procedure before a rule for its topic. At most six lookups, whatever
 * the size of the directory.
 */
export function candidateKeys(subject: string, commune: Commune): string[] {
  const subjects = isProcedure(subject) ? [subject, PROCEDURE_TOPICS[subject]] : [subject];
  const areas: [AreaKind, string | undefined][] = [
    ['commune', commune.code],
    ['epci', commune.epci?.code],
    ['departement', commune.departement],
  ];
  return areas.flatMap(([kind, code]) => (code ? subjects.map((s) => ruleKey(s, kind, code)) : []));
}

function subjectLabel(subject: string): string {
  if (isTopic(subject)) return `« ${TOPICS[subject]} »`;
  return `de la démarche ${subject.toUpperCase()}`;
}

function areaLabel(rule: RoutingRule, commune: Commune): string {
  if (rule.areaKind === 'commune') return `${AREA_LABELS.commune} de ${commune.name}`;
  if (rule.areaKind === 'epci') return `${AREA_LABELS.epci} ${commune.epci?.name ?? rule.areaCode}`;
  return `${AREA_LABELS.departement} (${rule.areaCode})`;
}

/** Resolves with the rules indexed by key; the default team when none applies (the file is then flagged). */
export function resolveRouting(
  rulesByKey: ReadonlyMap<string, RoutingRule>,
  teams: ReadonlyMap<string, TeamView>,
  defaultTeam: TeamView,
  subject: string,
  commune: Commune,
): RoutingResolution {
  for (const key of candidateKeys(subject, commune)) {
    const rule = rulesByKey.get(key);
    const team = rule && teams.get(rule.teamCode);
    if (rule && team) {
      return {
        team,
        ruleId: rule.id,
        defaultTeam: false,
        reason: `règle ${subjectLabel(rule.subject)} pour ${areaLabel(rule, commune)}`,
      };
    }
  }
  return {
    team: defaultTeam,
    ruleId: null,
    defaultTeam: true,
    reason: `aucune règle pour ${subjectLabel(subject)} à ${commune.name} : équipe par défaut`,
  };
}
