import { Box } from '@mantine/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney, fromMinor, toMinor } from '../../platform/format';

// Only the pieces this chart uses are registered, which keeps ECharts' share of the bundle small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface Props {
  data: Array<{ month: string; total_minor: number }>;
  currency: string;
}

export function RevenueChart({ data, currency }: Props) {
  const { i18n } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: 'canvas' });
    const monthLabel = (month: string) => {
      const [y, m] = month.split('-').map(Number);
      if (!y || !m) return month;
      return new Intl.DateTimeFormat(i18n.language, { year: '2-digit', month: 'short' }).format(new Date(y, m - 1, 1));
    };
    chart.setOption({
      grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) =>
          typeof value === 'number' ? formatMoney(toMinor(value, currency), currency, i18n.language) : String(value),
      },
      xAxis: { type: 'category', data: data.map((d) => monthLabel(d.month)) },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v: number) => new Intl.NumberFormat(i18n.language, { notation: 'compact' }).format(v) },
      },
      series: [{ type: 'bar', data: data.map((d) => fromMinor(d.total_minor, currency)), itemStyle: { color: '#0ca678' }, barMaxWidth: 32 }],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, currency, i18n.language]);

  return <Box ref={ref} h={260} w="100%" data-testid="revenue-chart" />;
}
