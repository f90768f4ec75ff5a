import { addDays, type LegalDate } from '#domain';

/** CASF R232-7: the care plan is proposed within 30 days of the complete file. */
export const CARE_PLAN_DUE_DAYS = 30;
/** CASF R232-7: the beneficiary has 10 days to answer the proposed plan. */
export const CARE_PLAN_ANSWER_DAYS = 10;

export function carePlanDueOn(completeOn: LegalDate): LegalDate {
  return addDays(completeOn, CARE_PLAN_DUE_DAYS);
}

export function carePlanAnswerBy(proposedOn: LegalDate): LegalDate {
  return addDays(proposedOn, CARE_PLAN_ANSWER_DAYS);
}

/** The answer counts when given on or before `answerBy` (a calendar day, Europe/Paris). */
export function answeredInTime(answeredOn: LegalDate, answerBy: LegalDate): boolean {
  return answeredOn <= answerBy;
}

/** CASF R232-7: no answer by the end of `answerBy` counts as a refusal of the plan. */
export function silenceRefusesPlan(today: LegalDate, answerBy: LegalDate): boolean {
  return today > answerBy;
}
