import { APA_RULES } from './apa-parameters.js';
import { Ratio } from './ratio.js';

const rules = APA_RULES.participation;
const ratio = (text: string) => Ratio.decimal(text);

/** 'alone' or 'couple' (married, PACS or living together): a couple's resources are divided by 1.7. */
export type Household = 'alone' | 'couple';

/** CASF R232-11: the resources R that enter the scale, exact, in cents. */
export function resourcesOnScale(monthlyResourcesCents: number, household: Household): Ratio {
  const resources = Ratio.integer(monthlyResourcesCents);
  return household === 'couple' ? resources.dividedBy(ratio(rules.coupleDivisor)) : resources;
}

/**
 * CASF R232-11: the beneficiary's monthly participation P, exact (in cents, not rounded).
 * R ≤ S1 ⇒ 0; R > S2 ⇒ 0.9 × A; otherwise x = (R − S1)/(S2 − S1) and
 * P = 0.9·x·[A1 + A2·(0.6x + 0.4) + A3·(0.8x + 0.2)], capped at 0.9 × A,
 * with A1/A2/A3 the parts of A up to 0.317 × MTP, between 0.317 and 0.498 × MTP, and above.
 */
export function participation(acceptedPlan: Ratio, resources: Ratio, mtp: Ratio): Ratio {
  const lowerThreshold = mtp.times(ratio(rules.lowerThresholdMtp));
  const upperThreshold = mtp.times(ratio(rules.upperThresholdMtp));
  const maximum = acceptedPlan.times(ratio(rules.maximumRate));
  if (resources.compare(lowerThreshold) <= 0) return Ratio.ZERO;
  if (resources.compare(upperThreshold) > 0) return maximum;

  const x = resources.minus(lowerThreshold).dividedBy(upperThreshold.minus(lowerThreshold));
  const { first, second, third } = planBands(acceptedPlan, mtp);
  const weighted = first
    .plus(second.times(x.times(ratio(rules.secondBandSlope)).plus(ratio(rules.secondBandBase))))
    .plus(third.times(x.times(ratio(rules.thirdBandSlope)).plus(ratio(rules.thirdBandBase))));
  return ratio(rules.maximumRate).times(x).times(weighted).min(maximum);
}

/** A1, A2, A3: the parts of the plan below 0.317 × MTP, between 0.317 and 0.498 × MTP, and above. */
export function planBands(acceptedPlan: Ratio, mtp: Ratio): { first: Ratio; second: Ratio; third: Ratio } {
  const firstCut = mtp.times(ratio(rules.firstCutMtp));
  const secondCut = mtp.times(ratio(rules.secondCutMtp));
  return {
    first: acceptedPlan.min(firstCut),
    second: acceptedPlan.min(secondCut).minus(firstCut).max(Ratio.ZERO),
    third: acceptedPlan.minus(secondCut).max(Ratio.ZERO),
  };
}
