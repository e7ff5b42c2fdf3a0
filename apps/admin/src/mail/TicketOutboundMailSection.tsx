import { useState } from 'react';
import { Alert, Box, Button, Chip, Collapse, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { OutboundMessageRecord } from '@shopdesk/contracts/mail';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { Section } from '../common/Section';
import { errorMessage } from '../providers/http-client';
import { formatKst } from '../scenarios/scenario-format';
import { displayMailBody, mailStatusColor, mailStatusKey, NO_SMTP_REASON } from './mail-format';
import { useTicketOutboundMessages } from './useTicketOutboundMessages';

const OutboundMail = ({ record }: { record: OutboundMessageRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const color = mailStatusColor(record.status);
  const when = record.sentAt ?? record.createdAt;
  const otherReason = record.statusReason && record.statusReason !== NO_SMTP_REASON ? record.statusReason : null;
  return (
    <Box data-testid="outbound-mail" data-status={record.status} data-kind={record.kind}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Chip
          size="small"
          color={color}
          label={translate(mailStatusKey(record), { _: record.status })}
          data-testid="outbound-mail-status"
        />
        <Typography variant="caption" color="text.secondary">
          {translate(`shopdesk.mail.kind.${record.kind}`, { _: record.kind })}
          {' · '}
          {record.locale.toUpperCase()}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Typography variant="caption" color="text.secondary" component="time" dateTime={when}>
          {formatKst(when, locale)}
        </Typography>
      </Box>
      <Typography variant="body2" sx={{ mt: 0.5, fontWeight: 500, overflowWrap: 'anywhere' }} data-testid="outbound-mail-subject">
        {record.subject}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
        {translate('shopdesk.mail.field.to')}: {record.to}
        {record.attempts > 0 ? ` · ${translate('shopdesk.mail.field.attempts')}: ${record.attempts}` : null}
        {otherReason ? ` · ${otherReason}` : null}
      </Typography>
      {record.lastError && record.status !== 'sent' ? (
        <Alert severity={record.status === 'failed' ? 'error' : 'warning'} sx={{ mt: 0.5 }} data-testid="outbound-mail-error">
          <Typography variant="caption" component="div">
            {translate('shopdesk.mail.field.last_error')}
          </Typography>
          <Box sx={{ overflowWrap: 'anywhere' }}>{record.lastError}</Box>
        </Alert>
      ) : null}
      <Button size="small" sx={{ mt: 0.5, px: 0 }} onClick={() => setOpen((o) => !o)} aria-expanded={open} data-testid="outbound-mail-toggle">
        {translate(open ? 'shopdesk.mail.action.hide_body' : 'shopdesk.mail.action.show_body')}
      </Button>
      <Collapse in={open} unmountOnExit>
        <Typography
          variant="body2"
          component="div"
          sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', bgcolor: 'action.hover', borderRadius: 1, p: 1.5, mt: 0.5 }}
          data-testid="outbound-mail-body"
        >
          {displayMailBody(record.body, translate('shopdesk.mail.private_link'))}
        </Typography>
      </Collapse>
    </Box>
  );
};

/** "발송 메일": what the customer (and, for SLA escalations, the leads) were e-mailed about this ticket, newest first. */
export const TicketOutboundMailSection = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { data, isPending, error } = useTicketOutboundMessages(record?.id == null ? undefined : String(record.id));
  if (!record) return null;
  return (
    <Section title={translate('shopdesk.mail.section')} testId="ticket-outbound-mail">
      {isPending ? (
        <LinearProgress />
      ) : error ? (
        <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>
      ) : !data || data.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="outbound-mail-empty">
          {translate(record.customer?.email ? 'shopdesk.mail.message.empty' : 'shopdesk.mail.message.no_address')}
        </Typography>
      ) : (
        <Stack spacing={2} divider={<Divider flexItem />} sx={{ mt: 1 }}>
          {data.map((m) => (
            <OutboundMail key={m.id} record={m} />
          ))}
        </Stack>
      )}
    </Section>
  );
};
