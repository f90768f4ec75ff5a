import { plainToInstance } from 'class-transformer';
import { ApcrForm } from './apcr.form.js';
import { validApcrFormData } from './apcr.fixtures.js';
import { apcrProcedure } from './apcr.procedure.js';

function quotaKeyOf(category: string): string | undefined {
  const data = validApcrFormData('2026-11-23');
  const form = plainToInstance(ApcrForm, { ...data, project: { ...data.project, category } });
  return apcrProcedure.annualQuota?.(form).key;
}

describe('APCR annual limit: one project of each kind per commune and year', () => {
  it('counts energy renovation and digital projects under one limit', () => {
    expect(quotaKeyOf('energy_renovation')).toBe(quotaKeyOf('digital'));
  });

  it('keeps general and fire defence projects apart, per commune', () => {
    expect(quotaKeyOf('general')).toBe('14001:general');
    expect(quotaKeyOf('fire_defence')).toBe('14001:fire-defence');
  });
});
