import type request from 'supertest';
import { v7 as uuidv7 } from 'uuid';
import { SUBJECTS } from '#domain';
import { eventually } from '#testing';
import { validApaFormData } from '../src/procedures/apa/apa.fixtures.js';
import { type citizen, expectStatus, type IntakeUnderTest } from './intake.harness.js';

/** The smallest file intake recognises as a PDF (by its first bytes). */
export const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/** Supertest parser keeping a binary answer as bytes. */
export function bytes(response: request.Response, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}

/**
 * An APA file filed by the citizen, with a control opened on it and evidence asked for, as checks announces them;
 * returns the file's id and the control's.
 */
export async function fileWithEvidenceRequested(
  intake: IntakeUnderTest,
  filer: ReturnType<typeof citizen>,
): Promise<{ id: string; checkId: string }> {
  const id: string = (await filer.createDraft('apa', validApaFormData())).body.id;
  await filer.submit(id).then(expectStatus(201));
  const checkId = uuidv7();
  await intake.send(SUBJECTS.checkOpened, id, {
    checkId,
    applicationId: id,
    campaign: 'c',
    probability: 1,
    draw: 0.1,
    factors: {},
  });
  await intake.send(SUBJECTS.checkEvidenceRequested, id, {
    checkId,
    applicationId: id,
    evidence: ['Avis d’imposition 2025'],
    message: 'Merci de transmettre votre avis d’imposition.',
    dueDate: '2026-12-31',
  });
  await eventually(async () =>
    expect((await filer.get(id)).body.handling.check?.status).toBe('evidence_requested'),
  );
  return { id, checkId };
}
