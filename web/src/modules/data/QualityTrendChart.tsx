import { Box } from '@mantine/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../platform/format';
import type { DataQuality } from './types';

// Only the pieces this chart uses are registered, which keeps ECharts' share of the bundle small.
echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Completeness (percent, left axis) against invalid values and open duplicates (counts, right axis), one point a day. */
export function QualityTrendChart({ trend }: { trend: DataQuality['trend'] }) {
  const { t, i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const compact = new Intl.NumberFormat(i18n.language, { notation: 'compact' });
    chart.setOption({
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: trend.map((p) => formatDate(p.day, i18n.language)) },
      yAxis: [
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        { type: 'value', min: 0, axisLabel: { formatter: (v: number) => compact.format(v) }, splitLine: { show: false } },
      ],
      series: [
        { name: t('data.quality.avgCompleteness'), type: 'line', data: trend.map((p) => Math.round(p.completeness * 1000) / 10), itemStyle: { color: '#0ca678' }, yAxisIndex: 0 },
        { name: t('data.quality.invalidTotal'), type: 'line', data: trend.map((p) => p.invalid), itemStyle: { color: '#e03131' }, yAxisIndex: 1 },
        { name: t('data.quality.openDuplicates'), type: 'line', data: trend.map((p) => p.open_duplicates), itemStyle: { color: '#f08c00' }, yAxisIndex: 1 },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [trend, t, i18n.language]);

  return <Box ref={ref} h={280} w="100%" data-testid="quality-trend" />;
}
