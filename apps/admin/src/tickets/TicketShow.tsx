import type { ReactNode } from 'react';
import {
  Box,
  Card,
  CardContent,
  Chip,
  Divider,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  ListButton,
  Show,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
  type TranslateFunction,
} from 'react-admin';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { formatCalendarDate, formatDateTime, formatKrw } from '../common/formatting';
import { RelativeTime } from '../common/RelativeTime';
import { Section } from '../common/Section';
import { MessageComposer } from './MessageComposer';
import { AssignToMeButton, PriorityMenuButton, StatusMenuButton, TagsEditor } from './TicketActions';
import { PriorityChip, StatusChip, TypeChip } from './TicketChips';
import { TicketThread } from './TicketThread';
import { TicketTimeline } from './TicketTimeline';
import { ScenarioChecklist } from './scenario/ScenarioChecklist';
import { ScenarioDeadlines } from './scenario/ScenarioDeadlines';
import { ScenarioPanel } from './scenario/ScenarioPanel';
import { SlaBreachedChip } from '../sla/SlaChips';
import { TicketSlaSection } from '../sla/TicketSlaSection';
import { TicketTrackingSection } from '../tracking/TicketTrackingSection';
import { TicketReshipmentsSection } from '../reshipments/TicketReshipmentsSection';
import { TicketOutboundMailSection } from '../mail/TicketOutboundMailSection';
import { TicketShortcuts } from '../shortcuts/TicketShortcuts';
import { TicketPresenceNotice } from '../live/TicketPresenceNotice';
import { MergedNotice, TicketMergeButton } from '../merge/TicketMerge';

/** A label/value pair; empty values say "기록 없음" rather than disappearing. */
const Fact = ({ label, value }: { label: string; value: ReactNode }) => {
  const translate = useTranslate();
  const empty = value == null || value === '';
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div" color={empty ? 'text.disabled' : undefined}>
        {empty ? translate('shopdesk.ticket.message.not_recorded') : value}
      </Typography>
    </Box>
  );
};

const field = (translate: TranslateFunction, path: string) =>
  translate(`resources.tickets.fields.${path}`);

const TicketHeader = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Card>
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
          {record.reference}
        </Typography>
        <Typography variant="h5" component="h1" sx={{ mb: 1 }}>
          {record.subject}
        </Typography>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <StatusChip status={record.status} />
          <PriorityChip priority={record.priority} />
          <TypeChip type={record.type} />
          <Chip size="small" variant="outlined" label={translate(`shopdesk.ticket.channel.${record.channel}`)} />
          {record.slaBreached ? <SlaBreachedChip /> : null}
          <Typography variant="body2" color="text.secondary">
            {field(translate, 'createdAt')}: <RelativeTime value={record.createdAt} />
          </Typography>
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', mt: 2 }}>
          <AssignToMeButton />
          <StatusMenuButton />
          <PriorityMenuButton />
        </Stack>
      </CardContent>
    </Card>
  );
};

const CustomerFacts = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Section title={translate('shopdesk.ticket.section.customer')}>
      <Fact label={translate('shopdesk.ticket.section.customer_name')} value={record.customer.name} />
      <Fact label={field(translate, 'customer.email')} value={record.customer.email} />
      <Fact label={field(translate, 'customer.phone')} value={record.customer.phone} />
    </Section>
  );
};

const OrderFacts = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const { order } = record;
  const items = order.items ?? [];
  return (
    <Section title={translate('shopdesk.ticket.section.order')}>
      <Fact label={field(translate, 'order.number')} value={order.number} />
      <Fact label={field(translate, 'order.amount')} value={formatKrw(order.amount)} />
      <Fact
        label={field(translate, 'order.paymentMethod')}
        value={order.paymentMethod && translate(`shopdesk.ticket.payment_method.${order.paymentMethod}`)}
      />
      <Fact label={field(translate, 'order.paidAt')} value={formatDateTime(order.paidAt, locale)} />
      <Typography variant="caption" color="text.secondary" component="div">
        {field(translate, 'order.items')}
      </Typography>
      {items.length === 0 ? (
        <Typography variant="body2" color="text.disabled">
          {translate('shopdesk.ticket.message.no_items')}
        </Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{field(translate, 'order.item_sku')}</TableCell>
              <TableCell align="right">{field(translate, 'order.item_qty')}</TableCell>
              <TableCell align="right">{field(translate, 'order.item_price')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {items.map((item, index) => (
              <TableRow key={`${item.sku}-${index}`}>
                <TableCell>
                  <Box component="span" sx={{ fontFamily: 'monospace' }}>
                    {item.sku}
                  </Box>
                  {item.name ? (
                    <Typography variant="caption" component="div" color="text.secondary">
                      {item.name}
                    </Typography>
                  ) : null}
                </TableCell>
                <TableCell align="right">{item.qty}</TableCell>
                <TableCell align="right">{formatKrw(item.price)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
};

const ShipmentFacts = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const { shipment } = record;
  return (
    <Section title={translate('shopdesk.ticket.section.shipment')}>
      <Fact label={field(translate, 'shipment.courierCode')} value={shipment.courierCode} />
      <Fact
        label={field(translate, 'shipment.waybillNumber')}
        value={shipment.waybillNumber && <Box component="span" sx={{ fontFamily: 'monospace' }}>{shipment.waybillNumber}</Box>}
      />
      <Fact
        label={field(translate, 'shipment.expectedDeliveryDate')}
        value={formatCalendarDate(shipment.expectedDeliveryDate, locale)}
      />
    </Section>
  );
};

const HandlingFacts = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Section title={translate('shopdesk.ticket.section.handling')}>
      <Fact
        label={field(translate, 'assigneeName')}
        value={record.assigneeName ?? translate('shopdesk.ticket.message.unassigned')}
      />
      <Box sx={{ mt: 1.5 }}>
        <TagsEditor />
      </Box>
    </Section>
  );
};

const TicketShowLayout = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 3 }}>
      <TicketHeader />
      <TicketShortcuts />
      <MergedNotice />
      <TicketPresenceNotice />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 2fr) minmax(0, 1fr)' },
          alignItems: 'start',
        }}
      >
        <Stack spacing={2}>
          <Section title={translate('shopdesk.ticket.section.description')}>
            <Typography
              variant="body2"
              component="div"
              color={record.description ? undefined : 'text.disabled'}
              sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {record.description || translate('shopdesk.ticket.message.empty_description')}
            </Typography>
          </Section>
          <ScenarioPanel />
          <Section title={translate('shopdesk.ticket.section.thread')}>
            <TicketThread />
            <Divider sx={{ my: 2 }} />
            <MessageComposer />
          </Section>
        </Stack>
        <Stack spacing={2}>
          <TicketSlaSection />
          <ScenarioDeadlines />
          <ScenarioChecklist />
          <HandlingFacts />
          <CustomerFacts />
          <OrderFacts />
          <ShipmentFacts />
          <TicketTrackingSection />
          <TicketReshipmentsSection />
          <TicketOutboundMailSection />
          <Section title={translate('shopdesk.ticket.section.timeline')}>
            <TicketTimeline />
          </Section>
        </Stack>
      </Box>
    </Stack>
  );
};

const TicketShowActions = () => (
  <TopToolbar>
    <TicketMergeButton />
    <ListButton />
  </TopToolbar>
);

export const TicketShow = () => (
  <Show component="div" actions={<TicketShowActions />}>
    <TicketShowLayout />
  </Show>
);
