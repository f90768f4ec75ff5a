import { proofSentences, type Statistics, statisticsTables } from './checks.view.js';
import { chartSvg } from './statistics.charts.js';

const STATISTICS: Statistics = {
  period: { from: '2026-01-01', to: '2026-12-31' },
  selectionByProcedure: [
    {
      procedure: 'apa',
      drawn: 1000,
      selected: 52,
      rate: 0.052,
      expectedRate: 0.05,
      interval99: { low: 0.0322, high: 0.0678 },
      withinInterval: true,
    },
  ],
  selectionByStratum: [
    {
      procedure: 'apa',
      stratum: 'aléatoire',
      drawn: 900,
      selected: 40,
      rate: 0.0444,
      expectedRate: 0.05,
      interval99: { low: 0.0312, high: 0.0688 },
      withinInterval: true,
    },
  ],
  cases: {
    opened: 52,
    concluded: 10,
    byOutcome: { compliant: 8, overpayment: 2 },
    findingsRate: 0.2,
    recoverableCents: 180_000,
  },
};

describe('the auditors’ pages, pure parts', () => {
  it('explains a draw in French, step by step, and says when it is reproduced', () => {
    const sentences = proofSentences({
      procedure: 'apa',
      campaign: '2026',
      applicationId: '01a237e3-3c0b-7365-9d11-5e10ca75cf86',
      policy: { procedure: 'apa', version: 3, baseRate: 0.05, rules: [], floor: 0.01, ceiling: 0.5 },
      policyVersion: 3,
      probability: 0.2,
      draw: 0.1234567,
      selected: true,
      factors: { 'ressources juste sous le seuil': 0.15 },
      stratum: 'ressources juste sous le seuil',
      reproduced: true,
      recordedAt: '2026-12-02T10:00:00Z',
    });
    // Intl writes a narrow no-break space before « % »: compared with plain spaces here.
    const plain = sentences.map((sentence) => sentence.replace(/\s/g, ' '));
    expect(plain[0]).toBe(
      'Politique de contrôle APA, version 3 : taux de base 5 %, probabilité bornée entre 1 % et 50 %.',
    );
    expect(plain[1]).toContain('« ressources juste sous le seuil » (+15 %)');
    expect(sentences[3]).toMatch(/^Tirage : 0,123457 .* dossier sélectionné\.$/);
    expect(sentences[4]).toContain('résultat identique');
  });

  it('gives each chart its data table, with the policy’s rate and its 99 % interval', () => {
    const tables = statisticsTables(STATISTICS);
    expect(tables.byProcedure[0].map((cell) => cell.text)).toEqual([
      'APA',
      '1000',
      '52',
      '5,2\u00a0%',
      '5\u00a0%',
      '3,22\u00a0% – 6,78\u00a0%',
      'Oui',
    ]);
    expect(tables.outcomes).toEqual([
      [{ text: 'Conforme' }, { text: '8', format: 'numeric' }],
      [{ text: 'Indu à récupérer' }, { text: '2', format: 'numeric' }],
    ]);
  });

  it('draws the charts as SVG on the server (ECharts), with the data in them', () => {
    const selection = chartSvg('selection', STATISTICS);
    expect(selection.startsWith('<svg')).toBe(true);
    expect(selection).toContain('Taux observé');
    expect(chartSvg('outcomes', STATISTICS)).toContain('Indu à récupérer');
  });
});
