import {
  pastVersionRows,
  percent,
  policyErrorsFromApi,
  policyView,
  readPolicy,
  readPolicyForm,
  ruleId,
  ruleValue,
  type SamplingPolicy,
} from './policies.view.js';

const current: SamplingPolicy = {
  procedure: 'apa',
  version: 2,
  baseRate: 0.05,
  floor: 0.02,
  ceiling: 0.6,
  rules: [
    {
      id: 'near',
      label: 'Ressources juste sous un seuil',
      field: 'monthlyResourcesCents',
      operator: 'between',
      value: [90000, 100000],
      weight: 0.15,
    },
  ],
};

describe('policies view', () => {
  it('writes probabilities as French percentages (comma, space before %)', () => {
    expect(percent(0.05)).toBe('5 %');
    expect(percent(0.025)).toBe('2,5 %');
    expect(percent(1)).toBe('100 %');
  });

  it('shows the current version and its rules, with the form filled in percentages', () => {
    const view = policyView(current);
    expect(view.summary.map((row) => row.value.text)).toEqual(['2', '5 %', '2 %', '60 %']);
    expect(view.ruleRows).toEqual([
      [
        { text: 'Ressources juste sous un seuil' },
        { text: 'monthlyResourcesCents entre 90000 et 100000' },
        { text: '+ 15 %' },
      ],
    ]);
    expect(view.form).toEqual({
      baseRate: '5',
      floor: '2',
      ceiling: '60',
      weights: [{ id: 'weight-0', label: 'Ressources juste sous un seuil', value: '15' }],
    });
  });

  it('lists the versions before the current one, newest first, with their date, author, rates and rules', () => {
    const at = '2026-12-01T09:00:00.000Z';
    const rows = pastVersionRows(
      [
        { ...current, version: 1, baseRate: 0.1, rules: [], createdBy: 'admin-1', createdAt: at },
        { ...current, createdBy: 'admin-2', createdAt: at },
        { ...current, version: 3, createdBy: 'admin-3', createdAt: at },
      ],
      3,
    );
    expect(rows.map((row) => row[0].text)).toEqual(['2', '1']);
    expect(rows[0][1].text).toContain('(admin-2)');
    expect(rows[0].slice(2).map((cell) => cell.text)).toEqual([
      '5 %',
      '2 % – 60 %',
      'Ressources juste sous un seuil (+ 15 %)',
    ]);
    expect(rows[1][4].text).toBe('Aucune');
  });

  it('reads a missing answer as the default version 0', () => {
    expect(readPolicy(undefined).current.version).toBe(0);
    expect(readPolicy({ current, versions: [1, 2] }).versions).toEqual([1, 2]);
  });

  it('turns the percentages of the form into probabilities, keeping the rules and changing their weights', () => {
    const { request, errors } = readPolicyForm(
      { baseRate: '100', floor: '2,5', ceiling: '100', 'weight-0': '-10' },
      current,
    );
    expect(errors).toEqual([]);
    expect(request).toEqual({
      baseRate: 1,
      floor: 0.025,
      ceiling: 1,
      rules: [{ ...current.rules[0], weight: -0.1 }],
    });
  });

  it('names each wrong field, and a floor above the ceiling', () => {
    expect(
      readPolicyForm({ baseRate: '120', floor: '2', ceiling: '', 'weight-0': 'x' }, current).errors.map(
        (e) => e.field,
      ),
    ).toEqual(['baseRate', 'ceiling', 'weight-0']);
    expect(
      readPolicyForm({ baseRate: '5', floor: '50', ceiling: '10', 'weight-0': '0' }, current).errors,
    ).toEqual([{ field: 'floor', text: 'Le plancher doit être inférieur ou égal au plafond' }]);
  });

  it('puts a refused rule next to its weight field', () => {
    expect(policyErrorsFromApi([{ field: 'rules[0].weight', reason: 'trop grand' }], 'm')).toEqual([
      { field: 'weight-0', text: 'rules[0].weight : trop grand' },
    ]);
  });

  it('removes a ticked rule and adds a new one from its label, fact, comparison, value and weight', () => {
    const { request, errors } = readPolicyForm(
      {
        baseRate: '5',
        floor: '0',
        ceiling: '100',
        'weight-0': '15',
        'remove-0': 'oui',
        newLabel: 'Déposée par un tiers',
        newField: 'filedBy',
        newOperator: 'eq',
        newValue: 'third_party',
        newWeight: '10',
      },
      current,
    );
    expect(errors).toEqual([]);
    expect(request?.rules).toEqual([
      {
        id: 'deposee-par-un-tiers',
        label: 'Déposée par un tiers',
        field: 'filedBy',
        operator: 'eq',
        value: 'third_party',
        weight: 0.1,
      },
    ]);
  });

  it('names what is wrong in a new rule', () => {
    const base = {
      baseRate: '5',
      floor: '0',
      ceiling: '100',
      'weight-0': '15',
      newLabel: 'X',
      newWeight: '5',
    };
    expect(
      readPolicyForm({ ...base, newField: 'a b', newOperator: '' }, current).errors.map((e) => e.field),
    ).toEqual(['newField', 'newOperator']);
    expect(
      readPolicyForm({ ...base, newField: 'age', newOperator: 'between', newValue: '90 ; 80' }, current)
        .errors,
    ).toEqual([
      { field: 'newValue', text: 'Saisissez deux nombres séparés par « ; », le plus petit d’abord' },
    ]);
  });

  it('reads a rule value by its comparison: two numbers for between, numbers for lt/gt, oui/non, a word', () => {
    expect(ruleValue('90000 ; 100000', 'between')).toEqual([90000, 100000]);
    expect(ruleValue('2,5', 'lt')).toBe(2.5);
    expect(ruleValue('beaucoup', 'gt')).toBeUndefined();
    expect(ruleValue('Oui', 'eq')).toBe(true);
    expect(ruleValue('non', 'neq')).toBe(false);
    expect(ruleValue('third_party', 'eq')).toBe('third_party');
    expect(ruleValue(' ', 'eq')).toBeUndefined();
  });

  it('makes a unique identifier from a rule label', () => {
    expect(ruleId('Ressources juste sous un seuil !', [])).toBe('ressources-juste-sous-un-seuil');
    expect(ruleId('Âge', ['age'])).toBe('age-2');
    expect(ruleId('?', [])).toBe('regle');
  });
});
