import { InvalidTransition } from '#domain';
import { assertAllowed, isOpen } from './file.lifecycle.js';

describe('back-office file lifecycle', () => {
  it('lets a file in review be claimed, asked, evaluated and decided', () => {
    for (const action of [
      'claim',
      'assign',
      'request_info',
      'evaluate',
      'propose_care_plan',
      'decide',
    ] as const) {
      expect(() => assertAllowed('in_review', action)).not.toThrow();
    }
  });

  it('waits for the answer before another request or a care plan, but may still decide (e.g. close)', () => {
    expect(() => assertAllowed('info_requested', 'request_info')).toThrow(InvalidTransition);
    expect(() => assertAllowed('info_requested', 'propose_care_plan')).toThrow(InvalidTransition);
    expect(() => assertAllowed('info_requested', 'decide')).not.toThrow();
  });

  it.each(['granted', 'rejected', 'closed', 'deemed_granted', 'deemed_rejected', 'withdrawn'] as const)(
    'a %s file is final: one decision only (409)',
    (status) => {
      expect(isOpen(status)).toBe(false);
      expect(() => assertAllowed(status, 'decide')).toThrow(/Impossible de décider/);
    },
  );
});
