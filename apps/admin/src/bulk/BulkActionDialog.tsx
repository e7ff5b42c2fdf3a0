import { useState } from 'react';
import { Button as RaButton, useGetList, useListContext, useLocaleState, useNotify, useRefresh, useTranslate, useUnselectAll } from 'react-admin';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  LinearProgress,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { useQuery } from '@tanstack/react-query';
import { BULK_ACTIONS, type BulkActionKind } from '@shopdesk/contracts/bulk';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { errorMessage } from '../providers/http-client';
import { pick } from '../scenarios/scenario-format';
import { priorityChoices, statusChoices } from '../tickets/choices';
import { fetchBulkStatus, isFinished, startBulkAction } from './bulk-api';

// Bulk work from the ticket list: pick an action for the selected tickets (or every ticket matching
// the list's filter), then watch the job's progress (polled every second) and its summary.

/** The bulk action button of the ticket list's selection toolbar. */
export const TicketBulkActions = () => {
  const [open, setOpen] = useState(false);
  return (
    <>
      <RaButton label="shopdesk.bulk.button" onClick={() => setOpen(true)} data-testid="bulk-open">
        <PlaylistAddCheckIcon />
      </RaButton>
      {open ? <BulkActionDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
};

type ParamsDraft = { assigneeId: string; status: string; priority: string; tag: string; templateKey: string; replyId: string; body: string };
const EMPTY: ParamsDraft = { assigneeId: '', status: '', priority: '', tag: '', templateKey: '', replyId: '', body: '' };
const UNASSIGN = '__none__';

function paramsFor(action: BulkActionKind, d: ParamsDraft): Record<string, unknown> {
  switch (action) {
    case 'assign':
      return { assigneeId: d.assigneeId === UNASSIGN ? null : d.assigneeId };
    case 'change_status':
      return { status: d.status };
    case 'change_priority':
      return { priority: d.priority };
    case 'add_tag':
    case 'remove_tag':
      return { tag: d.tag };
    case 'apply_template':
      return { templateKey: d.templateKey };
    case 'send_reply':
      return d.replyId.trim() ? { replyId: d.replyId.trim() } : { body: d.body };
  }
}

const BulkActionDialog = ({ onClose }: { onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('tickets');
  const { selectedIds, filterValues, total } = useListContext<TicketRecord>();
  const [action, setAction] = useState<BulkActionKind>('assign');
  const [draft, setDraft] = useState<ParamsDraft>(EMPTY);
  const [allMatching, setAllMatching] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data: users } = useGetList('users', { filter: { active: true }, pagination: { page: 1, perPage: 200 }, sort: { field: 'name', order: 'ASC' } });
  const [locale] = useLocaleState();
  const { data: templates } = useGetList<TemplateRecord>('scenario-templates', { pagination: { page: 1, perPage: 200 }, sort: { field: 'key', order: 'ASC' } });

  const { data: status } = useQuery({
    queryKey: ['bulk-actions', jobId],
    queryFn: () => fetchBulkStatus(jobId!),
    enabled: jobId !== null,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1_000),
  });

  const set = (key: keyof ParamsDraft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const count = allMatching ? (total ?? 0) : selectedIds.length;

  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      const selection = allMatching ? { filter: filterValues } : { ids: selectedIds.map(String) };
      const started = await startBulkAction(action, paramsFor(action, draft), selection);
      setJobId(started.jobId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  };

  const close = () => {
    if (jobId) {
      unselectAll();
      refresh();
      if (isFinished(status)) notify('shopdesk.bulk.finished', { type: 'info' });
    }
    onClose();
  };

  return (
    <Dialog open onClose={pending ? undefined : close} fullWidth maxWidth="sm" data-testid="bulk-dialog">
      <DialogTitle>{translate('shopdesk.bulk.title')}</DialogTitle>
      <DialogContent>
        {jobId === null ? (
          <Box sx={{ display: 'grid', gap: 2, pt: 1 }}>
            <Typography variant="body2" data-testid="bulk-count" data-count={count}>
              {translate('shopdesk.bulk.selected', { count })}
            </Typography>
            <FormControlLabel
              control={<Checkbox checked={allMatching} onChange={(e) => setAllMatching(e.target.checked)} data-testid="bulk-all-matching" />}
              label={translate('shopdesk.bulk.select_all', { total: total ?? 0 })}
            />
            <TextField select label={translate('shopdesk.bulk.action_label')} value={action} onChange={(e) => setAction(e.target.value as BulkActionKind)} data-testid="bulk-action">
              {BULK_ACTIONS.map((a) => (
                <MenuItem key={a} value={a}>
                  {translate(`shopdesk.bulk.action.${a}`)}
                </MenuItem>
              ))}
            </TextField>
            {action === 'assign' ? (
              <TextField select label={translate('shopdesk.bulk.assignee')} value={draft.assigneeId} onChange={set('assigneeId')} data-testid="bulk-assignee">
                <MenuItem value={UNASSIGN}>{translate('shopdesk.ticket.message.unassigned')}</MenuItem>
                {(users ?? []).map((u) => (
                  <MenuItem key={u.id} value={String(u.id)} data-testid="bulk-assignee-option" data-name={u.name}>
                    {u.name}
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
            {action === 'change_status' ? (
              <TextField select label={translate('shopdesk.bulk.status')} value={draft.status} onChange={set('status')}>
                {statusChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {translate(c.name)}
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
            {action === 'change_priority' ? (
              <TextField select label={translate('shopdesk.bulk.priority')} value={draft.priority} onChange={set('priority')}>
                {priorityChoices.map((c) => (
                  <MenuItem key={c.id} value={c.id}>
                    {translate(c.name)}
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
            {action === 'add_tag' || action === 'remove_tag' ? (
              <TextField label={translate('shopdesk.bulk.tag')} value={draft.tag} onChange={set('tag')} />
            ) : null}
            {action === 'apply_template' ? (
              <TextField select label={translate('shopdesk.bulk.template')} value={draft.templateKey} onChange={set('templateKey')}>
                {(templates ?? []).map((t) => (
                  <MenuItem key={t.key} value={t.key}>
                    {pick(t.title, locale)}
                  </MenuItem>
                ))}
              </TextField>
            ) : null}
            {action === 'send_reply' ? (
              <>
                <TextField label={translate('shopdesk.bulk.reply_id')} helperText={translate('shopdesk.bulk.reply_id_help')} value={draft.replyId} onChange={set('replyId')} />
                <TextField label={translate('shopdesk.bulk.body')} value={draft.body} onChange={set('body')} multiline minRows={3} disabled={draft.replyId.trim() !== ''} />
              </>
            ) : null}
            {error ? (
              <Alert severity="error" data-testid="bulk-error">
                {error}
              </Alert>
            ) : null}
          </Box>
        ) : (
          <BulkProgress status={status} />
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={pending} data-testid="bulk-close">
          {translate(jobId ? 'shopdesk.bulk.close' : 'shopdesk.bulk.cancel')}
        </Button>
        {jobId === null ? (
          <Button variant="contained" onClick={submit} disabled={pending || count === 0} data-testid="bulk-submit">
            {translate('shopdesk.bulk.submit')}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
};

const BulkProgress = ({ status }: { status: Awaited<ReturnType<typeof fetchBulkStatus>> | undefined }) => {
  const translate = useTranslate();
  const progress = status?.progress ?? 0;
  return (
    <Box sx={{ display: 'grid', gap: 1.5, pt: 1 }}>
      <Typography variant="body2">
        {translate(`shopdesk.bulk.state.${status?.state ?? 'queued'}`)} · {progress}%
      </Typography>
      <LinearProgress variant="determinate" value={progress} data-testid="bulk-progress" data-progress={progress} aria-label={translate('shopdesk.bulk.progress')} />
      {isFinished(status) && status ? (
        <Box data-testid="bulk-summary" data-done={status.done} data-failed={status.failed.length} data-state={status.state}>
          <Typography variant="body2">
            {translate('shopdesk.bulk.summary', { done: status.done, failed: status.failed.length, total: status.total })}
          </Typography>
          {status.failed.length ? (
            <>
              <Typography variant="subtitle2" sx={{ mt: 1 }}>
                {translate('shopdesk.bulk.failures')}
              </Typography>
              <List dense sx={{ maxHeight: 240, overflow: 'auto' }}>
                {status.failed.map((f) => (
                  <ListItem key={f.ticketId} data-testid="bulk-failure" disableGutters>
                    <ListItemText primary={f.reference} secondary={f.reason} />
                  </ListItem>
                ))}
              </List>
            </>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
};
