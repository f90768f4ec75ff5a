import { runChaos } from '../scripts/chaos/chaos-run.js';

/**
 * Scale-out on NATS's own clustering: three nats-server nodes (routes on loopback, JetStream on each), the stream at
 * 3 replicas, two replicas of each service pointed at the three; the node that leads the stream is SIGKILLed in the
 * middle of the load and left dead. The other two carry on: every file filed once, routed once, acknowledged once.
 */
describe('3-node NATS cluster, stream leader killed mid-load', () => {
  it('loses nothing and duplicates nothing; the load goes on through the two other nodes', async () => {
    const report = await runChaos({ files: 300, scenario: 'stream-leader-killed' });
    expect(report.faults).toHaveLength(1);
    expect(report.faults[0].what).toMatch(/^SIGKILL du nœud NATS n[123], meneur du flux/);
    // Killed while files were still coming in: the rest of the load went through the two other nodes.
    expect(report.faults[0].atSeconds).toBeLessThan(report.loadSeconds);
    expect(report.verdict.breaches).toEqual([]);
    expect(report.verdict.counts).toMatchObject({ receipts: 300, filed: 300, routed: 300, deadLetters: 0 });
    expect(report.verdict.counts.acknowledgementsDelivered).toBe(300);
  }, 900_000);
});
