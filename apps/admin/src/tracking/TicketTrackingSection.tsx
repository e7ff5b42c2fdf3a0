import type { ReactNode } from 'react';
import { Alert, Box, Chip, Divider, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { formatCalendarDate } from '../common/formatting';
import { Section } from '../common/Section';
import { errorMessage } from '../providers/http-client';
import { formatKst } from '../scenarios/scenario-format';
import { formatKstShort } from '../sla/sla-format';
import {
  courierName,
  expectedDeliveryDate,
  isFinalShipmentStatus,
  isOutOfOrder,
  shipmentStatusColor,
  shipmentStatusLabel,
} from './tracking-format';
import type { ShipmentEventRecord, ShipmentRecord } from './types';
import { useTicketShipments } from './useTicketShipments';

const DOT: Record<ReturnType<typeof shipmentStatusColor>, string> = {
  default: 'grey.500',
  primary: 'primary.main',
  secondary: 'secondary.main',
  info: 'info.main',
  success: 'success.main',
  warning: 'warning.main',
  error: 'error.main',
};

/** 배송완료 (green) / 배송 이상 (red) / 배달 실패 (amber) / 배송중 (grey). */
export const ShipmentStatusChip = ({ status }: { status: string }) => {
  const [locale] = useLocaleState();
  const color = shipmentStatusColor(status);
  return (
    <Chip
      size="small"
      color={color}
      variant={color === 'default' || color === 'info' ? 'outlined' : 'filled'}
      label={shipmentStatusLabel(status, locale)}
      data-testid="tracking-status"
      data-status={status}
    />
  );
};

const Fact = ({ label, children }: { label: string; children: ReactNode }) => {
  const translate = useTranslate();
  const empty = children == null || children === '';
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography variant="body2" component="div" color={empty ? 'text.disabled' : undefined}>
        {empty ? translate('shopdesk.ticket.message.not_recorded') : children}
      </Typography>
    </Box>
  );
};

/** One scan: KST time, status, location, description and the courier's raw code. */
const Scan = ({ event }: { event: ShipmentEventRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const late = isOutOfOrder(event);
  const short = formatKstShort(event.occurredAt);
  return (
    <Box
      component="li"
      data-testid="tracking-event"
      data-outcome={event.outcome ?? ''}
      data-status={event.status}
      sx={{
        position: 'relative',
        pl: 2.5,
        pb: 1.5,
        borderLeft: 2,
        borderColor: 'divider',
        color: late ? 'text.disabled' : undefined,
        '&:last-of-type': { borderColor: 'transparent' },
        '&::before': {
          content: '""',
          position: 'absolute',
          left: -6,
          top: 4,
          width: 10,
          height: 10,
          borderRadius: '50%',
          bgcolor: late ? 'grey.400' : DOT[shipmentStatusColor(event.status)],
        },
      }}
    >
      <Typography
        variant="caption"
        component="time"
        dateTime={event.occurredAt}
        title={formatKst(event.occurredAt, locale) ?? undefined}
        color={late ? 'text.disabled' : 'text.secondary'}
        sx={{ display: 'block' }}
      >
        {short ? `${short} KST` : event.occurredAt}
      </Typography>
      <Typography variant="body2" component="div" color={late ? 'text.disabled' : undefined}>
        <Box component="span" sx={{ fontWeight: 500 }}>
          {shipmentStatusLabel(event.status, locale)}
        </Box>
        {event.location ? ` · ${event.location}` : null}
      </Typography>
      {event.description ? (
        <Typography variant="body2" component="div" color={late ? 'text.disabled' : 'text.secondary'} sx={{ overflowWrap: 'anywhere' }}>
          {event.description}
        </Typography>
      ) : null}
      {late ? (
        <Tooltip title={translate('shopdesk.tracking.message.out_of_order_help')}>
          <Typography variant="caption" component="div" color="text.disabled" sx={{ fontStyle: 'italic' }} data-testid="tracking-out-of-order">
            {translate('shopdesk.tracking.message.out_of_order')}
          </Typography>
        </Tooltip>
      ) : null}
      <Typography
        variant="caption"
        component="div"
        color="text.disabled"
        title={translate('shopdesk.tracking.message.raw_status', { provider: event.provider })}
        sx={{ fontFamily: 'monospace', fontSize: '0.7rem' }}
        data-testid="tracking-raw-status"
      >
        {event.rawStatus}
      </Typography>
    </Box>
  );
};

const Shipment = ({ shipment }: { shipment: ShipmentRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Box data-testid="tracking-shipment" data-shipment-id={shipment.id}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap', mb: 1 }}>
        <ShipmentStatusChip status={shipment.status} />
        {isFinalShipmentStatus(shipment.status) ? (
          <Typography variant="caption" color="text.secondary" data-testid="tracking-final">
            {translate('shopdesk.tracking.final')}
          </Typography>
        ) : null}
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(9rem, 1fr))', columnGap: 2 }}>
        <Fact label={translate('shopdesk.tracking.courier')}>{courierName(shipment.courierCode, locale)}</Fact>
        <Fact label={translate('shopdesk.tracking.waybill')}>
          <Box component="span" sx={{ fontFamily: 'monospace' }} data-testid="tracking-waybill">
            {shipment.waybill}
          </Box>
        </Fact>
        <Fact label={translate('shopdesk.tracking.expected_delivery')}>
          {formatCalendarDate(expectedDeliveryDate(shipment.expectedDelivery), locale)}
        </Fact>
        <Fact label={translate('shopdesk.tracking.last_update')}>
          <Box component="time" dateTime={shipment.lastEventAt} data-testid="tracking-last-update">
            {formatKst(shipment.lastEventAt, locale)}
          </Box>
        </Fact>
      </Box>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 0.5 }}>
        {translate('shopdesk.tracking.scans')}
      </Typography>
      <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0, pl: 0.75 }}>
        {shipment.events.map((event) => (
          <Scan key={event.id} event={event} />
        ))}
      </Box>
    </Box>
  );
};

/** "배송 조회": the courier's view of the ticket's waybill — current status and every scan, in KST. */
export const TicketTrackingSection = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { data, isPending, error } = useTicketShipments(record?.id);
  if (!record) return null;
  // A shipment is only created from a scan; one without scans has nothing to show either.
  const shipments = (data ?? []).filter((s) => s.events.length > 0);
  const noWaybill = !record.shipment?.waybillNumber;
  return (
    <Section title={translate('shopdesk.tracking.section')} testId="ticket-tracking">
      {isPending ? (
        <LinearProgress />
      ) : error ? (
        <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>
      ) : noWaybill || shipments.length === 0 ? (
        <Box data-testid="tracking-empty">
          <Typography variant="body2" color="text.secondary">
            {translate('shopdesk.tracking.message.empty')}
          </Typography>
          {noWaybill ? (
            <Typography variant="caption" color="text.disabled" component="div">
              {translate('shopdesk.tracking.message.no_waybill')}
            </Typography>
          ) : null}
        </Box>
      ) : (
        <Stack spacing={2} divider={<Divider flexItem />}>
          {shipments.map((shipment) => (
            <Shipment key={shipment.id} shipment={shipment} />
          ))}
        </Stack>
      )}
    </Section>
  );
};
