export {
  estimateApa,
  estimateForUnknownGir,
  flatRate,
  girCeiling,
  provisionalParametersWarning,
} from './apa-calculator.js';
export type { ApaEstimate, ApaEstimateInput } from './apa-calculator.js';
export {
  APA_PARAMETERS,
  APA_RULES,
  ApaParametersUnknown,
  GIRS,
  defineApaParameters,
  legalDateFault,
  nextExpectedRevaluation,
  parametersAreProvisional,
  parametersOn,
} from './apa-parameters.js';
export type { ApaParameters, ApaParametersEntry, Gir } from './apa-parameters.js';
export type { Household } from './apa-participation.js';
export { cents, euros } from './money.js';
export type { Cents } from './money.js';
