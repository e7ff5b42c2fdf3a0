import { useState, type ReactNode } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  LinearProgress,
  Stack,
  Step,
  StepLabel,
  Stepper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { ReshipmentRecord } from '@shopdesk/contracts/reshipments';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { Section } from '../common/Section';
import { errorMessage } from '../providers/http-client';
import { formatKst } from '../scenarios/scenario-format';
import { useTicketCommand } from '../tickets/useTicketCommand';
import { courierName } from '../tracking/tracking-format';
import {
  RESHIPMENT_STEPS,
  canCancelReshipment,
  canRetryReshipment,
  draftFromOrderItems,
  isActiveReshipment,
  reshipmentInput,
  reshipmentStatusColor,
  reshipmentStepIndex,
  validQty,
  type ReshipDraftItem,
} from './reshipment-format';
import { useTicketReshipments } from './useTicketReshipments';

const Fact = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => {
  const translate = useTranslate();
  const empty = children == null || children === '';
  return (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {label}
      </Typography>
      <Typography
        variant="body2"
        component="div"
        color={empty ? 'text.disabled' : undefined}
        sx={{ overflowWrap: 'anywhere' }}
        data-testid={testId}
      >
        {empty ? translate('shopdesk.ticket.message.not_recorded') : children}
      </Typography>
    </Box>
  );
};

/** 요청됨 → 전송됨 → 물류센터 접수 → 출고됨; failed marks the step it did not reach, cancelled greys it all. */
const Steps = ({ status }: { status: ReshipmentRecord['status'] }) => {
  const translate = useTranslate();
  const reached = reshipmentStepIndex(status);
  const failed = status === 'failed';
  const cancelled = status === 'cancelled';
  return (
    <Stepper
      activeStep={failed ? 1 : reached + 1}
      alternativeLabel
      sx={{ my: 1.5, opacity: cancelled ? 0.45 : 1, '& .MuiStepLabel-label': { fontSize: '0.7rem', mt: 0.5 } }}
      data-testid="reshipment-steps"
    >
      {RESHIPMENT_STEPS.map((step, index) => (
        <Step key={step} completed={!failed && !cancelled ? index <= reached : failed && index === 0}>
          <StepLabel error={failed && index === 1}>{translate(`shopdesk.reshipment.status.${step}`)}</StepLabel>
        </Step>
      ))}
    </Stepper>
  );
};

const Reshipment = ({ record }: { record: ReshipmentRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { run, pending } = useTicketCommand();
  const color = reshipmentStatusColor(record.status);
  const shipped = !!record.waybill;
  return (
    <Box data-testid="reshipment" data-status={record.status} data-reshipment-id={record.id}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Chip
          size="small"
          color={color}
          variant={color === 'default' ? 'outlined' : 'filled'}
          label={translate(`shopdesk.reshipment.status.${record.status}`, { _: record.status })}
          data-testid="reshipment-status"
        />
        {isActiveReshipment(record.status) ? (
          <Typography variant="caption" color="text.secondary">
            {translate('shopdesk.reshipment.message.waiting')}
          </Typography>
        ) : null}
        <Box sx={{ flex: 1 }} />
        {canRetryReshipment(record.status) ? (
          <Button
            size="small"
            disabled={pending}
            data-testid="reshipment-retry"
            onClick={() =>
              run((dp) => dp.retryReshipment(record.id), { message: 'shopdesk.reshipment.message.retried' })
            }
          >
            {translate('shopdesk.reshipment.action.retry')}
          </Button>
        ) : null}
        {canCancelReshipment(record.status) ? (
          <Button
            size="small"
            color="inherit"
            disabled={pending}
            data-testid="reshipment-cancel"
            onClick={() =>
              run((dp) => dp.cancelReshipment(record.id), { message: 'shopdesk.reshipment.message.cancelled' })
            }
          >
            {translate('shopdesk.reshipment.action.cancel')}
          </Button>
        ) : null}
      </Box>
      <Steps status={record.status} />
      <Typography variant="caption" color="text.secondary" component="div">
        {translate('shopdesk.reshipment.field.items')}
      </Typography>
      <Box component="ul" sx={{ m: 0, mb: 1, pl: 2.5 }} data-testid="reshipment-items">
        {record.items.map((item, index) => (
          <Typography key={`${item.sku}-${index}`} component="li" variant="body2">
            <Box component="span" sx={{ fontFamily: 'monospace' }}>
              {item.sku}
            </Box>
            {item.name ? ` ${item.name}` : null} × {item.qty}
          </Typography>
        ))}
      </Box>
      <Fact label={translate('shopdesk.reshipment.field.reason')}>{record.reason}</Fact>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(9rem, 1fr))', columnGap: 2 }}>
        <Fact label={translate('shopdesk.reshipment.field.attempts')}>
          <span data-testid="reshipment-attempts">{record.attempts}</span>
        </Fact>
        <Fact label={translate('shopdesk.reshipment.field.warehouse_ref')}>
          {record.warehouseRef && (
            <Box component="span" sx={{ fontFamily: 'monospace' }}>
              {record.warehouseRef}
            </Box>
          )}
        </Fact>
        {shipped ? (
          <>
            <Fact label={translate('shopdesk.reshipment.field.courier')}>
              {record.courierCode && courierName(record.courierCode, locale)}
            </Fact>
            <Fact label={translate('shopdesk.reshipment.field.waybill')}>
              <Box component="span" sx={{ fontFamily: 'monospace' }} data-testid="reshipment-waybill">
                {record.waybill}
              </Box>
            </Fact>
          </>
        ) : null}
        <Fact label={translate('shopdesk.reshipment.field.created_at')}>
          <time dateTime={record.createdAt}>{formatKst(record.createdAt, locale)}</time>
        </Fact>
        <Fact label={translate('shopdesk.reshipment.field.updated_at')}>
          <time dateTime={record.updatedAt}>{formatKst(record.updatedAt, locale)}</time>
        </Fact>
      </Box>
      {record.lastError ? (
        <Alert severity={record.status === 'failed' ? 'error' : 'warning'} sx={{ mt: 0.5 }} data-testid="reshipment-error">
          <Typography variant="caption" component="div">
            {translate('shopdesk.reshipment.field.last_error')}
          </Typography>
          <Box sx={{ overflowWrap: 'anywhere' }}>{record.lastError}</Box>
        </Alert>
      ) : null}
    </Box>
  );
};

/** "재배송 요청": the order items (all selected, qty editable) and a required reason. */
const RequestDialog = ({ ticket, onClose }: { ticket: TicketRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const { run, pending } = useTicketCommand();
  const [draft, setDraft] = useState<ReshipDraftItem[]>(() => draftFromOrderItems(ticket.order?.items));
  // A sensible default so the common case is one click; the agent can still rewrite it.
  const [reason, setReason] = useState(() =>
    translate('shopdesk.reshipment.dialog.default_reason', { reference: ticket.reference, subject: ticket.subject }),
  );
  const [touched, setTouched] = useState(false);
  const input = reshipmentInput(draft, reason);
  const update = (index: number, patch: Partial<ReshipDraftItem>) =>
    setDraft((rows) => rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const submit = async () => {
    setTouched(true);
    if (!input) return;
    const ok = await run((dp) => dp.requestReshipment(String(ticket.id), input), {
      message: 'shopdesk.reshipment.message.requested',
    });
    if (ok) onClose();
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} fullWidth maxWidth="sm" data-testid="reshipment-dialog">
      <DialogTitle>{translate('shopdesk.reshipment.dialog.title')}</DialogTitle>
      <DialogContent>
        {draft.length === 0 ? (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {translate('shopdesk.reshipment.dialog.no_items')}
          </Alert>
        ) : (
          <Table size="small" sx={{ mb: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell padding="checkbox" />
                <TableCell>{translate('shopdesk.reshipment.dialog.item')}</TableCell>
                <TableCell align="right">{translate('shopdesk.reshipment.dialog.ordered')}</TableCell>
                <TableCell align="right">{translate('shopdesk.reshipment.dialog.qty')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {draft.map((row, index) => {
                const bad = row.selected && !validQty(row.qty);
                return (
                  <TableRow key={`${row.sku}-${index}`} data-testid="reshipment-dialog-item" data-sku={row.sku}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        size="small"
                        checked={row.selected}
                        onChange={(e) => update(index, { selected: e.target.checked })}
                        slotProps={{ input: { 'aria-label': row.sku } }}
                      />
                    </TableCell>
                    <TableCell>
                      <Box component="span" sx={{ fontFamily: 'monospace' }}>
                        {row.sku}
                      </Box>
                      {row.name ? (
                        <Typography variant="caption" component="div" color="text.secondary">
                          {row.name}
                        </Typography>
                      ) : null}
                    </TableCell>
                    <TableCell align="right">{row.ordered}</TableCell>
                    <TableCell align="right" sx={{ width: '7rem' }}>
                      <TextField
                        size="small"
                        type="number"
                        value={row.qty}
                        disabled={!row.selected}
                        error={bad}
                        helperText={bad ? translate('shopdesk.reshipment.dialog.invalid_qty') : undefined}
                        onChange={(e) => update(index, { qty: e.target.value })}
                        slotProps={{ htmlInput: { min: 1, max: 10_000, 'data-testid': 'reshipment-qty' } }}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        <TextField
          label={translate('shopdesk.reshipment.field.reason')}
          required
          fullWidth
          multiline
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={touched && !reason.trim()}
          helperText={translate(
            touched && !reason.trim() ? 'shopdesk.reshipment.dialog.reason_required' : 'shopdesk.reshipment.dialog.reason_help',
          )}
          slotProps={{ htmlInput: { maxLength: 500, 'data-testid': 'reshipment-reason' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending} color="inherit">
          {translate('shopdesk.reshipment.dialog.close')}
        </Button>
        <Button
          variant="contained"
          onClick={submit}
          disabled={pending || draft.length === 0 || (touched && !input)}
          data-testid="reshipment-submit"
        >
          {translate('shopdesk.reshipment.dialog.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** "재배송": the ticket's reshipment requests, newest first, polled while one is on its way. */
export const TicketReshipmentsSection = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { data, isPending, error } = useTicketReshipments(record?.id == null ? undefined : String(record.id));
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <Section
      title={translate('shopdesk.reshipment.section')}
      testId="ticket-reshipments"
      action={
        <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-testid="request-reshipment">
          {translate('shopdesk.reshipment.action.request')}
        </Button>
      }
    >
      {isPending ? (
        <LinearProgress />
      ) : error ? (
        <Alert severity="error">{translate(errorMessage(error), { _: errorMessage(error) })}</Alert>
      ) : !data || data.length === 0 ? (
        <Typography variant="body2" color="text.secondary" data-testid="reshipments-empty">
          {translate('shopdesk.reshipment.message.empty')}
        </Typography>
      ) : (
        <Stack spacing={2} divider={<Divider flexItem />} sx={{ mt: 1 }}>
          {data.map((r) => (
            <Reshipment key={r.id} record={r} />
          ))}
        </Stack>
      )}
      {open ? <RequestDialog ticket={record} onClose={() => setOpen(false)} /> : null}
    </Section>
  );
};
