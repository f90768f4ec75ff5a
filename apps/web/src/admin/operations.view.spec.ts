import {
  deadLetterSection,
  failedMessagesView,
  isDeadLetterService,
  readDeadLetters,
  readFailedMessages,
} from './operations.view.js';

describe('operations view', () => {
  it('knows the four services that park dead letters, and no other', () => {
    expect(['intake', 'routing', 'checks', 'notifications'].every(isDeadLetterService)).toBe(true);
    expect(isDeadLetterService('identity')).toBe(false);
  });

  it('draws a service section with its French name and each letter with its date in French', () => {
    const letters = readDeadLetters({
      items: [
        {
          id: 'l1',
          consumer: 'routing-x',
          subject: 'guichet.application.submitted',
          error: 'boom',
          deliveries: 5,
          parkedAt: '2026-12-02T09:30:00.000Z',
        },
        { nothing: true },
      ],
    });
    const section = deadLetterSection('routing', letters);
    expect(section.name).toBe('Orientation et instruction (routing)');
    expect(section.letters).toEqual([
      {
        id: 'l1',
        consumer: 'routing-x',
        subject: 'guichet.application.submitted',
        error: 'boom',
        deliveries: 5,
        at: expect.stringContaining('2026'),
      },
    ]);
  });

  it('shows each failed e-mail with its status in French and its last error', () => {
    const { items, total } = readFailedMessages({
      items: [
        {
          id: 'm1',
          channel: 'email',
          template: 't',
          status: 'permanent-failure',
          attempts: 1,
          lastError: '550 refusé',
          title: 'Accusé',
          address: 'a@b.fr',
          updatedAt: '2026-12-02T09:30:00.000Z',
          applicationId: null,
        },
      ],
      total: 1,
    });
    expect(total).toBe(1);
    expect(failedMessagesView(items)[0]).toMatchObject({
      id: 'm1',
      address: 'a@b.fr',
      error: '550 refusé',
      status: { text: 'Échec définitif', colour: 'govuk-tag--red' },
    });
    expect(readFailedMessages(undefined)).toEqual({ items: [], total: 0 });
  });
});
