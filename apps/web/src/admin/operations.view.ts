import { frenchDateTime } from '../layout/french-format.js';

/** The services that park dead letters, in the order of the work, with their French names. */
export const DEAD_LETTER_SERVICES = [
  { code: 'intake', name: 'Dépôt des demandes (intake)' },
  { code: 'routing', name: 'Orientation et instruction (routing)' },
  { code: 'checks', name: 'Contrôles (checks)' },
  { code: 'notifications', name: 'Notifications' },
] as const;

export type DeadLetterService = (typeof DEAD_LETTER_SERVICES)[number]['code'];

export function isDeadLetterService(value: string): value is DeadLetterService {
  return DEAD_LETTER_SERVICES.some((service) => service.code === value);
}

export interface DeadLetter {
  id: string;
  consumer: string;
  subject: string;
  error: string;
  deliveries: number;
  parkedAt: string;
}

function itemsOf(body: unknown): Record<string, unknown>[] {
  const items = (body as { items?: unknown } | undefined)?.items;
  return Array.isArray(items)
    ? items.filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
    : [];
}

/** `GET /api/admin/<service>/dead-letters`: the parked letters. Pure. */
export function readDeadLetters(body: unknown): DeadLetter[] {
  return itemsOf(body).filter((item) => typeof item.id === 'string') as unknown as DeadLetter[];
}

/** One service's section of the dead letters page. Pure. */
export function deadLetterSection(code: DeadLetterService, letters: DeadLetter[]) {
  const service = DEAD_LETTER_SERVICES.find((one) => one.code === code);
  return {
    code,
    name: service?.name ?? code,
    letters: letters.map((letter) => ({
      id: letter.id,
      subject: letter.subject,
      consumer: letter.consumer,
      error: letter.error,
      deliveries: letter.deliveries,
      at: frenchDateTime(letter.parkedAt),
    })),
  };
}

export interface FailedMessage {
  id: string;
  channel: string;
  template: string;
  status: string;
  attempts: number;
  lastError: string | null;
  title: string;
  address: string | null;
  updatedAt: string;
  applicationId: string | null;
}

/** `GET /api/admin/notifications/messages`: the failed e-mails and how many there are in all. Pure. */
export function readFailedMessages(body: unknown): { items: FailedMessage[]; total: number } {
  const items = itemsOf(body).filter((item) => typeof item.id === 'string') as unknown as FailedMessage[];
  const total = Number((body as { total?: unknown } | undefined)?.total ?? items.length);
  return { items, total: Number.isFinite(total) ? total : items.length };
}

const STATUS: Record<string, { text: string; colour: string }> = {
  'permanent-failure': { text: 'Échec définitif', colour: 'govuk-tag--red' },
  'technical-failure': { text: 'Échec technique', colour: 'govuk-tag--orange' },
};

/** The failed messages as cards: title, recipient, when, status tag, last error. Pure. */
export function failedMessagesView(items: FailedMessage[]) {
  return items.map((message) => ({
    id: message.id,
    title: message.title,
    address: message.address ?? 'adresse inconnue',
    at: frenchDateTime(message.updatedAt),
    attempts: message.attempts,
    error: message.lastError ?? 'aucune erreur enregistrée',
    status: STATUS[message.status] ?? { text: message.status, colour: 'govuk-tag--grey' },
  }));
}
