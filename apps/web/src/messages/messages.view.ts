import { frenchDateTime } from '../layout/french-format.js';

export interface InAppMessage {
  id: string;
  title: string;
  text: string;
  applicationId?: string | null;
  createdAt: string;
  readAt?: string | null;
}

/** The in-app messages, newest first, unread ones marked. Pure. */
export function messagesView(items: InAppMessage[]) {
  return items.map((item) => ({
    id: item.id,
    title: item.title,
    text: item.text,
    at: frenchDateTime(item.createdAt),
    unread: !item.readAt,
    href: item.applicationId ? `/dossiers/${item.applicationId}` : undefined,
  }));
}

export function readMessages(body: unknown): { items: InAppMessage[]; total: number; unread: number } {
  const value = (body ?? {}) as { items?: unknown; total?: unknown; unread?: unknown };
  const items = Array.isArray(value.items)
    ? value.items.filter(
        (item): item is InAppMessage =>
          typeof item === 'object' &&
          item !== null &&
          typeof item.id === 'string' &&
          typeof item.title === 'string',
      )
    : [];
  return { items, total: Number(value.total ?? items.length), unread: Number(value.unread ?? 0) };
}
