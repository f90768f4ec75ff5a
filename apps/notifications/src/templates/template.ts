import type { EventType } from '#domain';

/** Who a template speaks to: the citizen, a team (its mailbox and its agents), the auditors, one agent (digest). */
export type RecipientRole = 'citizen' | 'team' | 'auditor' | 'agent';

/** The pseudo-source of the agents' daily digest (not an event of the catalogue). */
export const DIGEST_SOURCE = 'notifications.digest';
export type TemplateSource = EventType | typeof DIGEST_SOURCE;

/**
 * One message model in French: a subject line, a text body and an HTML body, all Handlebars. `version` goes up with
 * every change of wording and is stored with each message, so the delivery log says which text a person received.
 */
export interface TemplateDefinition {
  source: TemplateSource;
  role: RecipientRole;
  version: number;
  subject: string;
  text: string;
  html: string;
}

export function templateKey(source: TemplateSource, role: RecipientRole): string {
  return `${source.replace(/^guichet\./, '')}/${role}`;
}

export interface RenderedMessage {
  template: string;
  version: number;
  subject: string;
  text: string;
  html: string;
}
