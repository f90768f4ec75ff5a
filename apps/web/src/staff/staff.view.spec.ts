import { availableActions, deadlineTag, type FileDetail } from './inbox.view.js';
import { clockEffectText, readDecision, readInfoRequest } from './staff-file.view.js';

describe('the agents’ pages, pure parts', () => {
  it.each([
    [{ status: 'in_review', daysLeft: 40, decisionDeadline: '2027-01-01' }, 'govuk-tag--green', '40 j'],
    [{ status: 'in_review', daysLeft: 14, decisionDeadline: '2027-01-01' }, 'govuk-tag--orange', '14 j'],
    [{ status: 'in_review', daysLeft: 2, decisionDeadline: '2027-01-01' }, 'govuk-tag--red', '2 j'],
    [
      { status: 'in_review', daysLeft: -1, decisionDeadline: '2027-01-01' },
      'govuk-tag--red',
      'Dépassé de 1 j',
    ],
    [
      { status: 'info_requested', daysLeft: null, decisionDeadline: null },
      'govuk-tag--grey',
      'Délai suspendu',
    ],
    [
      { status: 'deemed_granted', daysLeft: null, decisionDeadline: '2027-01-01' },
      'govuk-tag--purple',
      'Tacite',
    ],
  ])(
    'tags the time left of %o as %s « %s » (warning under 15 days, error under 3)',
    (file, classes, text) => {
      expect(deadlineTag(file)).toEqual({ text, classes });
    },
  );

  it('offers only what the file’s state allows', () => {
    const file = {
      status: 'in_review',
      procedure: 'apa',
      assignee: null,
      evaluation: null,
      carePlan: null,
    } as unknown as FileDetail;
    expect(availableActions(file, 'me', false)).toMatchObject({
      claim: true,
      evaluate: true,
      carePlan: false,
      assign: false,
    });
    const evaluated = {
      ...file,
      assignee: 'me',
      evaluation: { gir: 3 },
      carePlan: { status: 'proposed' },
    } as unknown as FileDetail;
    expect(availableActions(evaluated, 'me', true)).toMatchObject({
      claim: false,
      evaluate: false,
      carePlan: false,
      assign: true,
    });
    expect(availableActions({ ...file, status: 'granted' } as FileDetail, 'me', true)).toMatchObject({
      decide: false,
      claim: false,
    });
  });

  it('asks a reason for a refusal (CRPA L211-2) and reads an amount in euros', () => {
    expect(readDecision({ outcome: 'rejected' }).errors.map((error) => error.field)).toEqual(['reason']);
    expect(readDecision({ outcome: 'granted', amount: '12 000' })).toEqual({
      command: { outcome: 'granted', amountCents: 1_200_000 },
      errors: [],
    });
    expect(readDecision({}).errors.map((error) => error.field)).toEqual(['outcome']);
  });

  it('reads a request for information and its date', () => {
    expect(
      readInfoRequest({
        message: 'Horaires ?',
        'answerBy-day': '7',
        'answerBy-month': '1',
        'answerBy-year': '2027',
      }),
    ).toEqual({
      message: 'Horaires ?',
      answerBy: '2027-01-07',
      errors: [],
    });
    expect(readInfoRequest({}).errors.map((error) => error.field)).toEqual(['message', 'answerBy']);
  });

  it('says what a request for information does to the clock, as the procedure declares it', () => {
    expect(clockEffectText('restarts')).toContain('repartira de zéro');
    expect(clockEffectText('suspends')).toContain('suspend le délai');
    expect(clockEffectText('unknown')).toBe('');
  });
});
