import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { v7 as uuidv7 } from 'uuid';
import { type CommuneDirectory, type ErrorDetail, ValidationFailed } from '#domain';
import { AREA_KINDS, type AreaKind, ruleKey, type RoutingRule } from './directory.rules.js';
import { isProcedure, isTopic, PROCEDURE_TOPICS, TOPIC_CODES } from './topics.js';

/** The columns of the rules file, in this order (a header line first). */
export const RULE_COLUMNS = ['sujet', 'zone', 'code_zone', 'equipe'] as const;

export interface RuleCheckContext {
  communes: CommuneDirectory;
  epciCodes: ReadonlySet<string>;
  departementCodes: ReadonlySet<string>;
  teamCodes: ReadonlySet<string>;
}

function areaExists(kind: AreaKind, code: string, context: RuleCheckContext): boolean {
  if (kind === 'commune') return context.communes.find(code) !== undefined;
  if (kind === 'epci') return context.epciCodes.has(code);
  return context.departementCodes.has(code);
}

/** What is wrong with one rule (empty when nothing), in French. */
export function ruleProblems(rule: Omit<RoutingRule, 'id'>, context: RuleCheckContext): string[] {
  const problems: string[] = [];
  if (!isTopic(rule.subject) && !isProcedure(rule.subject))
    problems.push(
      `sujet « ${rule.subject} » inconnu (thèmes : ${TOPIC_CODES.join(', ')} ; démarches : ${Object.keys(PROCEDURE_TOPICS).join(', ')})`,
    );
  if (!AREA_KINDS.includes(rule.areaKind))
    problems.push(`zone « ${rule.areaKind} » inconnue (${AREA_KINDS.join(', ')})`);
  else if (!areaExists(rule.areaKind, rule.areaCode, context))
    problems.push(`code_zone « ${rule.areaCode} » : aucun(e) ${rule.areaKind} de ce code`);
  if (!context.teamCodes.has(rule.teamCode)) problems.push(`équipe « ${rule.teamCode} » inconnue`);
  return problems;
}

/**
 * Reads a rules file, all or nothing: every faulty line is reported with its number (the header is line 1), and
 * two lines with the same (sujet, zone, code_zone) are refused — two rules of equal rank for one key.
 */
export function parseRulesCsv(text: string, context: RuleCheckContext): RoutingRule[] {
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true });
  } catch (error) {
    throw new ValidationFailed([
      { field: 'csv', reason: `fichier CSV illisible : ${(error as Error).message}` },
    ]);
  }
  const header = records[0]?.map((cell) => cell.toLowerCase());
  if (!header || RULE_COLUMNS.some((column, index) => header[index] !== column))
    throw new ValidationFailed([{ field: 'ligne 1', reason: `en-tête attendu : ${RULE_COLUMNS.join(',')}` }]);
  const details: ErrorDetail[] = [];
  const lineOfKey = new Map<string, number>();
  const rules: RoutingRule[] = [];
  records.slice(1).forEach((cells, index) => {
    const line = index + 2;
    if (cells.length !== RULE_COLUMNS.length) {
      details.push({
        field: `ligne ${line}`,
        reason: `${RULE_COLUMNS.length} colonnes attendues, ${cells.length} reçues`,
      });
      return;
    }
    const [subject, areaKind, areaCode, teamCode] = cells;
    const rule = { id: uuidv7(), subject, areaKind: areaKind as AreaKind, areaCode, teamCode };
    const problems = ruleProblems(rule, context);
    const key = ruleKey(subject, rule.areaKind, areaCode);
    const first = lineOfKey.get(key);
    if (first !== undefined) problems.push(`même sujet et même zone que la ligne ${first}`);
    else lineOfKey.set(key, line);
    for (const reason of problems) details.push({ field: `ligne ${line}`, reason });
    rules.push(rule);
  });
  if (details.length > 0)
    throw new ValidationFailed(details, 'Le fichier de règles est refusé : rien n’a été changé.');
  return rules;
}

export function rulesToCsv(rules: readonly RoutingRule[]): string {
  return stringify(
    rules.map((rule) => [rule.subject, rule.areaKind, rule.areaCode, rule.teamCode]),
    { header: true, columns: [...RULE_COLUMNS] },
  );
}
