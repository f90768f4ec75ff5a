import type { ApiClients, IntakeComponents, NotificationsComponents } from '#api-client';
import { expectData, pageErrorFor } from '../api/api-answer.js';
import { readingTexts } from '../applications/readings.js';
import type { SignedInPerson } from '../session/web-session.js';

type IntakeSchemas = IntakeComponents['schemas'];
type InAppNotification = NotificationsComponents['schemas']['InAppNotificationDoc'];

/** One file as the person's copy holds it: its content and decision, its history, who read it, what was sent. */
export interface FileCopy {
  application: IntakeSchemas['ApplicationViewDoc'];
  timeline: IntakeSchemas['TimelineEntryDoc'][];
  /** Who read the file's content and when (the access log), in the words the API gives them. */
  readings: string[];
  evidence: IntakeSchemas['EvidenceItemDoc'][];
}

/** Everything Guichet holds about a signed-in person (GDPR art. 15), gathered through the services' APIs. */
export interface PersonalDataCopy {
  generatedAt: string;
  person: { subject: string; givenName?: string; familyName?: string };
  files: FileCopy[];
  notifications: InAppNotification[];
}

/** The items of a file's sub-resource; none when the API has none for it (a draft has no history, readings, evidence). */
function itemsOrNone<T>(result: { data?: { items: T[] }; response: Response; error?: unknown }): T[] {
  if (result.response.status === 404) return [];
  return expectData(result).items;
}

/** Who read the file; nobody for a draft; an error page rather than an incomplete copy otherwise. */
function readingsOrNone(result: { data?: unknown; response: Response }): string[] {
  if (result.response.status === 404) return [];
  if (!result.response.ok) throw pageErrorFor(result.response.status);
  return readingTexts(result.data);
}

/** Every in-app message of the person, page after page. */
async function allNotifications(api: ApiClients): Promise<InAppNotification[]> {
  const items: InAppNotification[] = [];
  for (let page = 1; page <= 100; page++) {
    const answer = expectData(
      await api.notifications.GET('/api/notifications', { params: { query: { page, pageSize: 100 } } }),
    );
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) break;
  }
  return items;
}

/** The person's copy of their data: each file (content, decision, timeline, readings, evidence) and their messages. */
export async function gatherPersonalData(
  api: ApiClients,
  person: SignedInPerson,
  now: Date,
): Promise<PersonalDataCopy> {
  const mine = expectData(await api.intake.GET('/api/applications')).items;
  const files = await Promise.all(
    mine.map(async ({ id }): Promise<FileCopy> => {
      const params = { params: { path: { id } } };
      const [application, timeline, accesses, evidence] = await Promise.all([
        api.intake.GET('/api/applications/{id}', params),
        api.intake.GET('/api/applications/{id}/timeline', params),
        api.intake.GET('/api/applications/{id}/accesses', params),
        api.intake.GET('/api/applications/{id}/evidence', params),
      ]);
      return {
        application: expectData(application),
        timeline: itemsOrNone(timeline),
        readings: readingsOrNone(accesses),
        evidence: itemsOrNone(evidence),
      };
    }),
  );
  return {
    generatedAt: now.toISOString(),
    person: { subject: person.subject, givenName: person.givenName, familyName: person.familyName },
    files,
    notifications: await allNotifications(api),
  };
}
