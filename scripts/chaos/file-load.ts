import { createApiClients } from '#api-client';
import { bearer } from '#testing';
import { validApaFormData } from '../../apps/intake/src/procedures/apa/apa.fixtures.js';

export interface FiledReceipt {
  id: string;
  receiptNumber: string;
}

export interface LoadOutcome {
  receipts: FiledReceipt[];
  /** Requests that got no answer or a 5xx and were sent again (with the same Idempotency-Key for a submission). */
  retries: number;
}

const REQUEST_TIMEOUT_MS = 20_000;
const RETRY_PAUSE_MS = 500;

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Files `count` APA requests through the edge, `concurrency` at a time, as a citizen's browser would retry them: a
 * draft whose creation failed is created again; a submission that failed is sent again with its Idempotency-Key
 * until it gets its receipt. `onFiled` is told of each receipt (a fault injector paces itself on it).
 */
export async function fileApaRequests(
  baseUrl: string,
  count: number,
  concurrency: number,
  onFiled: (filed: number) => void = () => undefined,
): Promise<LoadOutcome> {
  const api = createApiClients({
    baseUrl,
    headers: { Authorization: await bearer('citizen', { sub: 'demo-fille' }) },
  });
  const form = validApaFormData();
  const data = { ...form, address: { ...form.address, postalCode: '14000', communeInsee: '14118' } };
  const receipts: FiledReceipt[] = [];
  let retries = 0;
  let next = 0;

  async function createDraft(): Promise<string> {
    for (;;) {
      try {
        const draft = await api.intake.POST('/api/applications', {
          body: { procedure: 'apa', data },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (draft.data?.id) return draft.data.id;
        if (draft.response.status < 500) throw new Error(`draft refused: ${draft.response.status}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('draft refused')) throw error;
      }
      retries += 1;
      await pause(RETRY_PAUSE_MS);
    }
  }

  async function submit(id: string): Promise<FiledReceipt> {
    for (;;) {
      try {
        const receipt = await api.intake.POST('/api/applications/{id}/submit', {
          params: { path: { id }, header: { 'Idempotency-Key': `chaos-${id}` } },
          body: { swornStatement: true },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (receipt.data?.receiptNumber) return { id, receiptNumber: receipt.data.receiptNumber };
        if (receipt.response.status < 500) throw new Error(`submission refused: ${receipt.response.status}`);
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('submission refused')) throw error;
      }
      retries += 1;
      await pause(RETRY_PAUSE_MS);
    }
  }

  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        receipts.push(await submit(await createDraft()));
        onFiled(receipts.length);
      }
    }),
  );
  return { receipts, retries };
}
