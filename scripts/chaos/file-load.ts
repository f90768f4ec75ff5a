import { createApiClients } from '#api-client';
import { bearer } from '#testing';
import { validApaFormData } from '../../apps/intake/src/procedures/apa/apa.fixtures.js';

export interface FiledReceipt {
  id: string;
  receiptNumber: string;
  /** When its submission was first sent (ms since the epoch): where a file's way through the pipeline starts. */
  submittedAt: number;
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

/** A citizen filing APA requests through the edge, as a browser would retry them. */
export interface ApaFiler {
  /**
   * One request filed: a draft whose creation failed is created again; a submission that failed is sent again with
   * its Idempotency-Key until it gets its receipt.
   */
  fileOne(): Promise<FiledReceipt>;
  /** Requests that got no answer or a 5xx and were sent again. */
  readonly retries: number;
}

export async function apaFiler(baseUrl: string): Promise<ApaFiler> {
  const api = createApiClients({
    baseUrl,
    headers: { Authorization: await bearer('citizen', { sub: 'demo-fille' }) },
  });
  const form = validApaFormData();
  const data = { ...form, address: { ...form.address, postalCode: '14000', communeInsee: '14118' } };
  let retries = 0;

  async function createDraft(): Promise<string> {
    for (;;) {
      try {
        const draft = await api.intake.POST('/api/applications', {
          body: { procedure: 'apa', data },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (draft.data?.id) return draft.data.id;
        if (draft.response.status < 500) throw new Refused(`draft refused: ${draft.response.status}`);
      } catch (error) {
        if (error instanceof Refused) throw error;
      }
      retries += 1;
      await pause(RETRY_PAUSE_MS);
    }
  }

  async function submit(id: string): Promise<FiledReceipt> {
    const submittedAt = Date.now();
    for (;;) {
      try {
        const receipt = await api.intake.POST('/api/applications/{id}/submit', {
          params: { path: { id }, header: { 'Idempotency-Key': `chaos-${id}` } },
          body: { swornStatement: true },
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        if (receipt.data?.receiptNumber)
          return { id, receiptNumber: receipt.data.receiptNumber, submittedAt };
        if (receipt.response.status < 500)
          throw new Refused(`submission refused: ${receipt.response.status}`);
      } catch (error) {
        if (error instanceof Refused) throw error;
      }
      retries += 1;
      await pause(RETRY_PAUSE_MS);
    }
  }

  return {
    fileOne: async () => submit(await createDraft()),
    get retries() {
      return retries;
    },
  };
}

/** An answer that no retry changes (4xx): the run stops on it. */
class Refused extends Error {}

/**
 * Files `count` APA requests through the edge, `concurrency` at a time (a closed loop). `onFiled` is told of each
 * receipt (a fault injector paces itself on it).
 */
export async function fileApaRequests(
  baseUrl: string,
  count: number,
  concurrency: number,
  onFiled: (filed: number) => void = () => undefined,
): Promise<LoadOutcome> {
  const filer = await apaFiler(baseUrl);
  const receipts: FiledReceipt[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        receipts.push(await filer.fileOne());
        onFiled(receipts.length);
      }
    }),
  );
  return { receipts, retries: filer.retries };
}
