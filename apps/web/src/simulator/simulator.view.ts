import { euros } from '../layout/french-format.js';
import { centsFromEuros, type FieldError, type PostedBody, postedText } from '../forms/form-submission.js';

export interface SimulatorInput {
  gir: 1 | 2 | 3 | 4 | 'unknown';
  monthlyResourcesCents: number;
  household: 'alone' | 'couple';
  planCents?: number;
}

/** The simulator's form → the estimate request, or the errors to show next to the fields. Pure. */
export function readSimulator(body: PostedBody): { input?: SimulatorInput; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const girText = postedText(body, 'gir');
  const gir =
    girText === 'unknown'
      ? 'unknown'
      : ['1', '2', '3', '4'].includes(girText)
        ? (Number(girText) as 1 | 2 | 3 | 4)
        : undefined;
  if (!gir) errors.push({ id: 'gir', path: 'gir', text: 'Choisissez le GIR, ou « Je ne le connais pas »' });
  const household = postedText(body, 'household');
  if (household !== 'alone' && household !== 'couple') {
    errors.push({ id: 'household', path: 'household', text: 'Dites si la personne vit seule ou en couple' });
  }
  const resources = centsFromEuros(postedText(body, 'resources'));
  if (resources === undefined || resources < 0) {
    errors.push({
      id: 'resources',
      path: 'resources',
      text: 'Indiquez les ressources mensuelles en euros, par exemple 1500',
    });
  }
  const planText = postedText(body, 'plan');
  const plan = planText ? centsFromEuros(planText) : undefined;
  if (planText && (plan === undefined || plan < 0)) {
    errors.push({
      id: 'plan',
      path: 'plan',
      text: 'Le plan d’aide doit être un montant en euros, par exemple 900',
    });
  }
  if (errors.length > 0 || !gir || resources === undefined) return { errors };
  return {
    input: {
      gir,
      monthlyResourcesCents: resources,
      household: household as 'alone' | 'couple',
      ...(plan !== undefined ? { planCents: plan } : {}),
    },
    errors,
  };
}

export interface Estimate {
  gir: number;
  ceilingCents: number;
  acceptedPlanCents: number;
  participationCents: number;
  apaCents: number;
  paymentThresholdCents: number;
  paid: boolean;
}

/** One estimate explained in French. Pure. */
export function estimateView(estimate: Estimate) {
  return {
    gir: estimate.gir,
    rows: [
      { key: { text: 'Plafond mensuel du plan d’aide' }, value: { text: euros(estimate.ceilingCents) } },
      { key: { text: 'Plan d’aide retenu' }, value: { text: euros(estimate.acceptedPlanCents) } },
      { key: { text: 'Participation de la personne' }, value: { text: euros(estimate.participationCents) } },
      {
        key: { text: 'APA versée chaque mois' },
        value: {
          text: estimate.paid
            ? euros(estimate.apaCents)
            : `Rien (${euros(estimate.apaCents)} est sous le seuil de versement de ${euros(estimate.paymentThresholdCents)})`,
        },
      },
    ],
  };
}
