import { SUBJECTS } from '#domain';
import { formatCents, formatLegalDate } from './template-helpers.js';
import { DEFAULT_TEMPLATES, TemplateRegistry } from './template-registry.js';

const common = {
  receiptNumber: 'APA-2026-000123',
  procedure: 'apa',
  procedureName: 'allocation personnalisée d’autonomie (APA) à domicile',
  siteUrl: 'https://guichet.example.fr',
};

describe('notification templates', () => {
  const registry = new TemplateRegistry();

  it('every template reads only its event’s declared variables (checked at boot)', () => {
    expect(registry.keys()).toHaveLength(DEFAULT_TEMPLATES.length);
  });

  it('refuses at boot a template that reads a variable its event does not declare, naming it', () => {
    expect(
      () =>
        new TemplateRegistry([
          {
            source: SUBJECTS.applicationDecided,
            role: 'citizen',
            version: 7,
            subject: 'Décision',
            text: '{{montant}} {{euros amountCents}}',
            html: '{{#each pieces}}{{this}}{{/each}}{{shout reason}}',
          },
        ]),
    ).toThrow(
      /application\.decided\/citizen v7 \(text\) uses \{\{montant\}\}[\s\S]*\(html\) uses \{\{pieces\}\}[\s\S]*unknown helper "shout"/,
    );
  });

  it('the acknowledgement states the receipt number, the date and the legal deadline (CRPA L112-3)', () => {
    const message = registry.render(SUBJECTS.applicationSubmitted, 'citizen', {
      ...common,
      submittedAt: '2026-03-02T09:00:00Z',
      decisionDeadline: '2026-05-02',
      silenceMeans: 'granted',
    });
    expect(message.subject).toContain('APA-2026-000123');
    expect(message.text).toContain('2 mars 2026 à 10:00');
    expect(message.text).toContain('2 mai 2026');
    expect(message.text).toContain('réputée acceptée');
    expect(message.html).toContain('<strong>2 mai 2026</strong>');
    expect(message.version).toBe(1);
  });

  it('a decision states its reasons, its amount and the remedies (CRPA L211-2, CJA R421-5)', () => {
    const message = registry.render(SUBJECTS.applicationDecided, 'citizen', {
      ...common,
      outcome: 'granted',
      reason: 'GIR 2, plan accepté',
      amountCents: 123_456,
      decidedAt: '2026-04-01T08:00:00Z',
      remedies: 'Recours administratif préalable obligatoire (RAPO) dans les deux mois',
    });
    expect(message.text).toContain('accordée');
    expect(message.text).toContain('GIR 2, plan accepté');
    expect(message.text).toContain(`${formatCents(123_456)} par mois`);
    expect(message.text).toContain('RAPO');
  });

  it('an evidence request lists the documents and the date; HTML escapes values, text does not', () => {
    const message = registry.render(SUBJECTS.checkEvidenceRequested, 'citizen', {
      ...common,
      evidence: ['Avis d’imposition 2025', 'Relevé <bancaire>'],
      message: 'Merci & à bientôt',
      dueDate: '2026-06-15',
    });
    expect(message.text).toContain('- Avis d’imposition 2025');
    expect(message.text).toContain('Relevé <bancaire>');
    expect(message.text).toContain('Merci & à bientôt');
    expect(message.html).toContain('Relevé &lt;bancaire&gt;');
    expect(message.subject).toContain(formatLegalDate('2026-06-15'));
  });
});
