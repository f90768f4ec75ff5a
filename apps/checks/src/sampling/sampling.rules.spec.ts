import {
  drawFor,
  policyProblems,
  type SamplingPolicy,
  select,
  selectionProbability,
} from './sampling.rules.js';

/** A policy in the spirit of DOMAIN.md §3: a random part plus risk targeting, bounded. */
const POLICY: SamplingPolicy = {
  procedure: 'apa',
  version: 1,
  baseRate: 0.05,
  floor: 0.02,
  ceiling: 0.6,
  rules: [
    {
      id: 'resources-near-threshold',
      label: 'Ressources juste sous un seuil',
      field: 'monthlyResourcesCents',
      operator: 'between',
      value: [90_000, 100_000],
      weight: 0.15,
    },
    {
      id: 'third-party-filer',
      label: 'Déposée par un tiers',
      field: 'filedBy',
      operator: 'eq',
      value: 'third_party',
      weight: 0.1,
    },
  ],
};
const KEY = 'campagne-2026-calvados';

/** A deterministic stream of pseudo-random numbers (mulberry32): the same synthetic files on every run. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function syntheticId(index: number): string {
  const hex = index.toString(16).padStart(12, '0');
  return `0190a000-0000-7000-8000-${hex}`;
}

describe('sampling (DOMAIN.md §3: random part plus risk targeting, explainable and reproducible)', () => {
  it('draws 100 000 synthetic files: the selection rate of each stratum lies in the binomial 99 % interval of its probability', () => {
    const random = prng(42);
    const strata = new Map<string, { probability: number; files: number; selected: number }>();
    for (let index = 0; index < 100_000; index++) {
      const facts = {
        monthlyResourcesCents: Math.floor(random() * 300_000),
        filedBy: random() < 0.3 ? 'third_party' : 'self',
      };
      const selection = select(POLICY, KEY, syntheticId(index), facts);
      const stratum = strata.get(selection.stratum) ?? {
        probability: selection.probability,
        files: 0,
        selected: 0,
      };
      expect(selection.probability).toBe(stratum.probability); // one probability per stratum
      stratum.files += 1;
      if (selection.selected) stratum.selected += 1;
      strata.set(selection.stratum, stratum);
    }
    expect([...strata.keys()].sort()).toEqual([
      'aléatoire',
      'resources-near-threshold',
      'resources-near-threshold+third-party-filer',
      'third-party-filer',
    ]);
    for (const [, { probability, files, selected }] of strata) {
      const halfWidth = 2.576 * Math.sqrt((probability * (1 - probability)) / files);
      expect(Math.abs(selected / files - probability)).toBeLessThanOrEqual(halfWidth);
    }
    expect(strata.get('aléatoire')?.probability).toBeCloseTo(0.05);
    expect(strata.get('resources-near-threshold+third-party-filer')?.probability).toBeCloseTo(0.3);
  });

  it('gives the same file the same draw, always; another key gives another draw', () => {
    const id = syntheticId(7);
    expect(drawFor(KEY, id)).toBe(drawFor(KEY, id));
    expect(drawFor(KEY, id)).not.toBe(drawFor('another-campaign', id));
    expect(drawFor(KEY, id)).toBeGreaterThanOrEqual(0);
    expect(drawFor(KEY, id)).toBeLessThan(1);
  });

  it('a policy change does not change a selection made under the previous version', () => {
    const id = syntheticId(12);
    const facts = { monthlyResourcesCents: 95_000, filedBy: 'self' };
    const before = select(POLICY, KEY, id, facts);
    const stricter: SamplingPolicy = { ...POLICY, version: 2, baseRate: 1, floor: 1, ceiling: 1 };
    expect(select(stricter, KEY, id, facts)).toMatchObject({ policyVersion: 2, selected: true });
    expect(select(POLICY, KEY, id, facts)).toEqual(before); // recomputed from the recorded version: the same proof
  });

  it('bounds the probability by the floor and the ceiling, and names the factors', () => {
    const heavy: SamplingPolicy = {
      ...POLICY,
      rules: POLICY.rules.map((rule) => ({ ...rule, weight: 0.5 })),
    };
    expect(selectionProbability(heavy, { monthlyResourcesCents: 95_000, filedBy: 'third_party' })).toEqual({
      probability: 0.6,
      factors: { 'resources-near-threshold': 0.5, 'third-party-filer': 0.5 },
    });
    const negative: SamplingPolicy = { ...POLICY, rules: [{ ...POLICY.rules[1], weight: -0.5 }] };
    expect(selectionProbability(negative, { filedBy: 'third_party' }).probability).toBe(0.02);
  });

  it('names what is wrong with a policy', () => {
    expect(policyProblems(POLICY)).toEqual([]);
    const bad = {
      ...POLICY,
      baseRate: 1.5,
      floor: 0.7,
      rules: [{ ...POLICY.rules[0], value: 3 }, { ...POLICY.rules[0] }],
    };
    expect(policyProblems(bad).map((problem) => problem.field)).toEqual([
      'baseRate',
      'floor',
      'rules[0].value',
      'rules[1].id',
    ]);
  });
});
