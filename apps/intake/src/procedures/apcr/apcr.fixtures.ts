import { addDays, addMonths, parisDate } from '#domain';
import type { LegalDate } from '#domain';
import type { ApcrForm } from './apcr.form.js';

/**
 * A complete APCR request that every rule accepts without a warning, as the plain data a front end sends: Ablon
 * (14001, 1 166 inhabitants) re-roofs its church. Cost 24 000 € HT = 12 000 € asked + 6 000 € own funds + 6 000 €
 * from the State, so the commune funds 25 % of the public financing. The dates follow `today` (by default the date
 * in Paris): deliberation a month ago, works 4 months ahead, after the expected decision (2 months).
 */
export function validApcrFormData(today: LegalDate = parisDate(new Date())): ApcrForm {
  return {
    commune: { inseeCode: '14001' },
    filer: {
      firstName: 'Hélène',
      lastName: 'Lemaître',
      role: 'maire',
      email: 'mairie@ablon.example.fr',
      phone: '02 31 00 00 00',
    },
    project: {
      category: 'general',
      title: 'Réfection de la toiture de l’église Saint-Pierre',
      description:
        'Remplacement des ardoises et de la charpente du bas-côté nord, endommagés par la tempête.',
      costExcludingTaxCents: 2_400_000,
      plannedStartDate: addMonths(today, 4),
    },
    financing: {
      requestedAmountCents: 1_200_000,
      ownFundingCents: 600_000,
      otherGrants: [{ funder: 'État — DETR', amountCents: 600_000, status: 'requested' }],
    },
    councilDeliberationDate: addDays(today, -30),
  };
}
