import * as echarts from 'echarts';

export interface LatencyPoint {
  offeredPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** The chart's option: p50 and p99 latency of a file through the pipeline against the offered load. Pure. */
export function latencyChartOption(points: LatencyPoint[], title: string): echarts.EChartsOption {
  const sorted = [...points].sort((a, b) => a.offeredPerSecond - b.offeredPerSecond);
  const series = (name: string, pick: (point: LatencyPoint) => number): echarts.LineSeriesOption => ({
    name,
    type: 'line',
    data: sorted.map((point) => [Number(point.offeredPerSecond.toFixed(1)), Math.round(pick(point))]),
    label: { show: true, formatter: (value) => `${(value.value as number[])[1]} ms` },
  });
  return {
    animation: false,
    // Opaque: readable on a dark page too (the README on a forge in dark mode).
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'system-ui, sans-serif' },
    title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 70, right: 30, top: 50, bottom: 70 },
    xAxis: { type: 'value', name: 'charge offerte (dossiers/s)', nameLocation: 'middle', nameGap: 30 },
    yAxis: { type: 'value', name: 'latence (ms)', nameLocation: 'middle', nameGap: 50 },
    series: [series('p50', (point) => point.p50Ms), series('p99', (point) => point.p99Ms)],
  };
}

export function latencyChartSvg(points: LatencyPoint[], title: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 720, height: 360 });
  chart.setOption(latencyChartOption(points, title));
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
