import { runChaos } from '../scripts/chaos/chaos-run.js';

/**
 * `npm run chaos` with 200 files: second replicas SIGKILLed and restarted at random, nats-server killed and
 * restarted, PostgreSQL restarted, while files are filed through the edge. Every guarantee holds, no dead letter.
 */
describe('fault run (npm run chaos, 200 files)', () => {
  it('loses nothing, duplicates nothing, parks nothing, and comes back to quiet', async () => {
    const report = await runChaos({ files: 200, scenario: 'random-faults' });
    const kinds = report.faults.map((fault) => fault.what);
    expect(kinds.some((what) => what.startsWith('SIGKILL puis redémarrage'))).toBe(true);
    expect(kinds).toContain('SIGKILL de nats-server, redémarré 2 s plus tard');
    expect(kinds).toContain('redémarrage de PostgreSQL');
    expect(report.verdict.breaches).toEqual([]);
    expect(report.verdict.counts).toMatchObject({ receipts: 200, filed: 200, routed: 200, deadLetters: 0 });
    expect(report.verdict.counts.acknowledgementsDelivered).toBe(200);
    expect(report.lastFaultToQuietSeconds).not.toBeNull();
  }, 900_000);
});
