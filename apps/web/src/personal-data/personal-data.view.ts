import { answersSummary } from '../forms/answers-summary.js';
import type { FormPart } from '../forms/form-fields.js';
import { frenchDate, frenchDateTime } from '../layout/french-format.js';
import type { PersonalDataCopy } from './personal-data.gathering.js';

/** What the page shows of one file: read-only answers, history, readings, evidence. */
export interface FileSection {
  title: string;
  receiptNumber: string;
  facts: { key: { text: string }; value: { text: string } }[];
  answers: ReturnType<typeof answersSummary>;
  timeline: { at: string; text: string }[];
  readings: string[];
  evidence: { name: string; receivedAt: string }[];
}

/** The page « Mes données personnelles » from the gathered copy: French dates, answers as on the check page. */
export function personalDataView(
  copy: PersonalDataCopy,
  forms: Map<string, { title: string; parts: FormPart[] }>,
): { files: FileSection[]; messages: { at: string; title: string; text: string }[] } {
  return {
    files: copy.files.map(({ application, timeline, readings, evidence }) => {
      const form = forms.get(application.procedure);
      const facts = [
        ['État', application.statusLabel],
        ['Créée le', frenchDate(application.createdAt)],
        ['Envoyée le', application.submittedAt ? frenchDate(application.submittedAt) : 'pas encore envoyée'],
        [
          'Décision attendue au plus tard le',
          application.decisionDeadline ? frenchDate(application.decisionDeadline) : '—',
        ],
      ];
      return {
        title: form?.title ?? application.procedure,
        receiptNumber: application.receiptNumber ?? 'brouillon',
        facts: facts.map(([key, value]) => ({ key: { text: key }, value: { text: value } })),
        // The answers as on the check-your-answers page, without the links to change them.
        answers: form
          ? answersSummary(application.id, form.parts, application.data).map((card) => ({
              ...card,
              rows: card.rows.map(({ key, value }) => ({ key, value })),
            }))
          : [],
        timeline: timeline.map((entry) => ({ at: frenchDateTime(entry.at), text: entry.text })),
        readings,
        evidence: evidence.map((item) => ({
          name: item.fileName,
          receivedAt: frenchDateTime(item.receivedAt),
        })),
      };
    }),
    messages: copy.notifications.map((message) => ({
      at: frenchDateTime(message.createdAt),
      title: message.title,
      text: message.text,
    })),
  };
}
