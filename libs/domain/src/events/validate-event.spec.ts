import { v7 as uuidv7 } from 'uuid';
import { createEvent } from './create-event.js';
import { SUBJECTS } from './subjects.js';
import { validateEvent } from './validate-event.js';

const origin = { correlationId: 'corr-12345678' };
const evidence = () =>
  createEvent(
    SUBJECTS.checkEvidenceReceived,
    'check-1',
    {
      checkId: uuidv7(),
      applicationId: uuidv7(),
      receivedAt: '2026-11-23T10:00:00.000Z',
      documents: ['avis d’imposition 2025'],
    },
    origin,
  );

describe('validateEvent', () => {
  it('accepts an event of a known version and returns its payload as the catalogue class', () => {
    const check = validateEvent(JSON.parse(JSON.stringify(evidence())));
    expect(check.kind).toBe('valid');
  });

  it('recognises a version this code does not know', () => {
    expect(validateEvent({ ...evidence(), version: 2 })).toEqual({
      kind: 'unknown-version',
      type: SUBJECTS.checkEvidenceReceived,
      version: 2,
    });
  });

  it('refuses a payload that breaks its class, naming the field', () => {
    const check = validateEvent({
      ...evidence(),
      payload: { checkId: 'x', applicationId: uuidv7(), receivedAt: 'hier', documents: [] },
    });
    expect(check.kind).toBe('invalid');
    expect(check.kind === 'invalid' && check.reason).toMatch(/payload\.checkId.*payload\.receivedAt/);
  });

  it('refuses unknown payload fields (no personal data slipped in)', () => {
    const event = evidence();
    const check = validateEvent({ ...event, payload: { ...event.payload, birthDate: '1940-01-01' } });
    expect(check.kind === 'invalid' && check.reason).toMatch(/payload\.birthDate/);
  });

  it('refuses a broken envelope and what is not an object', () => {
    expect(validateEvent({ ...evidence(), id: 'not-a-uuid' }).kind).toBe('invalid');
    expect(validateEvent([1, 2]).kind).toBe('invalid');
    expect(validateEvent(null).kind).toBe('invalid');
  });
});
