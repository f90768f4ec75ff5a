import type { ApplicationFacts, Commune, CommuneDirectory, LegalDate } from '#domain';

/** What the intake rules read from configuration (see IntakeConfig). */
export interface ProcedureSettings {
  /** INSEE codes of the départements this Guichet serves (e.g. ['14']). */
  servedDepartements: string[];
  /** APCR: population municipale strictly below which a commune may file. */
  apcrPopulationThreshold: number;
  /** APCR: communes nouvelles above the threshold are admitted (2020 rules). */
  apcrAdmitCommunesNouvelles: boolean;
}

/** Everything a procedure's pure rules may look at besides the form. */
export interface ProcedureContext {
  /** Filing date in Europe/Paris. */
  today: LegalDate;
  settings: ProcedureSettings;
  communes: CommuneDirectory;
}

/** A finding of the rules on a form, tied to a field, in French. */
export interface RuleFinding {
  field: string;
  code: string;
  message: string;
}

export interface EligibilityResult {
  /** Reasons the request cannot be filed: the submission is refused with them (422). */
  refusals: RuleFinding[];
  /** Points the citizen should know, that do not block filing (e.g. works planned before the decision). */
  warnings: RuleFinding[];
}

export type SilenceMeans = 'granted' | 'rejected';
export type InfoRequestEffect = 'suspends' | 'restarts' | 'none';

export interface DeadlineRule {
  months: number;
  silenceMeans: SilenceMeans;
  /** What a request for more does to the clock: suspend it, restart it on the answer, or nothing. */
  infoRequestEffect: InfoRequestEffect;
  /** The legal basis, shown to citizens and agents ("CASF L232-14"). */
  legalBasis: string;
  /** One French sentence a citizen understands. */
  explanation: string;
}

export interface AnnualQuota {
  /** Files sharing this key count against the same limit (e.g. `14001:general`). */
  key: string;
  /** The refusal when the limit is reached, tied to a field, in French. */
  refusal: RuleFinding;
}

/** What the file hands to the other services: the commune for routing, small facts for checks (no identity). */
export interface ProcedureProjection {
  commune: Commune;
  facts: ApplicationFacts;
  /** Where the citizen wants to be written to (notifications). */
  contactEmail?: string;
  /** How the file is named in lists and the timeline ("APA — Mme Jeanne Martin"). */
  label: string;
}

/**
 * A text shown to citizens that may quote a configured figure (e.g. the APCR population threshold): either fixed,
 * or written from the settings so that it never says something the rules do not apply.
 */
export type SettingsText = string | ((settings: ProcedureSettings) => string);

export function resolveText(text: SettingsText, settings: ProcedureSettings): string {
  return typeof text === 'function' ? text(settings) : text;
}

/**
 * What every procedure declares. Adding one = one folder implementing this + one line in the registry.
 * Everything here is pure: no Nest, no I/O.
 */
export interface Procedure<F extends object = object> {
  /** Lowercase code used in URLs and events ('apa'). */
  code: string;
  /** Receipt number prefix ('APA' → APA-2026-000123). */
  receiptPrefix: string;
  title: string;
  description: SettingsText;
  formClass: new () => F;
  deadline: DeadlineRule;
  /** Rules in plain French, as shown by GET /api/procedures. */
  rules: SettingsText[];
  checkEligibility(form: F, context: ProcedureContext): EligibilityResult;
  /**
   * A limit of one file per key and calendar year (e.g. APCR: one project of each kind per commune), enforced at
   * submission against the files already filed and not refused or withdrawn.
   */
  annualQuota?(form: F): AnnualQuota;
  /** Called on an eligible form only: the commune exists. */
  project(form: F, context: ProcedureContext): ProcedureProjection;
}
