import { createApiClients } from '#api-client';
import { bearer } from '#testing';
import { validApaFormData } from '../../apps/intake/src/procedures/apa/apa.fixtures.js';

/** The API as one demo person, through the edge, with a development token. */
export async function apiAs(
  baseUrl: string,
  role: 'citizen' | 'agent' | 'auditor' | 'admin',
  sub: string,
  teams?: string[],
) {
  return createApiClients({ baseUrl, headers: { Authorization: await bearer(role, { sub, teams }) } });
}

/**
 * The demo daughter's APA request for her mother in Caen (the fixture's answers: 1 500 € a month, living alone),
 * filed through the API: a file the Caen office gets.
 */
export async function apaFiledInCaen(baseUrl: string): Promise<{ id: string; receiptNumber: string }> {
  const daughter = await apiAs(baseUrl, 'citizen', 'demo-fille');
  const form = validApaFormData();
  const draft = await daughter.intake.POST('/api/applications', {
    body: {
      procedure: 'apa',
      data: { ...form, address: { ...form.address, postalCode: '14000', communeInsee: '14118' } },
    },
  });
  const id = draft.data?.id ?? '';
  const receipt = await daughter.intake.POST('/api/applications/{id}/submit', {
    params: { path: { id }, header: { 'Idempotency-Key': `caen-${id}` } },
    body: { swornStatement: true },
  });
  if (receipt.response.status !== 201) throw new Error(`submission answered ${receipt.response.status}`);
  return { id, receiptNumber: receipt.data?.receiptNumber ?? '' };
}
