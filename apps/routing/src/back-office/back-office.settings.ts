import type { RoutingConfig } from '../routing.config.js';
import type { ApcrGrantLimits } from './decisions/decision.rules.js';
import { parseThresholds } from './deadlines/deadline.rules.js';

/** What the back office reads from configuration (see RoutingConfig and the README). */
export interface BackOfficeSettings {
  deadlineJobIntervalMs: number;
  warningDays: number[];
  apcr: ApcrGrantLimits;
  maxPageSize: number;
}

export const BACK_OFFICE_SETTINGS = Symbol('BACK_OFFICE_SETTINGS');

export function backOfficeSettings(config: RoutingConfig): BackOfficeSettings {
  return {
    deadlineJobIntervalMs: config.DEADLINE_JOB_INTERVAL_MS,
    warningDays: parseThresholds(config.DEADLINE_WARNING_DAYS),
    apcr: { maxRatePercent: config.APCR_MAX_RATE_PERCENT, maxGrantCents: config.APCR_MAX_GRANT_CENTS },
    maxPageSize: config.BACK_OFFICE_MAX_PAGE_SIZE,
  };
}
