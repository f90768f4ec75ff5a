import { createHmac } from 'node:crypto';

/*
 * After-the-fact checks: which granted files are controlled (DOMAIN.md §3). A random part plus risk targeting,
 * explainable and reproducible: the probability comes from a versioned policy, the draw from the file's id under the
 * campaign key, and both are recorded with the factors that applied.
 */

export type FactValue = string | number | boolean;
export type RiskOperator = 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'neq' | 'between';
export const RISK_OPERATORS: readonly RiskOperator[] = ['lt', 'lte', 'gt', 'gte', 'eq', 'neq', 'between'];

/** A risk rule declared as data: a fact of the file, a condition, and what it adds to the probability. */
export interface RiskRule {
  id: string;
  /** Shown to auditors, in French (« ressources juste sous le seuil »). */
  label: string;
  /** A fact of the file as routing and checks receive it (`monthlyResourcesCents`, `filedBy`…). */
  field: string;
  operator: RiskOperator;
  /** A number, string or boolean; for `between`, `[low, high]` (both included). */
  value: FactValue | [number, number];
  /** Added to the base rate when the rule applies (may be negative). */
  weight: number;
}

export interface SamplingPolicy {
  procedure: string;
  version: number;
  /** The random part: the probability of a file no risk rule matches. */
  baseRate: number;
  rules: RiskRule[];
  /** Bounds of the probability, whatever the rules add. */
  floor: number;
  ceiling: number;
}

export interface Selection {
  policyVersion: number;
  probability: number;
  /** HMAC-SHA256(campaign key, application id) read as a number in [0, 1). */
  draw: number;
  selected: boolean;
  /** The rules that applied, with their weights. */
  factors: Record<string, number>;
  /** The risk stratum: the rules that applied, or « aléatoire » when none. */
  stratum: string;
}

function matches(rule: RiskRule, fact: FactValue | undefined): boolean {
  if (fact === undefined) return false;
  const { operator, value } = rule;
  if (operator === 'eq') return fact === value;
  if (operator === 'neq') return fact !== value;
  if (typeof fact !== 'number') return false;
  if (operator === 'between') return Array.isArray(value) && fact >= value[0] && fact <= value[1];
  if (typeof value !== 'number') return false;
  if (operator === 'lt') return fact < value;
  if (operator === 'lte') return fact <= value;
  if (operator === 'gt') return fact > value;
  return fact >= value;
}

/** The probability of controlling a file: base rate plus the weights of the rules that apply, within the bounds. */
export function selectionProbability(
  policy: SamplingPolicy,
  facts: Record<string, FactValue>,
): { probability: number; factors: Record<string, number> } {
  const factors: Record<string, number> = {};
  let probability = policy.baseRate;
  for (const rule of policy.rules) {
    if (!matches(rule, facts[rule.field])) continue;
    factors[rule.id] = rule.weight;
    probability += rule.weight;
  }
  return { probability: Math.min(policy.ceiling, Math.max(policy.floor, probability)), factors };
}

/** The deterministic draw: the first 48 bits of HMAC-SHA256(key, id) over 2^48, in [0, 1). Anyone holding the key can redo it. */
export function drawFor(campaignKey: string, applicationId: string): number {
  const digest = createHmac('sha256', campaignKey).update(applicationId).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

export function select(
  policy: SamplingPolicy,
  campaignKey: string,
  applicationId: string,
  facts: Record<string, FactValue>,
): Selection {
  const { probability, factors } = selectionProbability(policy, facts);
  const draw = drawFor(campaignKey, applicationId);
  const applied = Object.keys(factors).sort();
  return {
    policyVersion: policy.version,
    probability,
    draw,
    selected: draw < probability,
    factors,
    stratum: applied.length > 0 ? applied.join('+') : 'aléatoire',
  };
}

/** What is wrong with a policy (empty when nothing), field by field, in French. */
export function policyProblems(
  policy: Omit<SamplingPolicy, 'version' | 'procedure'>,
): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  const rate = (field: string, value: number) => {
    if (!(value >= 0 && value <= 1))
      problems.push({ field, reason: 'doit être une probabilité entre 0 et 1' });
  };
  rate('baseRate', policy.baseRate);
  rate('floor', policy.floor);
  rate('ceiling', policy.ceiling);
  if (policy.floor > policy.ceiling)
    problems.push({ field: 'floor', reason: 'doit être inférieur ou égal à ceiling' });
  const ids = new Set<string>();
  policy.rules.forEach((rule, index) => {
    if (ids.has(rule.id))
      problems.push({ field: `rules[${index}].id`, reason: `identifiant « ${rule.id} » en double` });
    ids.add(rule.id);
    if (!RISK_OPERATORS.includes(rule.operator))
      problems.push({
        field: `rules[${index}].operator`,
        reason: `doit être l’un de : ${RISK_OPERATORS.join(', ')}`,
      });
    if (rule.operator === 'between' && !(Array.isArray(rule.value) && rule.value.length === 2))
      problems.push({ field: `rules[${index}].value`, reason: 'doit être [bas, haut] pour between' });
    if (!(rule.weight >= -1 && rule.weight <= 1))
      problems.push({ field: `rules[${index}].weight`, reason: 'doit être entre -1 et 1' });
  });
  return problems;
}
