import { SUBJECTS } from '#domain';
import { DIGEST_SOURCE, type TemplateDefinition } from '../template.js';

const FOOTER_TEXT = '\n\nGuichet — back-office : {{siteUrl}}';
const FOOTER_HTML = '<p><a href="{{siteUrl}}">Guichet — back-office</a></p>';

/** What teams, agents and auditors receive. */
export const STAFF_TEMPLATES: TemplateDefinition[] = [
  {
    source: SUBJECTS.applicationRouted,
    role: 'team',
    version: 1,
    subject: '[{{teamName}}] Nouveau dossier {{receiptNumber}}',
    text: `Un nouveau dossier d’{{procedureName}} est arrivé dans la bannette de {{teamName}} : {{receiptNumber}}.
Orientation : {{reason}}{{#if defaultTeam}}
Aucune règle ne couvrait ce dossier : il a été confié à l’équipe par défaut, à vérifier.{{/if}}${FOOTER_TEXT}`,
    html: `<p>Un nouveau dossier d’{{procedureName}} est arrivé dans la bannette de {{teamName}} : <strong>{{receiptNumber}}</strong>.</p>
<p>Orientation : {{reason}}</p>{{#if defaultTeam}}<p><strong>Aucune règle ne couvrait ce dossier : il a été confié à l’équipe par défaut, à vérifier.</strong></p>{{/if}}${FOOTER_HTML}`,
  },
  {
    source: SUBJECTS.applicationAssigned,
    role: 'team',
    version: 1,
    subject: 'Le dossier {{receiptNumber}} vous est confié',
    text: `Bonjour {{recipientName}},

Le dossier {{receiptNumber}} ({{procedureName}}) vous est confié depuis le {{datetime assignedAt}}.${FOOTER_TEXT}`,
    html: `<p>Bonjour {{recipientName}},</p><p>Le dossier <strong>{{receiptNumber}}</strong> ({{procedureName}}) vous est confié depuis le {{datetime assignedAt}}.</p>${FOOTER_HTML}`,
  },
  {
    source: SUBJECTS.applicationComplemented,
    role: 'team',
    version: 1,
    subject: '[{{teamName}}] Réponse du demandeur — dossier {{receiptNumber}}',
    text: `Le demandeur a répondu à la demande d’informations sur le dossier {{receiptNumber}} le {{datetime complementedAt}}.
{{#if answer}}
Sa réponse :
{{answer}}
{{/if}}{{#if decisionDeadline}}Nouveau délai de décision : {{date decisionDeadline}}{{/if}}${FOOTER_TEXT}`,
    html: `<p>Le demandeur a répondu à la demande d’informations sur le dossier <strong>{{receiptNumber}}</strong> le {{datetime complementedAt}}.</p>
{{#if answer}}<blockquote>{{answer}}</blockquote>{{/if}}{{#if decisionDeadline}}<p>Nouveau délai de décision : {{date decisionDeadline}}</p>{{/if}}${FOOTER_HTML}`,
  },
  {
    source: SUBJECTS.applicationDeadlineApproaching,
    role: 'team',
    version: 1,
    subject: '[{{teamName}}] Échéance dans {{daysLeft}} jour(s) — dossier {{receiptNumber}}',
    text: `Le délai légal de décision du dossier {{receiptNumber}} ({{procedureName}}) expire le {{date decisionDeadline}} : il reste {{daysLeft}} jour(s).
Sans décision à cette date, la règle du silence s’appliquera.${FOOTER_TEXT}`,
    html: `<p>Le délai légal de décision du dossier <strong>{{receiptNumber}}</strong> ({{procedureName}}) expire le <strong>{{date decisionDeadline}}</strong> : il reste {{daysLeft}} jour(s).</p>
<p>Sans décision à cette date, la règle du silence s’appliquera.</p>${FOOTER_HTML}`,
  },
  {
    source: SUBJECTS.applicationCarePlanAnswered,
    role: 'team',
    version: 1,
    subject: '[{{teamName}}] Plan d’aide {{label answer}} — dossier {{receiptNumber}}',
    text: `Le bénéficiaire a répondu le {{datetime answeredAt}} à la proposition de plan d’aide du dossier {{receiptNumber}} : {{label answer}}.
{{#if comment}}{{comment}}{{/if}}${FOOTER_TEXT}`,
    html: `<p>Le bénéficiaire a répondu le {{datetime answeredAt}} à la proposition de plan d’aide du dossier <strong>{{receiptNumber}}</strong> : <strong>{{label answer}}</strong>.</p>
{{#if comment}}<blockquote>{{comment}}</blockquote>{{/if}}${FOOTER_HTML}`,
  },
  {
    source: SUBJECTS.checkEvidenceReceived,
    role: 'auditor',
    version: 1,
    subject: 'Contrôle du dossier {{receiptNumber}} : pièces reçues',
    text: `Les pièces du contrôle du dossier {{receiptNumber}} sont arrivées le {{datetime receivedAt}} :
{{#each documents}}- {{this}}
{{/each}}${FOOTER_TEXT}`,
    html: `<p>Les pièces du contrôle du dossier <strong>{{receiptNumber}}</strong> sont arrivées le {{datetime receivedAt}} :</p>
<ul>{{#each documents}}<li>{{this}}</li>{{/each}}</ul>${FOOTER_HTML}`,
  },
  {
    source: SUBJECTS.checkConclusionAnswered,
    role: 'auditor',
    version: 1,
    subject: 'Contrôle du dossier {{receiptNumber}} : observations du demandeur',
    text: `Le demandeur a présenté ses observations sur la conclusion envisagée du contrôle du dossier {{receiptNumber}} le {{datetime answeredAt}} :

{{answer}}${FOOTER_TEXT}`,
    html: `<p>Le demandeur a présenté ses observations sur la conclusion envisagée du contrôle du dossier <strong>{{receiptNumber}}</strong> le {{datetime answeredAt}} :</p>
<blockquote>{{answer}}</blockquote>${FOOTER_HTML}`,
  },
  {
    source: DIGEST_SOURCE,
    role: 'agent',
    version: 1,
    subject: 'Guichet — votre récapitulatif du {{date day}}',
    text: `Bonjour {{recipientName}},
{{#if newFiles.length}}
Nouveaux dossiers dans vos équipes :
{{#each newFiles}}- {{receiptNumber}} ({{teamName}}) : délai de décision le {{decisionDeadline}}
{{/each}}{{/if}}{{#if deadlines.length}}
Échéances proches :
{{#each deadlines}}- {{receiptNumber}} ({{teamName}}) : {{daysLeft}} jour(s), le {{decisionDeadline}}
{{/each}}{{/if}}${FOOTER_TEXT}`,
    html: `<p>Bonjour {{recipientName}},</p>
{{#if newFiles.length}}<h3>Nouveaux dossiers dans vos équipes</h3><ul>{{#each newFiles}}<li><strong>{{receiptNumber}}</strong> ({{teamName}}) : délai de décision le {{decisionDeadline}}</li>{{/each}}</ul>{{/if}}
{{#if deadlines.length}}<h3>Échéances proches</h3><ul>{{#each deadlines}}<li><strong>{{receiptNumber}}</strong> ({{teamName}}) : {{daysLeft}} jour(s), le {{decisionDeadline}}</li>{{/each}}</ul>{{/if}}${FOOTER_HTML}`,
  },
];
