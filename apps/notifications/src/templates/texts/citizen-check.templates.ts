import { SUBJECTS } from '#domain';
import type { TemplateDefinition } from '../template.js';

const SIGNATURE_TEXT =
  '\n\nDépartement du Calvados — Service du contrôle\nSuivre votre dossier : {{siteUrl}}';
const SIGNATURE_HTML =
  '<p>Département du Calvados — Service du contrôle<br><a href="{{siteUrl}}">Suivre votre dossier</a></p>';

/** What the citizen receives about an after-the-fact control of their file (contrôle a posteriori). */
export const CITIZEN_CHECK_TEMPLATES: TemplateDefinition[] = [
  {
    source: SUBJECTS.checkOpened,
    role: 'citizen',
    version: 1,
    subject: 'Dossier {{receiptNumber}} : contrôle de vos déclarations',
    text: `Bonjour,

Votre dossier {{receiptNumber}} a été retenu pour un contrôle a posteriori des déclarations faites sur l’honneur. Ce contrôle est courant et ne présume d’aucune erreur.
Nous vous indiquerons, s’il y a lieu, les pièces à nous transmettre et le délai pour le faire.${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>Votre dossier <strong>{{receiptNumber}}</strong> a été retenu pour un contrôle a posteriori des déclarations faites sur l’honneur. Ce contrôle est courant et ne présume d’aucune erreur.</p>
<p>Nous vous indiquerons, s’il y a lieu, les pièces à nous transmettre et le délai pour le faire.</p>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.checkEvidenceRequested,
    role: 'citizen',
    version: 1,
    subject: 'Dossier {{receiptNumber}} : pièces justificatives à transmettre avant le {{date dueDate}}',
    text: `Bonjour,

Dans le cadre du contrôle de votre dossier {{receiptNumber}}, merci de nous transmettre avant le {{date dueDate}} :
{{#each evidence}}- {{this}}
{{/each}}
{{message}}

Vous pouvez les déposer depuis le suivi de votre dossier. Une erreur commise de bonne foi peut être rectifiée sans sanction (droit à l’erreur).${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>Dans le cadre du contrôle de votre dossier <strong>{{receiptNumber}}</strong>, merci de nous transmettre avant le <strong>{{date dueDate}}</strong> :</p>
<ul>{{#each evidence}}<li>{{this}}</li>{{/each}}</ul><p>{{message}}</p>
<p>Vous pouvez les déposer depuis le suivi de votre dossier. Une erreur commise de bonne foi peut être rectifiée sans sanction (droit à l’erreur).</p>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.checkEvidenceReminder,
    role: 'citizen',
    version: 1,
    subject: 'Rappel — dossier {{receiptNumber}} : pièces attendues avant le {{date dueDate}}',
    text: `Bonjour,

Nous n’avons pas encore reçu les pièces demandées pour le contrôle de votre dossier {{receiptNumber}}. Merci de les transmettre avant le {{date dueDate}}.${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>Nous n’avons pas encore reçu les pièces demandées pour le contrôle de votre dossier <strong>{{receiptNumber}}</strong>. Merci de les transmettre avant le <strong>{{date dueDate}}</strong>.</p>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.checkConclusionProposed,
    role: 'citizen',
    version: 1,
    subject: 'Dossier {{receiptNumber}} : conclusion envisagée du contrôle — vos observations',
    text: `Bonjour,

À l’issue du contrôle de votre dossier {{receiptNumber}}, nous envisageons de conclure : {{label proposedOutcome}}.
Motifs : {{reason}}
{{#if overpaymentCents}}Montant de l’indu envisagé : {{euros overpaymentCents}}
{{/if}}{{#if evidenceMissing}}Les pièces demandées ne nous sont pas parvenues dans le délai.
{{/if}}
Vous pouvez présenter vos observations avant le {{date answerBy}}, depuis le suivi de votre dossier. Nous n’arrêterons notre conclusion qu’après ce délai.${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>À l’issue du contrôle de votre dossier <strong>{{receiptNumber}}</strong>, nous envisageons de conclure : <strong>{{label proposedOutcome}}</strong>.</p>
<p><strong>Motifs :</strong> {{reason}}</p>{{#if overpaymentCents}}<p>Montant de l’indu envisagé : {{euros overpaymentCents}}</p>{{/if}}{{#if evidenceMissing}}<p>Les pièces demandées ne nous sont pas parvenues dans le délai.</p>{{/if}}
<p>Vous pouvez présenter vos observations avant le <strong>{{date answerBy}}</strong>, depuis le suivi de votre dossier. Nous n’arrêterons notre conclusion qu’après ce délai.</p>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.checkConcluded,
    role: 'citizen',
    version: 1,
    subject: 'Dossier {{receiptNumber}} : conclusion du contrôle',
    text: `Bonjour,

Le contrôle de votre dossier {{receiptNumber}} est terminé : {{label outcome}}.
Motifs : {{reason}}
{{#if overpaymentCents}}Indu constaté : {{euros overpaymentCents}}
{{/if}}{{#if recoverableCents}}Montant à récupérer : {{euros recoverableCents}}{{#if maxDeductionPerPaymentCents}}, retenu au plus {{euros maxDeductionPerPaymentCents}} par versement{{/if}}
{{/if}}{{#if recoveryTimeBarredOn}}Prescription de l’action en récupération : {{date recoveryTimeBarredOn}}
{{/if}}{{#if remedies}}
Voies et délais de recours :
{{remedies}}
{{/if}}${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>Le contrôle de votre dossier <strong>{{receiptNumber}}</strong> est terminé : <strong>{{label outcome}}</strong>.</p>
<p><strong>Motifs :</strong> {{reason}}</p>
<ul>{{#if overpaymentCents}}<li>Indu constaté : {{euros overpaymentCents}}</li>{{/if}}{{#if recoverableCents}}<li>Montant à récupérer : {{euros recoverableCents}}{{#if maxDeductionPerPaymentCents}}, retenu au plus {{euros maxDeductionPerPaymentCents}} par versement{{/if}}</li>{{/if}}{{#if recoveryTimeBarredOn}}<li>Prescription de l’action en récupération : {{date recoveryTimeBarredOn}}</li>{{/if}}</ul>
{{#if remedies}}<h3>Voies et délais de recours</h3><p>{{remedies}}</p>{{/if}}${SIGNATURE_HTML}`,
  },
];
