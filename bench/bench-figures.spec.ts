import { percentile } from './ceilings.js';
import { latencyChartOption } from './latency-chart.js';
import { parseProcStat, parseRssMb } from './process-usage.js';

describe('benchmark figures', () => {
  it('reads CPU ticks and the parent from /proc/<pid>/stat, even with spaces and parentheses in the name', () => {
    const line =
      '4242 (node (worker) x) S 4000 4242 4000 0 -1 4194560 1200 0 0 0 150 25 0 0 20 0 11 0 9000 1000000 5000';
    expect(parseProcStat(line)).toEqual({ parentPid: 4000, cpuMs: 1750 });
  });

  it('reads the resident memory from /proc/<pid>/status', () => {
    expect(parseRssMb('Name:\tnode\nVmRSS:\t  153600 kB\nThreads:\t11\n')).toBe(150);
    expect(parseRssMb('Name:\tzombie\n')).toBe(0);
  });

  it('takes percentiles from sorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(samples, 50)).toBe(51);
    expect(percentile(samples, 99)).toBe(100);
    expect(percentile([], 50)).toBeNaN();
  });

  it('charts p50 and p99 against the offered load, in increasing order of load', () => {
    const option = latencyChartOption(
      [
        { offeredPerSecond: 20, p50Ms: 300, p99Ms: 900 },
        { offeredPerSecond: 10, p50Ms: 120.4, p99Ms: 260.6 },
      ],
      'titre',
    );
    const series = option.series as { name: string; data: number[][] }[];
    expect(series.map((line) => line.name)).toEqual(['p50', 'p99']);
    expect(series[0].data).toEqual([
      [10, 120],
      [20, 300],
    ]);
    expect(series[1].data).toEqual([
      [10, 261],
      [20, 900],
    ]);
  });
});
