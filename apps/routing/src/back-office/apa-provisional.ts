import * as domain from '#domain';
import type { ApaEstimate } from '#domain';

/**
 * Whether APA amounts on `date` rest on parameters (MTP, SMIC) past the last known revaluation, hence provisional.
 *
 * TODO(lead): the intake worktree adds `parametersAreProvisional(date)` and `ApaEstimate.provisional` to
 * libs/domain/apa. Once merged, replace these two helpers by a direct import / `estimate.provisional`. Until then
 * they read the function if present and answer false otherwise (routing does not re-implement the rule).
 */
export function parametersAreProvisional(date: string): boolean {
  const rule = (domain as unknown as { parametersAreProvisional?: (date: string) => boolean })
    .parametersAreProvisional;
  return rule ? rule(date) : false;
}

export function estimateIsProvisional(estimate: ApaEstimate, date: string): boolean {
  const flag = (estimate as ApaEstimate & { provisional?: boolean }).provisional;
  return flag ?? parametersAreProvisional(date);
}
