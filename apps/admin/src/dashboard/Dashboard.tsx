import { lazy, Suspense, type ReactNode } from 'react';
import { Box, Card, CardActionArea, CardContent, LinearProgress, Skeleton, Typography } from '@mui/material';
import AlarmIcon from '@mui/icons-material/Alarm';
import FiberNewIcon from '@mui/icons-material/FiberNew';
import HourglassEmptyIcon from '@mui/icons-material/HourglassEmpty';
import PersonIcon from '@mui/icons-material/Person';
import PriorityHighIcon from '@mui/icons-material/PriorityHigh';
import { LinkBase, Title, useCreatePath, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import { PENDING_STATUSES, TICKET_STATUSES, type TicketStatus } from '@shopdesk/contracts/tickets';
import { SlaSummaryCard } from '../sla/SlaSummaryCard';
// The charts (@mui/x-charts) load as their own chunk after the first paint: they are the heaviest
// part of the admin and nobody needs them to log in or open a ticket.
const DashboardCharts = lazy(() => import('./DashboardCharts').then((m) => ({ default: m.DashboardCharts })));
import { DUE_SOON_HOURS } from '../tickets/choices';

// Small cards with live counts; each opens the ticket list with the same filter.

const UNRESOLVED: TicketStatus[] = TICKET_STATUSES.filter((status) => status !== 'resolved' && status !== 'closed');

const CountCard = ({ label, filter, icon }: { label: string; filter: Record<string, unknown>; icon: ReactNode }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  // perPage 1: only the total from Content-Range is needed.
  const { total, isPending } = useGetList('tickets', {
    filter,
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'createdAt', order: 'DESC' },
  });
  const to = `${createPath({ resource: 'tickets', type: 'list' })}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
  return (
    <Card sx={{ flex: '1 1 12rem' }}>
      <CardActionArea component={LinkBase} to={to} sx={{ height: '100%' }}>
        <CardContent sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <Box sx={{ color: 'primary.main', display: 'flex' }}>{icon}</Box>
          <Box>
            <Typography variant="body2" color="text.secondary">
              {translate(label)}
            </Typography>
            <Typography variant="h4" component="p">
              {isPending ? <Skeleton width="2ch" /> : (total ?? '–')}
            </Typography>
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('shopdesk.dashboard.title')} />
      {identity?.fullName ? (
        <Typography variant="h6" component="h1" sx={{ mb: 2 }}>
          {translate('shopdesk.dashboard.welcome', { name: identity.fullName })}
        </Typography>
      ) : null}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2 }}>
        <SlaSummaryCard />
        <CountCard label="shopdesk.dashboard.new" filter={{ status: 'new' }} icon={<FiberNewIcon fontSize="large" />} />
        {identity ? (
          <CountCard
            label="shopdesk.dashboard.mine"
            filter={{ assigneeId: identity.id, status: UNRESOLVED }}
            icon={<PersonIcon fontSize="large" />}
          />
        ) : null}
        <CountCard
          label="shopdesk.dashboard.pending"
          filter={{ status: PENDING_STATUSES }}
          icon={<HourglassEmptyIcon fontSize="large" />}
        />
        <CountCard
          label="shopdesk.dashboard.due_soon"
          filter={{ deadlineWithinHours: DUE_SOON_HOURS }}
          icon={<AlarmIcon fontSize="large" />}
        />
        <CountCard
          label="shopdesk.dashboard.urgent"
          filter={{ priority: 'urgent', status: UNRESOLVED }}
          icon={<PriorityHighIcon fontSize="large" />}
        />
      </Box>
      <Suspense fallback={<LinearProgress sx={{ my: 2 }} />}>
        <DashboardCharts />
      </Suspense>
    </Box>
  );
};
