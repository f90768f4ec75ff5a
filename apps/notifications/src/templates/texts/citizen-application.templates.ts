import { SUBJECTS } from '#domain';
import type { TemplateDefinition } from '../template.js';

const SIGNATURE_TEXT = '\n\nDépartement du Calvados — Guichet\nSuivre votre dossier : {{siteUrl}}';
const SIGNATURE_HTML =
  '<p>Département du Calvados — Guichet<br><a href="{{siteUrl}}">Suivre votre dossier</a></p>';

/** What the citizen (or the commune for APCR) receives about their file. */
export const CITIZEN_APPLICATION_TEMPLATES: TemplateDefinition[] = [
  {
    source: SUBJECTS.applicationSubmitted,
    role: 'citizen',
    version: 1,
    subject: 'Accusé de réception de votre demande {{receiptNumber}}',
    text: `Bonjour,

Nous avons bien reçu votre demande d’{{procedureName}}.

Numéro de dossier : {{receiptNumber}}
Date de dépôt : {{datetime submittedAt}}
Délai légal de décision : {{date decisionDeadline}}

{{#if (eq silenceMeans "granted")}}Sans décision de notre part à cette date, votre demande sera réputée acceptée.{{else}}Sans décision de notre part à cette date, votre demande sera réputée rejetée ; vous pourrez alors en demander les motifs.{{/if}}
Ce délai peut être suspendu ou recommencer si nous vous demandons des informations complémentaires.

Vous avez déposé votre demande sur l’honneur, sans pièce justificative : il pourra vous être demandé de justifier vos déclarations lors d’un contrôle.${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p>
<p>Nous avons bien reçu votre demande d’{{procedureName}}.</p>
<ul><li>Numéro de dossier : <strong>{{receiptNumber}}</strong></li>
<li>Date de dépôt : {{datetime submittedAt}}</li>
<li>Délai légal de décision : <strong>{{date decisionDeadline}}</strong></li></ul>
<p>{{#if (eq silenceMeans "granted")}}Sans décision de notre part à cette date, votre demande sera réputée acceptée.{{else}}Sans décision de notre part à cette date, votre demande sera réputée rejetée ; vous pourrez alors en demander les motifs.{{/if}}
Ce délai peut être suspendu ou recommencer si nous vous demandons des informations complémentaires.</p>
<p>Vous avez déposé votre demande sur l’honneur, sans pièce justificative : il pourra vous être demandé de justifier vos déclarations lors d’un contrôle.</p>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.applicationWithdrawn,
    role: 'citizen',
    version: 1,
    subject: 'Votre demande {{receiptNumber}} est retirée',
    text: `Bonjour,

Votre demande {{receiptNumber}} a été retirée le {{datetime withdrawnAt}}. Elle ne sera pas instruite.${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>Votre demande <strong>{{receiptNumber}}</strong> a été retirée le {{datetime withdrawnAt}}. Elle ne sera pas instruite.</p>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.applicationRouted,
    role: 'citizen',
    version: 1,
    subject: 'Votre dossier {{receiptNumber}} est confié à {{contact.name}}',
    text: `Bonjour,

Votre dossier {{receiptNumber}} est instruit par : {{contact.name}}.
{{#if contact.address}}Adresse : {{contact.address}}
{{/if}}{{#if contact.phone}}Téléphone : {{contact.phone}}
{{/if}}{{#if contact.email}}Courriel : {{contact.email}}
{{/if}}{{#if contact.hours}}Horaires : {{contact.hours}}
{{/if}}${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>Votre dossier <strong>{{receiptNumber}}</strong> est instruit par : <strong>{{contact.name}}</strong>.</p>
<ul>{{#if contact.address}}<li>Adresse : {{contact.address}}</li>{{/if}}{{#if contact.phone}}<li>Téléphone : {{contact.phone}}</li>{{/if}}{{#if contact.email}}<li>Courriel : {{contact.email}}</li>{{/if}}{{#if contact.hours}}<li>Horaires : {{contact.hours}}</li>{{/if}}</ul>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.applicationInfoRequested,
    role: 'citizen',
    version: 1,
    subject: 'Dossier {{receiptNumber}} : des informations complémentaires sont nécessaires',
    text: `Bonjour,

Pour instruire votre dossier {{receiptNumber}}, nous avons besoin des informations suivantes :

{{message}}

Merci de répondre avant le {{date answerBy}}, depuis le suivi de votre dossier.
{{label clockEffect}}${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>Pour instruire votre dossier <strong>{{receiptNumber}}</strong>, nous avons besoin des informations suivantes :</p>
<blockquote>{{message}}</blockquote>
<p>Merci de répondre avant le <strong>{{date answerBy}}</strong>, depuis le suivi de votre dossier.<br>{{label clockEffect}}</p>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.applicationDeadlineChanged,
    role: 'citizen',
    version: 1,
    subject: 'Dossier {{receiptNumber}} : nouveau délai de décision',
    text: `Bonjour,

Le délai légal de décision de votre dossier {{receiptNumber}} court désormais jusqu’au {{date decisionDeadline}}.${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>Le délai légal de décision de votre dossier <strong>{{receiptNumber}}</strong> court désormais jusqu’au <strong>{{date decisionDeadline}}</strong>.</p>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.applicationCarePlanProposed,
    role: 'citizen',
    version: 1,
    subject: 'Dossier {{receiptNumber}} : proposition de plan d’aide',
    text: `Bonjour,

À la suite de l’évaluation à domicile du {{date evaluatedOn}} (GIR {{gir}}), nous vous proposons le plan d’aide suivant :
- montant mensuel du plan d’aide : {{euros planCents}}
- votre participation mensuelle : {{euros participationCents}}
- montant mensuel de l’APA : {{euros apaCents}}
{{#if description}}
{{description}}
{{/if}}{{#if provisionalParameters}}Ces montants sont calculés avec les derniers barèmes publiés et seront revus à la publication des nouveaux.
{{/if}}
Vous avez jusqu’au {{date answerBy}} pour l’accepter ou demander des modifications (CASF R232-7). Sans réponse, la proposition est réputée refusée.${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>À la suite de l’évaluation à domicile du {{date evaluatedOn}} (GIR {{gir}}), nous vous proposons le plan d’aide suivant :</p>
<ul><li>Montant mensuel du plan d’aide : {{euros planCents}}</li><li>Votre participation mensuelle : {{euros participationCents}}</li><li>Montant mensuel de l’APA : <strong>{{euros apaCents}}</strong></li></ul>
{{#if description}}<p>{{description}}</p>{{/if}}{{#if provisionalParameters}}<p>Ces montants sont calculés avec les derniers barèmes publiés et seront revus à la publication des nouveaux.</p>{{/if}}
<p>Vous avez jusqu’au <strong>{{date answerBy}}</strong> pour l’accepter ou demander des modifications (CASF R232-7). Sans réponse, la proposition est réputée refusée.</p>${SIGNATURE_HTML}`,
  },
  {
    source: SUBJECTS.applicationDecided,
    role: 'citizen',
    version: 1,
    subject: 'Décision sur votre demande {{receiptNumber}}',
    text: `Bonjour,

Votre demande d’{{procedureName}} (dossier {{receiptNumber}}) est {{label outcome}}, par décision du {{datetime decidedAt}}.

Motifs : {{reason}}
{{#if amountCents}}Montant : {{euros amountCents}}{{#if (eq procedure "apa")}} par mois{{/if}}
{{/if}}{{#if gir}}GIR retenu : {{gir}}
{{/if}}{{#if planCents}}Plan d’aide mensuel : {{euros planCents}}, dont votre participation : {{euros participationCents}}
{{/if}}{{#if provisionalParameters}}Ces montants sont calculés avec les derniers barèmes publiés, à titre provisoire.
{{/if}}
Voies et délais de recours :
{{remedies}}${SIGNATURE_TEXT}`,
    html: `<p>Bonjour,</p><p>Votre demande d’{{procedureName}} (dossier <strong>{{receiptNumber}}</strong>) est <strong>{{label outcome}}</strong>, par décision du {{datetime decidedAt}}.</p>
<p><strong>Motifs :</strong> {{reason}}</p>
<ul>{{#if amountCents}}<li>Montant : <strong>{{euros amountCents}}</strong>{{#if (eq procedure "apa")}} par mois{{/if}}</li>{{/if}}{{#if gir}}<li>GIR retenu : {{gir}}</li>{{/if}}{{#if planCents}}<li>Plan d’aide mensuel : {{euros planCents}}, dont votre participation : {{euros participationCents}}</li>{{/if}}</ul>
{{#if provisionalParameters}}<p>Ces montants sont calculés avec les derniers barèmes publiés, à titre provisoire.</p>{{/if}}
<h3>Voies et délais de recours</h3><p>{{remedies}}</p>${SIGNATURE_HTML}`,
  },
];
