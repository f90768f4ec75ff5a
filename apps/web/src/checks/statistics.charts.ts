import * as echarts from 'echarts';
import { OUTCOME_LABELS, type Statistics } from './checks.view.js';

/** The charts of the statistics page, drawn on the server as SVG by Apache ECharts (no DOM, no canvas). */
export type ChartName = 'selection' | 'outcomes';

function render(option: echarts.EChartsOption, width = 640, height = 320): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Observed selection rate per procedure and stratum, next to the policy's probability and its 99 % interval. */
function selectionChart(statistics: Statistics): string {
  const rows = [
    ...statistics.selectionByProcedure.map((row) => ({ ...row, label: row.procedure.toUpperCase() })),
    ...statistics.selectionByStratum.map((row) => ({
      ...row,
      label: `${row.procedure.toUpperCase()} ${row.stratum}`,
    })),
  ];
  return render({
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 60 },
    xAxis: { type: 'category', data: rows.map((row) => row.label), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => `${Math.round(value * 100)} %` } },
    series: [
      {
        name: 'Taux observé',
        type: 'bar',
        data: rows.map((row) => row.rate),
        itemStyle: { color: '#00497a' },
      },
      {
        name: 'Probabilité de la politique',
        type: 'bar',
        data: rows.map((row) => row.expectedRate),
        itemStyle: { color: '#8eb8dc' },
      },
      {
        name: 'Borne haute à 99 %',
        type: 'line',
        data: rows.map((row) => row.interval99.high),
        itemStyle: { color: '#b1330e' },
      },
      {
        name: 'Borne basse à 99 %',
        type: 'line',
        data: rows.map((row) => row.interval99.low),
        itemStyle: { color: '#6a3d00' },
      },
    ],
  });
}

function outcomesChart(statistics: Statistics): string {
  const entries = Object.entries(statistics.cases.byOutcome);
  return render({
    grid: { left: 60, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: entries.map(([outcome]) => OUTCOME_LABELS[outcome] ?? outcome) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: 'Contrôles conclus',
        type: 'bar',
        data: entries.map(([, count]) => count),
        itemStyle: { color: '#00497a' },
      },
    ],
  });
}

export function chartSvg(name: ChartName, statistics: Statistics): string {
  return name === 'selection' ? selectionChart(statistics) : outcomesChart(statistics);
}
