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
  const rules = current.rules.map((rule, index) => ({
    ...rule,
    weight: rate(`weight-${index}`, `Le poids de « ${rule.label} »`, -100),
  }));
  if (errors.length === 0 && floor > ceiling)
    errors.push({ field: 'floor', text: 'Le plancher doit être inférieur ou égal au plafond' });
  if (errors.length > 0) return { errors, values };
  return { request: { baseRate, floor, ceiling, rules }, errors, values };
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
