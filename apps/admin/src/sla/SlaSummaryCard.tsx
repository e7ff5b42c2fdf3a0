import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import TimerIcon from '@mui/icons-material/Timer';
import { useQuery } from '@tanstack/react-query';
import { HttpError, LinkBase, useCreatePath, useDataProvider, useTranslate } from 'react-admin';
import { TICKET_STATUSES } from '@shopdesk/contracts/tickets';
import type { ShopDeskDataProvider } from '../providers/data-provider';
import { SLA_SOON_MINUTES } from './sla-format';
import type { SlaSummary } from './types';

const OPEN_STATUSES = TICKET_STATUSES.filter((status) => status !== 'resolved' && status !== 'closed');

const Count = ({
  label,
  value,
  pending,
  filter,
  testId,
  alert,
}: {
  label: string;
  value: number | undefined;
  pending: boolean;
  filter: Record<string, unknown>;
  testId: string;
  alert?: boolean;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const to = `${createPath({ resource: 'tickets', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return (
    <CardActionArea component={LinkBase} to={to} sx={{ flex: '1 1 8rem', borderRadius: 1, p: 1 }}>
      <Typography variant="body2" color="text.secondary">
        {translate(label)}
      </Typography>
      <Typography
        variant="h4"
        component="p"
        data-testid={testId}
        color={alert && value ? 'error' : undefined}
      >
        {pending ? <Skeleton width="2ch" /> : (value ?? '–')}
      </Typography>
    </CardActionArea>
  );
};

/**
 * "SLA: 오늘 위반 N / 1시간 내 위험 M" from GET /sla/summary; each number opens the ticket list
 * with the matching quick filter. Refreshed every minute while the dashboard is open.
 */
export const SlaSummaryCard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  const { data, isPending, error } = useQuery<SlaSummary>({
    queryKey: ['sla', 'summary'],
    queryFn: async () => (await dataProvider.getSlaSummary()).data,
    refetchInterval: 60_000,
  });
  // A role without access to the summary simply does not get the card.
  if (error instanceof HttpError && error.status === 403) return null;
  return (
    <Card sx={{ flex: '2 1 24rem' }} data-testid="sla-summary">
      <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2, pb: '16px !important' }}>
        <Box sx={{ color: data?.breachedToday ? 'error.main' : 'primary.main', display: 'flex' }}>
          <TimerIcon fontSize="large" />
        </Box>
        <Typography variant="h6" component="h2" sx={{ whiteSpace: 'nowrap' }}>
          {translate('shopdesk.dashboard.sla_title')}
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, flex: 1 }}>
          <Count
            label="shopdesk.dashboard.sla_breached_today"
            value={data?.breachedToday}
            pending={isPending}
            filter={{ slaBreached: true }}
            testId="sla-breached-today"
            alert
          />
          <Count
            label="shopdesk.dashboard.sla_at_risk"
            value={data?.atRisk}
            pending={isPending}
            filter={{ slaDueWithinMinutes: SLA_SOON_MINUTES }}
            testId="sla-at-risk"
          />
          <Count
            label="shopdesk.dashboard.sla_breached_open"
            value={data?.breachedOpen}
            pending={isPending}
            filter={{ slaBreached: true, status: OPEN_STATUSES }}
            testId="sla-breached-open"
            alert
          />
        </Box>
      </CardContent>
    </Card>
  );
};
