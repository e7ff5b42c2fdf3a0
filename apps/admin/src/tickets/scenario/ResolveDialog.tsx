import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import RefreshIcon from '@mui/icons-material/Refresh';
import SendIcon from '@mui/icons-material/Send';
import { useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { isEmptyValue } from '@shopdesk/contracts/scenario-fields';
import type { ResolutionCode, ResolutionDef, TicketScenarioRecord } from '@shopdesk/contracts/scenarios';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { formatKrw } from '../../common/formatting';
import type { ResolveScenarioInput, ShopDeskDataProvider } from '../../providers/data-provider';
import { pick, type Lang } from '../../scenarios/scenario-format';
import { toFailure, useScenarioCommand, type CommandFailure } from './useTicketScenario';

/** Whole won ≥ 1, or null. */
function parseAmount(text: string): number | null {
  const n = Number(text.trim().replace(/,/g, ''));
  return text.trim() !== '' && Number.isInteger(n) && n >= 1 ? n : null;
}

export const ResolveDialog = ({
  open,
  onClose,
  scenario,
  ticket,
}: {
  open: boolean;
  onClose: () => void;
  scenario: TicketScenarioRecord;
  ticket: TicketRecord;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="resolve-dialog-title">
      <DialogTitle id="resolve-dialog-title">{translate('shopdesk.scenario.resolve.title')}</DialogTitle>
      {open ? <ResolveForm scenario={scenario} ticket={ticket} onClose={onClose} /> : null}
    </Dialog>
  );
};

const ResolveForm = ({
  scenario,
  ticket,
  onClose,
}: {
  scenario: TicketScenarioRecord;
  ticket: TicketRecord;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  const { run, pending } = useScenarioCommand();
  const def = scenario.definition;

  const [code, setCode] = useState<ResolutionCode | ''>('');
  const [amount, setAmount] = useState('');
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const [replyId, setReplyId] = useState('');
  const [lang, setLang] = useState<Lang>('ko');
  const [body, setBody] = useState('');
  const [missingVars, setMissingVars] = useState<string[]>([]);
  const [preview, setPreview] = useState<{ loading: boolean; error: string | null; stale: boolean }>({
    loading: false,
    error: null,
    stale: false,
  });
  const [regenerate, setRegenerate] = useState(0);
  const [failure, setFailure] = useState<CommandFailure | null>(null);
  const [inputErrors, setInputErrors] = useState<Record<string, string>>({});
  const edited = useRef(false);
  const lastRegenerate = useRef(0);

  const resolution: ResolutionDef | undefined = def.resolutions.find((r) => r.code === code);
  const amountValue = parseAmount(amount);
  // The preview follows the amount with a short delay instead of one request per keystroke.
  const [previewAmount, setPreviewAmount] = useState<number | null>(null);
  useEffect(() => {
    const timer = window.setTimeout(() => setPreviewAmount(amountValue), 400);
    return () => window.clearTimeout(timer);
  }, [amountValue]);

  useEffect(() => {
    if (!replyId) {
      setBody('');
      setMissingVars([]);
      setPreview({ loading: false, error: null, stale: false });
      return;
    }
    // An edited text is not thrown away silently: offer to regenerate it instead.
    const explicit = regenerate !== lastRegenerate.current;
    lastRegenerate.current = regenerate;
    if (edited.current && !explicit) {
      setPreview((p) => ({ ...p, stale: true }));
      return;
    }
    let cancelled = false;
    setPreview({ loading: true, error: null, stale: false });
    dataProvider
      .previewScenarioReply(ticket.id, replyId, {
        lang,
        ...(code ? { code } : {}),
        ...(code && resolution?.requiresAmount && previewAmount ? { amount: previewAmount } : {}),
        ...(code && resolution?.reasonCodes && reasonCode ? { reasonCode } : {}),
      })
      .then(({ data }) => {
        if (cancelled) return;
        edited.current = false;
        setBody(data.body);
        setMissingVars(data.missing);
        setPreview({ loading: false, error: null, stale: false });
      })
      .catch((error: unknown) => {
        if (!cancelled) setPreview({ loading: false, error: toFailure(error).message, stale: false });
      });
    return () => {
      cancelled = true;
    };
    // resolution is derived from code
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataProvider, ticket.id, replyId, lang, code, previewAmount, reasonCode, regenerate]);

  const chooseResolution = (next: ResolutionCode) => {
    const res = def.resolutions.find((r) => r.code === next);
    setCode(next);
    setReasonCode('');
    setReplyId(res?.reply ?? '');
    setFailure(null);
    setInputErrors({});
    edited.current = false;
  };

  // What the server will refuse, said up front (it still decides).
  const openBlocking = def.checklist.filter((c) => c.blocking && !scenario.checklist.find((m) => m.id === c.id)?.done);
  const required = [
    ...new Set([...def.fields.filter((f) => f.required).map((f) => f.id), ...(resolution?.requires ?? [])]),
  ].filter((id) => isEmptyValue(scenario.fields[id]));
  const fieldLabel = (id: string) => {
    const f = def.fields.find((x) => x.id === id);
    return f ? pick(f.label, locale) : id;
  };
  const deadlinePassed = (res: ResolutionDef) => {
    if (!res.notAfterDeadline) return null;
    const d = scenario.deadlines.find((x) => x.id === res.notAfterDeadline);
    if (!d?.dueAt || Date.parse(d.dueAt) > Date.now()) return null;
    return def.deadlines.find((x) => x.id === d.id) ?? null;
  };
  const passedDeadline = resolution ? deadlinePassed(resolution) : null;
  const alternative = resolution?.alternative ? def.resolutions.find((r) => r.code === resolution.alternative) : undefined;

  const submit = async (withReply: boolean) => {
    if (!resolution) return;
    const errors: Record<string, string> = {};
    if (resolution.requiresAmount) {
      if (amountValue === null) errors.amount = translate('shopdesk.scenario.resolve.amount_required');
      else if (ticket.order.amount != null && amountValue > ticket.order.amount) {
        errors.amount = translate('shopdesk.scenario.resolve.amount_too_high', { max: formatKrw(ticket.order.amount) });
      }
    }
    if (resolution.reasonCodes && !reasonCode) errors.reasonCode = translate('shopdesk.scenario.resolve.reason_required');
    if (withReply && !body.trim()) errors.body = translate('shopdesk.scenario.resolve.body_required');
    setInputErrors(errors);
    if (Object.keys(errors).length) return;

    const input: ResolveScenarioInput = {
      code: resolution.code,
      ...(resolution.requiresAmount && amountValue !== null ? { amount: amountValue } : {}),
      ...(resolution.reasonCodes ? { reasonCode } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
      ...(withReply ? { reply: { lang, body: body.trim() } } : {}),
    };
    setFailure(null);
    const result = await run((dp) => dp.resolveScenario(ticket.id, input), {
      success: withReply ? 'shopdesk.scenario.notification.resolved_with_reply' : 'shopdesk.scenario.notification.resolved',
      notifyError: false,
    });
    if (result.ok) {
      onClose();
      return;
    }
    setFailure(result.failure);
    const server: Record<string, string> = {};
    for (const key of ['amount', 'reasonCode'] as const) {
      const message = result.failure.errors[key];
      if (typeof message === 'string') server[key] = message;
    }
    if (Object.keys(server).length) setInputErrors(server);
  };

  const statusAfter = resolution ? (resolution.status ?? 'resolved') : null;

  return (
    <>
      <DialogContent dividers data-testid="resolve-dialog">
        <Stack spacing={2}>
          {openBlocking.length ? (
            <Alert severity="warning" data-testid="resolve-blocking-warning">
              {translate('shopdesk.scenario.resolve.blocking_open', {
                steps: openBlocking.map((c) => pick(c.label, locale)).join(', '),
              })}
            </Alert>
          ) : null}

          <FormControl>
            <FormLabel id="resolution-label">{translate('shopdesk.scenario.resolve.resolution')}</FormLabel>
            <RadioGroup
              aria-labelledby="resolution-label"
              name="resolution"
              value={code}
              onChange={(event) => chooseResolution(event.target.value as ResolutionCode)}
            >
              {def.resolutions.map((res) => {
                const hints = [
                  res.requiresAmount ? translate('shopdesk.scenario.resolve.hint_amount') : null,
                  res.reasonCodes ? translate('shopdesk.scenario.resolve.hint_reason') : null,
                  res.requires?.length
                    ? translate('shopdesk.scenario.message.requires', { fields: res.requires.map(fieldLabel).join(', ') })
                    : null,
                  deadlinePassed(res) ? translate('shopdesk.scenario.countdown.passed') : null,
                ].filter(Boolean);
                return (
                  <FormControlLabel
                    key={res.code}
                    value={res.code}
                    disabled={pending}
                    control={
                      <Radio
                        size="small"
                        slotProps={{ input: { 'data-testid': `resolution-${res.code}` } as object }}
                      />
                    }
                    label={
                      <Box>
                        <Typography variant="body2" component="span">
                          {pick(res.label, locale)}
                        </Typography>
                        {hints.length ? (
                          <Typography variant="caption" color="text.secondary" component="span" sx={{ ml: 1 }}>
                            {hints.join(' · ')}
                          </Typography>
                        ) : null}
                      </Box>
                    }
                  />
                );
              })}
            </RadioGroup>
          </FormControl>

          {resolution ? (
            <>
              {statusAfter ? (
                <Typography variant="caption" color="text.secondary">
                  {translate('shopdesk.scenario.resolve.status_after', {
                    status: translate(`shopdesk.ticket.status.${statusAfter}`),
                  })}
                </Typography>
              ) : null}
              {required.length ? (
                <Alert severity="warning" data-testid="resolve-missing-warning">
                  {translate('shopdesk.scenario.resolve.missing_fields', { fields: required.map(fieldLabel).join(', ') })}
                </Alert>
              ) : null}
              {passedDeadline ? (
                <Alert severity="error" data-testid="resolve-deadline-warning">
                  {translate('shopdesk.scenario.resolve.deadline_passed', { deadline: pick(passedDeadline.label, locale) })}
                  {alternative
                    ? ` ${translate('shopdesk.scenario.resolve.alternative', { label: pick(alternative.label, locale) })}`
                    : ''}
                </Alert>
              ) : null}

              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                {resolution.requiresAmount ? (
                  <TextField
                    label={translate('shopdesk.scenario.resolve.amount')}
                    type="number"
                    size="small"
                    required
                    value={amount}
                    onChange={(event) => {
                      setAmount(event.target.value);
                      setInputErrors(({ amount: _a, ...rest }) => rest);
                    }}
                    error={!!inputErrors.amount}
                    helperText={
                      inputErrors.amount ??
                      (ticket.order.amount != null
                        ? translate('shopdesk.scenario.resolve.amount_help', { max: formatKrw(ticket.order.amount) })
                        : undefined)
                    }
                    slotProps={{ htmlInput: { 'data-testid': 'resolve-amount', min: 1, step: 1, inputMode: 'numeric' } }}
                    sx={{ flex: 1 }}
                  />
                ) : null}
                {resolution.reasonCodes ? (
                  <TextField
                    select
                    label={translate('shopdesk.scenario.resolve.reason')}
                    size="small"
                    required
                    value={reasonCode}
                    onChange={(event) => {
                      setReasonCode(event.target.value);
                      setInputErrors(({ reasonCode: _r, ...rest }) => rest);
                    }}
                    error={!!inputErrors.reasonCode}
                    helperText={inputErrors.reasonCode}
                    slotProps={{
                      select: { native: true },
                      inputLabel: { shrink: true },
                      htmlInput: { 'data-testid': 'resolve-reason' },
                    }}
                    sx={{ flex: 1 }}
                  >
                    <option value="">{translate('shopdesk.scenario.message.choose')}</option>
                    {resolution.reasonCodes.map((r) => (
                      <option key={r.code} value={r.code}>
                        {pick(r.label, locale)}
                      </option>
                    ))}
                  </TextField>
                ) : null}
              </Stack>

              <TextField
                label={translate('shopdesk.scenario.resolve.note')}
                size="small"
                multiline
                minRows={2}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                helperText={translate('shopdesk.scenario.resolve.note_help')}
                slotProps={{ htmlInput: { 'data-testid': 'resolve-note', maxLength: 2000 } }}
              />

              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
                <TextField
                  select
                  label={translate('shopdesk.scenario.resolve.reply')}
                  size="small"
                  value={replyId}
                  onChange={(event) => {
                    edited.current = false;
                    setReplyId(event.target.value);
                  }}
                  slotProps={{
                    select: { native: true },
                    inputLabel: { shrink: true },
                    htmlInput: { 'data-testid': 'resolve-reply' },
                  }}
                  sx={{ flex: 1 }}
                >
                  <option value="">{translate('shopdesk.scenario.resolve.no_reply')}</option>
                  {def.replies.map((r) => (
                    <option key={r.id} value={r.id}>
                      {pick(r.label, locale)}
                      {r.id === resolution.reply ? ` (${translate('shopdesk.scenario.resolve.default_reply')})` : ''}
                    </option>
                  ))}
                </TextField>
                <ToggleButtonGroup
                  size="small"
                  exclusive
                  value={lang}
                  disabled={!replyId}
                  onChange={(_event, next: Lang | null) => {
                    if (!next) return;
                    edited.current = false;
                    setLang(next);
                  }}
                  aria-label={translate('shopdesk.scenario.resolve.lang')}
                >
                  <ToggleButton value="ko" data-testid="reply-lang-ko">
                    한국어
                  </ToggleButton>
                  <ToggleButton value="en" data-testid="reply-lang-en">
                    English
                  </ToggleButton>
                </ToggleButtonGroup>
              </Stack>

              {replyId ? (
                <Box>
                  {preview.loading ? <LinearProgress sx={{ mb: 1 }} /> : null}
                  {preview.error ? (
                    <Alert severity="error" sx={{ mb: 1 }}>
                      {preview.error}
                    </Alert>
                  ) : null}
                  <TextField
                    label={translate('shopdesk.scenario.resolve.preview')}
                    multiline
                    minRows={8}
                    fullWidth
                    value={body}
                    onChange={(event) => {
                      edited.current = true;
                      setBody(event.target.value);
                      setInputErrors(({ body: _b, ...rest }) => rest);
                    }}
                    error={!!inputErrors.body}
                    helperText={inputErrors.body ?? translate('shopdesk.scenario.resolve.preview_help')}
                    slotProps={{ htmlInput: { 'data-testid': 'reply-preview', lang } }}
                  />
                  <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
                    {missingVars.length ? (
                      <Alert severity="warning" sx={{ flex: 1 }} data-testid="reply-missing-variables">
                        {translate('shopdesk.scenario.resolve.missing_variables', { vars: missingVars.join(', ') })}
                      </Alert>
                    ) : (
                      <Box sx={{ flex: 1 }} />
                    )}
                    {preview.stale ? (
                      <Typography variant="caption" color="warning.main">
                        {translate('shopdesk.scenario.resolve.preview_stale')}
                      </Typography>
                    ) : null}
                    <Button
                      size="small"
                      startIcon={<RefreshIcon />}
                      onClick={() => {
                        edited.current = false;
                        setRegenerate((n) => n + 1);
                      }}
                      data-testid="reply-regenerate"
                    >
                      {translate('shopdesk.scenario.resolve.regenerate')}
                    </Button>
                  </Stack>
                </Box>
              ) : null}
            </>
          ) : null}
        </Stack>
      </DialogContent>
      {/* Outside the scrolling content, so the server's refusal is always in view. */}
      {failure ? (
        <Box sx={{ px: 3, pt: 1.5 }}>
          <Alert severity="error" data-testid="resolve-error" data-code={failure.code}>
            {failure.message}
          </Alert>
        </Box>
      ) : null}
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          {translate('ra.action.cancel')}
        </Button>
        <Button
          variant="outlined"
          disabled={pending || !resolution}
          onClick={() => submit(false)}
          data-testid="resolve-submit-without-reply"
        >
          {translate('shopdesk.scenario.action.resolve_without_reply')}
        </Button>
        <Button
          variant="contained"
          startIcon={<SendIcon />}
          disabled={pending || !resolution || !replyId || preview.loading || !body.trim()}
          onClick={() => submit(true)}
          data-testid="resolve-submit"
        >
          {translate('shopdesk.scenario.action.resolve_with_reply')}
        </Button>
      </DialogActions>
    </>
  );
};
