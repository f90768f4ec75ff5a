import type { ApiFieldError } from '../api/api-answer.js';
import { frenchDateTime } from '../layout/french-format.js';
import type { FormError } from './directory.view.js';

/** A risk rule of a sampling policy, as checks gives it. */
export interface PolicyRule {
  id: string;
  label: string;
  field: string;
  operator: string;
  value: unknown;
  weight: number;
}

export interface SamplingPolicy {
  procedure: string;
  version: number;
  baseRate: number;
  rules: PolicyRule[];
  floor: number;
  ceiling: number;
}

const PERCENT = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

/** A probability (0.05) as French people read it (« 5 % »). Pure. */
export function percent(rate: number): string {
  return `${PERCENT.format(rate * 100)} %`;
}

/** A probability as the value of a percentage field (0.05 → « 5 »). Pure. */
export function percentInput(rate: number): string {
  return String(Math.round(rate * 10_000) / 100);
}

/** A recorded version, as `GET /api/sampling-policies/{procedure}/versions` lists them. */
export interface PolicyVersion extends SamplingPolicy {
  createdBy: string;
  createdAt: string;
}

/** The versions before the current one, newest first, as the rows of a table. Pure. */
export function pastVersionRows(versions: PolicyVersion[], current: number) {
  return versions
    .filter((version) => version.version !== current)
    .sort((a, b) => b.version - a.version)
    .map((version) => [
      { text: String(version.version) },
      { text: `${frenchDateTime(version.createdAt)} (${version.createdBy})` },
      { text: percent(version.baseRate) },
      { text: `${percent(version.floor)} – ${percent(version.ceiling)}` },
      {
        text:
          version.rules.length === 0
            ? 'Aucune'
            : version.rules
                .map(
                  (rule) =>
                    `${rule.label} (${rule.weight >= 0 ? '+' : '−'} ${percent(Math.abs(rule.weight))})`,
                )
                .join(' ; '),
      },
    ]);
}

/** `GET /api/sampling-policies/{procedure}`: the current version and the numbers of all versions. Pure. */
export function readPolicy(body: unknown): { current: SamplingPolicy; versions: number[] } {
  const value = (body ?? {}) as { current?: SamplingPolicy; versions?: unknown };
  const current = value.current ?? {
    procedure: '',
    version: 0,
    baseRate: 0,
    rules: [],
    floor: 0,
    ceiling: 1,
  };
  const versions = Array.isArray(value.versions) ? value.versions.filter((v) => typeof v === 'number') : [];
  return { current: { ...current, rules: current.rules ?? [] }, versions };
}

const OPERATORS: Record<string, string> = {
  lt: '<',
  lte: '≤',
  gt: '>',
  gte: '≥',
  eq: '=',
  neq: '≠',
  between: 'entre',
};

function conditionText(rule: PolicyRule): string {
  const value = Array.isArray(rule.value) ? rule.value.join(' et ') : String(rule.value);
  return `${rule.field} ${OPERATORS[rule.operator] ?? rule.operator} ${value}`;
}

/** The current version as a summary list and its risk rules as table rows. Pure. */
export function policyView(policy: SamplingPolicy) {
  return {
    version: policy.version,
    summary: [
      {
        key: { text: 'Version' },
        value: {
          text: policy.version === 0 ? 'Par défaut (aucune version enregistrée)' : String(policy.version),
        },
      },
      { key: { text: 'Taux aléatoire' }, value: { text: percent(policy.baseRate) } },
      { key: { text: 'Plancher' }, value: { text: percent(policy.floor) } },
      { key: { text: 'Plafond' }, value: { text: percent(policy.ceiling) } },
    ],
    ruleRows: policy.rules.map((rule) => [
      { text: rule.label },
      { text: conditionText(rule) },
      { text: `${rule.weight >= 0 ? '+' : '−'} ${percent(Math.abs(rule.weight))}` },
    ]),
    form: {
      baseRate: percentInput(policy.baseRate),
      floor: percentInput(policy.floor),
      ceiling: percentInput(policy.ceiling),
      weights: policy.rules.map((rule, index) => ({
        id: `weight-${index}`,
        label: rule.label,
        value: percentInput(rule.weight),
      })),
    },
  };
}

function readPercent(raw: unknown, min: number): number | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return undefined;
  const value = Number(raw.trim().replace(',', '.').replace(/\s*%$/, ''));
  return Number.isFinite(value) && value >= min && value <= 100 ? value / 100 : undefined;
}

/**
 * The posted policy form (percentages, « 5 » or « 2,5 ») over the current version: the new version's request
 * (rules kept, their weights changed), or the errors next to the fields. Pure.
 */
export function readPolicyForm(
  body: unknown,
  current: SamplingPolicy,
): {
  request?: Omit<SamplingPolicy, 'procedure' | 'version'>;
  errors: FormError[];
  values: Record<string, string>;
} {
  const value = (body ?? {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const [key, raw] of Object.entries(value)) if (typeof raw === 'string') values[key] = raw;
  const errors: FormError[] = [];
  const rate = (field: string, label: string, min = 0) => {
    const read = readPercent(value[field], min);
    if (read === undefined)
      errors.push({ field, text: `${label} doit être un pourcentage entre ${min === 0 ? 0 : -100} et 100` });
    return read ?? 0;
  };
  const baseRate = rate('baseRate', 'Le taux aléatoire');
  const floor = rate('floor', 'Le plancher');
  const ceiling = rate('ceiling', 'Le plafond');
  const rules: PolicyRule[] = current.rules.flatMap((rule, index) =>
    value[`remove-${index}`] === 'oui'
      ? []
      : [{ ...rule, weight: rate(`weight-${index}`, `Le poids de « ${rule.label} »`, -100) }],
  );
  const label = typeof value.newLabel === 'string' ? value.newLabel.trim() : '';
  if (label) {
    const added = readNewRule(value, label, rules, errors);
    const weight = rate('newWeight', 'Le poids de la nouvelle règle', -100);
    if (added) rules.push({ ...added, weight });
  }
  if (errors.length === 0 && floor > ceiling)
    errors.push({ field: 'floor', text: 'Le plancher doit être inférieur ou égal au plafond' });
  if (errors.length > 0) return { errors, values };
  return { request: { baseRate, floor, ceiling, rules }, errors, values };
}

/** The comparisons a risk rule can make, as the form offers them. */
export const RULE_OPERATORS = [
  { value: 'lt', text: 'inférieur à' },
  { value: 'lte', text: 'inférieur ou égal à' },
  { value: 'gt', text: 'supérieur à' },
  { value: 'gte', text: 'supérieur ou égal à' },
  { value: 'eq', text: 'égal à' },
  { value: 'neq', text: 'différent de' },
  { value: 'between', text: 'entre (deux nombres séparés par « ; »)' },
] as const;

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

function toNumber(raw: string): number {
  return Number(raw.replace(',', '.'));
}

/** A rule's value as typed: « 90000 ; 100000 » for between, a number, oui/non, or a word. Pure. */
export function ruleValue(raw: string, operator: string): PolicyRule['value'] | undefined {
  const typed = raw.trim();
  if (operator === 'between') {
    const [low, high, ...rest] = typed.split(';').map((part) => part.trim());
    if (rest.length > 0 || !NUMBER.test(low ?? '') || !NUMBER.test(high ?? '')) return undefined;
    return toNumber(low) <= toNumber(high) ? [toNumber(low), toNumber(high)] : undefined;
  }
  if (NUMBER.test(typed)) return toNumber(typed);
  if (['lt', 'lte', 'gt', 'gte'].includes(operator)) return undefined;
  if (/^(oui|vrai|true)$/i.test(typed)) return true;
  if (/^(non|faux|false)$/i.test(typed)) return false;
  return typed === '' ? undefined : typed;
}

/** An identifier for a new rule from its label (« Déposée par un tiers » → deposee-par-un-tiers), unique. Pure. */
export function ruleId(label: string, taken: string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'regle';
  const id = base.length >= 2 ? base : `regle-${base}`;
  let unique = id;
  for (let n = 2; taken.includes(unique); n += 1) unique = `${id}-${n}`;
  return unique;
}

function readNewRule(
  value: Record<string, unknown>,
  label: string,
  rules: PolicyRule[],
  errors: FormError[],
): Omit<PolicyRule, 'weight'> | undefined {
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string).trim() : '');
  const field = text('newField');
  const operator = text('newOperator');
  const before = errors.length;
  if (!/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(field))
    errors.push({
      field: 'newField',
      text: 'Saisissez le fait du dossier lu par la règle, en un mot (par exemple monthlyResourcesCents)',
    });
  if (!RULE_OPERATORS.some((known) => known.value === operator))
    errors.push({ field: 'newOperator', text: 'Choisissez une comparaison' });
  const parsed = ruleValue(text('newValue'), operator);
  if (parsed === undefined && errors.length === before)
    errors.push({
      field: 'newValue',
      text:
        operator === 'between'
          ? 'Saisissez deux nombres séparés par « ; », le plus petit d’abord'
          : ['lt', 'lte', 'gt', 'gte'].includes(operator)
            ? 'Saisissez un nombre'
            : 'Saisissez la valeur comparée',
    });
  if (errors.length > before || parsed === undefined) return undefined;
  return {
    id: ruleId(
      label,
      rules.map((rule) => rule.id),
    ),
    label,
    field,
    operator,
    value: parsed,
  };
}

/** The API's refusal of a policy, next to the fields (`rules[2].weight` → `weight-2`). Pure. */
export function policyErrorsFromApi(details: ApiFieldError[], message: string): FormError[] {
  if (details.length === 0) return [{ field: 'baseRate', text: message }];
  return details.map((detail) => {
    const rule = /^rules\[(\d+)\]/.exec(detail.field);
    const field = rule
      ? `weight-${rule[1]}`
      : ['floor', 'ceiling', 'baseRate'].includes(detail.field)
        ? detail.field
        : 'baseRate';
    return { field, text: `${detail.field} : ${detail.reason}` };
  });
}
