import { apaProcedure } from './apa/apa.procedure.js';
import { apcrProcedure } from './apcr/apcr.procedure.js';
import type { Procedure } from './procedure.js';

/** The procedures this Guichet offers. Adding one = its folder + one line here. */
export const DEFAULT_PROCEDURES: readonly Procedure[] = [apaProcedure, apcrProcedure] as readonly Procedure[];

export const PROCEDURES = Symbol('PROCEDURES');
