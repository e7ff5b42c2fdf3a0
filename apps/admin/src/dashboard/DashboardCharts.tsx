import { useState, type ReactNode } from 'react';
import { Alert, Box, Card, CardContent, MenuItem, Skeleton, TextField, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useLocaleState, useTranslate } from 'react-admin';
import type { DashboardStats } from '@shopdesk/contracts/dashboard';
import { TICKET_TYPES } from '@shopdesk/contracts/tickets';
import { courierName } from '../tracking/tracking-format';
import { errorMessage } from '../providers/http-client';
import { useDashboardStats, type DashboardFilter } from './useDashboardStats';

// The dashboard's charts (bars: weeks and days are few and sparse, so lines would mostly be dots): one GET /dashboard/stats per filter change. Each chart sits in a card
// with a data-testid so the browser test can find it.

const kstDay = (offsetDays = 0) => new Date(Date.now() + 9 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
const CHART_HEIGHT = 260;

const ChartCard = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <Card sx={{ flex: '1 1 26rem', minWidth: 0 }} data-testid={`chart-${id}`}>
    <CardContent>
      <Typography variant="subtitle1" component="h2" gutterBottom>
        {title}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

const minutesText = (minutes: number | null, translate: ReturnType<typeof useTranslate>) => {
  if (minutes === null) return '–';
  if (minutes < 60) return translate('shopdesk.dashboard.charts.minutes', { n: Math.round(minutes) });
  return translate('shopdesk.dashboard.charts.hours', { n: (minutes / 60).toFixed(1) });
};

const Charts = ({ stats }: { stats: DashboardStats }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const typeLabel = (t: string) => translate(`shopdesk.ticket.type.${t}`);
  const weeks = [...new Set(stats.slaWeekly.map((r) => r.week))];
  const targets = [...new Set(stats.slaWeekly.map((r) => r.target))];
  const opened = translate('shopdesk.dashboard.charts.opened');
  const resolved = translate('shopdesk.dashboard.charts.resolved');
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
      <ChartCard id="daily" title={translate('shopdesk.dashboard.charts.daily')}>
        <BarChart
          height={CHART_HEIGHT}
          xAxis={[{ scaleType: 'band', data: stats.daily.map((d) => d.day.slice(5)) }]}
          series={[
            ...TICKET_TYPES.map((t) => ({ stack: 'opened', label: `${opened} · ${typeLabel(t)}`, data: stats.daily.map((d) => d.opened[t]) })),
            ...TICKET_TYPES.map((t) => ({ stack: 'resolved', label: `${resolved} · ${typeLabel(t)}`, data: stats.daily.map((d) => d.resolved[t]) })),
          ]}
        />
      </ChartCard>
      <ChartCard id="backlog" title={translate('shopdesk.dashboard.charts.backlog')}>
        <BarChart
          height={CHART_HEIGHT}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: stats.backlog.map((b) => translate(`shopdesk.ticket.status.${b.status}`)), width: 110 }]}
          series={[{ label: translate('shopdesk.dashboard.charts.tickets'), data: stats.backlog.map((b) => b.count) }]}
        />
      </ChartCard>
      <ChartCard id="sla" title={translate('shopdesk.dashboard.charts.sla')}>
        <BarChart
          height={CHART_HEIGHT}
          xAxis={[{ scaleType: 'band', data: weeks }]}
          yAxis={[{ min: 0, max: 100 }]}
          series={targets.map((target) => ({
            label: translate(`shopdesk.sla.target.${target}`),
            data: weeks.map((w) => stats.slaWeekly.find((r) => r.week === w && r.target === target)?.compliancePct ?? null),
            valueFormatter: (v: number | null) => (v === null ? '–' : `${v}%`),
          }))}
        />
      </ChartCard>
      <ChartCard id="medians" title={translate('shopdesk.dashboard.charts.medians')}>
        <BarChart
          height={CHART_HEIGHT}
          xAxis={[{ scaleType: 'band', data: [translate('shopdesk.dashboard.charts.first_reply'), translate('shopdesk.dashboard.charts.resolution')] }]}
          yAxis={[{ label: translate('shopdesk.dashboard.charts.hours_axis') }]}
          series={[
            {
              label: translate('shopdesk.dashboard.charts.median'),
              data: [stats.medians.firstReplyMinutes, stats.medians.resolutionMinutes].map((m) => (m === null ? 0 : Math.round(m / 6) / 10)),
              valueFormatter: (_v: number | null, { dataIndex }: { dataIndex: number }) =>
                minutesText([stats.medians.firstReplyMinutes, stats.medians.resolutionMinutes][dataIndex], translate),
            },
          ]}
        />
      </ChartCard>
      <ChartCard id="reshipments" title={translate('shopdesk.dashboard.charts.reshipments')}>
        <BarChart
          height={CHART_HEIGHT}
          xAxis={[{ scaleType: 'band', data: [translate('shopdesk.dashboard.charts.in_flight'), translate('shopdesk.dashboard.charts.failed')] }]}
          series={[{ label: translate('shopdesk.dashboard.charts.requests'), data: [stats.reshipments.inFlight, stats.reshipments.failed] }]}
        />
      </ChartCard>
      <ChartCard id="courier-exceptions" title={translate('shopdesk.dashboard.charts.courier_exceptions')}>
        <BarChart
          height={CHART_HEIGHT}
          xAxis={[{ scaleType: 'band', data: stats.courierExceptions.map((c) => courierName(c.courierCode, locale)) }]}
          series={[{ label: translate('shopdesk.dashboard.charts.scans'), data: stats.courierExceptions.map((c) => c.count) }]}
        />
      </ChartCard>
      <ChartCard id="templates" title={translate('shopdesk.dashboard.charts.templates')}>
        <PieChart
          height={CHART_HEIGHT}
          series={[
            {
              innerRadius: 40,
              data: stats.templateUsage.map((t, i) => ({ id: i, value: t.count, label: locale === 'en' ? t.titleEn : t.titleKo })),
            },
          ]}
        />
      </ChartCard>
    </Box>
  );
};

export const DashboardCharts = () => {
  const translate = useTranslate();
  const [filter, setFilter] = useState<DashboardFilter>({ from: kstDay(-29), to: kstDay(), type: '' });
  const { data, error, isPending } = useDashboardStats(filter);
  const set = (patch: Partial<DashboardFilter>) => setFilter((f) => ({ ...f, ...patch }));
  return (
    <Box sx={{ mt: 3 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mr: 'auto' }}>
          {translate(data?.scope === 'mine' ? 'shopdesk.dashboard.charts.title_mine' : 'shopdesk.dashboard.charts.title_team')}
        </Typography>
        <TextField
          type="date"
          size="small"
          sx={{ width: 180 }}
          label={translate('shopdesk.dashboard.charts.from')}
          value={filter.from}
          onChange={(e) => e.target.value && set({ from: e.target.value })}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dashboard-from' } }}
        />
        <TextField
          type="date"
          size="small"
          sx={{ width: 180 }}
          label={translate('shopdesk.dashboard.charts.to')}
          value={filter.to}
          onChange={(e) => e.target.value && set({ to: e.target.value })}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'dashboard-to' } }}
        />
        <TextField
          select
          size="small"
          sx={{ width: 180 }}
          label={translate('shopdesk.dashboard.charts.type')}
          value={filter.type}
          onChange={(e) => set({ type: e.target.value as DashboardFilter['type'] })}
        >
          <MenuItem value="">{translate('shopdesk.dashboard.charts.all_types')}</MenuItem>
          {TICKET_TYPES.map((t) => (
            <MenuItem key={t} value={t}>
              {translate(`shopdesk.ticket.type.${t}`)}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {error ? (
        <Alert severity="error">{translate(errorMessage(error))}</Alert>
      ) : isPending ? (
        <Skeleton variant="rectangular" height={CHART_HEIGHT} />
      ) : (
        <Charts stats={data} />
      )}
    </Box>
  );
};
