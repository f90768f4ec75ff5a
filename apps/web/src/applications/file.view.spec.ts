import { fileView, pendingActions } from './file.view.js';
import type { Handling } from './handling.js';
import type { ApplicationView } from './receipt.view.js';

const submitted: ApplicationView = {
  id: '01a2379e-f95b-701c-91d5-09f05683f754',
  procedure: 'apa',
  status: 'in_review',
  statusLabel: 'En cours d’instruction',
  receiptNumber: 'APA-2026-000001',
  submittedAt: '2026-12-02T10:00:00.000Z',
  decisionDeadline: '2027-02-02',
  clockSuspendedOn: '',
  clockResumesAfter: '',
  silenceMeans: 'granted',
  warnings: [],
  handling: {},
  data: {},
  createdAt: '2026-12-02T09:00:00.000Z',
  updatedAt: '2026-12-02T10:00:00.000Z',
};

/** A handling as intake's contract types it. */
const asHandling = (value: Handling): Handling => value;

describe('a file as its page shows it', () => {
  it('asks for evidence while a control waits for it, with the due date in French', () => {
    const handling = asHandling({
      team: { code: 'CAS-CAEN', contact: { name: 'Circonscription de Caen' } },
      check: { checkId: 'c1', status: 'evidence_requested', dueDate: '2027-01-01' },
    });
    expect(pendingActions(handling, 'granted')).toEqual([{ kind: 'evidence', dueDate: '1 janvier 2027' }]);
  });

  it('asks to answer a proposed conclusion once, not after the answer', () => {
    const proposal = { outcome: 'corrected' as const, reason: 'Pension omise', answerBy: '2027-01-15' };
    const open = asHandling({ check: { checkId: 'c1', status: 'contradictory', proposal } });
    expect(pendingActions(open, 'granted')).toEqual([
      {
        kind: 'control-answer',
        outcome: 'dossier corrigé (droit à l’erreur)',
        reason: 'Pension omise',
        answerBy: '15 janvier 2027',
      },
    ]);
    const answered = asHandling({
      check: { checkId: 'c1', status: 'contradictory', proposal, answeredAt: '2026-12-03' },
    });
    expect(pendingActions(answered, 'granted')).toEqual([]);
  });

  it('asks for information only while the file waits for it', () => {
    const handling = asHandling({
      infoRequest: { requestId: 'r1', message: 'Horaires ?', answerBy: '2026-12-17' },
    });
    expect(pendingActions(handling, 'info_requested')).toHaveLength(1);
    expect(pendingActions(handling, 'in_review')).toEqual([]);
  });

  it('counts the days left to the deadline and says what silence means, until a decision is taken', () => {
    const view = fileView(submitted, 'APA', [], '2026-12-02');
    expect(view.daysLeft).toBe(62);
    expect(view.silence).toBe('Sans décision le 2 février 2027, votre demande sera réputée acceptée.');
    expect(view.canWithdraw).toBe(true);
    const decided = fileView(
      {
        ...submitted,
        status: 'granted',
        handling: {
          decision: {
            outcome: 'granted',
            tacit: true,
            reason: 'Silence',
            remedies: 'RAPO',
            decidedAt: '2027-02-03T00:00:00Z',
            amountCents: 104017,
          },
        },
      },
      'APA',
      [],
      '2027-02-03',
    );
    expect(decided.silence).toBeUndefined();
    expect(decided.decision).toMatchObject({
      title: 'Demande accordée (décision implicite)',
      amount: '1\u202f040,17\u00a0€',
    });
    expect(decided.canWithdraw).toBe(false);
  });
});
