import type { Procedure } from '../../src/procedures/procedure.js';
import { EngineeringForm } from './engineering.form.js';

/** A third procedure, added as a folder and passed to the registry: nothing else in intake changes. */
export const engineeringProcedure: Procedure<EngineeringForm> = {
  code: 'ingenierie',
  receiptPrefix: 'ING',
  title: 'Demande d’ingénierie territoriale (EPCI)',
  description: 'Un EPCI sollicite l’appui technique du département.',
  formClass: EngineeringForm,
  deadline: {
    months: 1,
    silenceMeans: 'rejected',
    infoRequestEffect: 'none',
    legalBasis: 'test',
    explanation: 'Réponse sous un mois.',
  },
  rules: ['La commune doit appartenir à un EPCI.'],
  checkEligibility(form, context) {
    const commune = context.communes.find(form.communeInsee);
    const refusals = commune?.epci
      ? []
      : [
          {
            field: 'communeInsee',
            code: 'NO_EPCI',
            message: 'Cette commune n’appartient à aucun EPCI connu.',
          },
        ];
    return { refusals, warnings: [] };
  },
  project(form, context) {
    const commune = context.communes.find(form.communeInsee);
    if (!commune) throw new Error('project() is only called on an eligible form');
    return { commune, facts: { epci: commune.epci?.code ?? '' }, label: `Ingénierie — ${form.subject}` };
  },
};
