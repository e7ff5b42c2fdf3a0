import { useState } from 'react';
import { Button as RaButton, Link, useGetOne, useNotify, useRecordContext, useRedirect, useRefresh, useTranslate } from 'react-admin';
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
  FormControlLabel,
  List,
  ListItemButton,
  ListItemText,
  TextField,
  Typography,
} from '@mui/material';
import MergeIcon from '@mui/icons-material/MergeType';
import { useQuery } from '@tanstack/react-query';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { errorMessage, httpClient } from '../providers/http-client';

// "병합 / Merge" on the ticket page: pick the surviving ticket (the same customer's first), then
// the server moves the conversation there and closes this one with a pointer.

interface MergeCandidate {
  id: string;
  reference: string;
  subject: string;
  status: TicketRecord['status'];
  customerName: string;
  customerEmail: string | null;
  orderNumber: string | null;
  sameCustomer: boolean;
}

export const TicketMergeButton = () => {
  const record = useRecordContext<TicketRecord>();
  const [open, setOpen] = useState(false);
  if (!record || record.status === 'closed') return null;
  return (
    <>
      <RaButton label="shopdesk.merge.button" onClick={() => setOpen(true)} data-testid="merge-open">
        <MergeIcon />
      </RaButton>
      {open ? <MergeDialog ticket={record} onClose={() => setOpen(false)} /> : null}
    </>
  );
};

const MergeDialog = ({ ticket, onClose }: { ticket: TicketRecord; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const refresh = useRefresh();
  const [q, setQ] = useState('');
  const [selected, setSelected] = useState<MergeCandidate | null>(null);
  const [force, setForce] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { data: candidates = [] } = useQuery({
    queryKey: ['merge-candidates', ticket.id, q.trim()],
    queryFn: async () => {
      const query = q.trim() ? `?q=${encodeURIComponent(q.trim())}` : '';
      const { json } = await httpClient(`/tickets/${encodeURIComponent(ticket.id)}/merge-candidates${query}`);
      return json as MergeCandidate[];
    },
  });

  const submit = async () => {
    if (!selected) return;
    setPending(true);
    setError(null);
    try {
      await httpClient(`/tickets/${encodeURIComponent(ticket.id)}/merge`, {
        method: 'POST',
        body: JSON.stringify({ intoId: selected.id, ...(force ? { force: true } : {}) }),
      });
      notify('shopdesk.merge.done', { type: 'success', messageArgs: { reference: selected.reference } });
      refresh();
      redirect('show', 'tickets', selected.id);
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  };

  return (
    <Dialog open onClose={pending ? undefined : onClose} fullWidth maxWidth="sm" data-testid="merge-dialog">
      <DialogTitle>{translate('shopdesk.merge.title', { reference: ticket.reference })}</DialogTitle>
      <DialogContent>
        <Box sx={{ display: 'grid', gap: 1.5, pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('shopdesk.merge.explain')}
          </Typography>
          <TextField
            label={translate('shopdesk.merge.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'merge-search' } }}
            size="small"
          />
          {candidates.length === 0 ? (
            <Typography variant="body2" color="text.disabled" data-testid="merge-none">
              {translate('shopdesk.merge.none')}
            </Typography>
          ) : (
            <List dense sx={{ maxHeight: 300, overflow: 'auto' }}>
              {candidates.map((c) => (
                <ListItemButton
                  key={c.id}
                  selected={selected?.id === c.id}
                  onClick={() => setSelected(c)}
                  data-testid="merge-candidate"
                  data-reference={c.reference}
                >
                  <ListItemText
                    primary={
                      <>
                        <Box component="span" sx={{ fontFamily: 'monospace', mr: 1 }}>
                          {c.reference}
                        </Box>
                        {c.subject}
                      </>
                    }
                    secondary={[c.customerName, c.customerEmail, c.orderNumber].filter(Boolean).join(' · ')}
                  />
                  {c.sameCustomer ? <Chip size="small" color="primary" label={translate('shopdesk.merge.same_customer')} /> : null}
                </ListItemButton>
              ))}
            </List>
          )}
          {selected && !selected.sameCustomer ? (
            <FormControlLabel
              control={<Checkbox checked={force} onChange={(e) => setForce(e.target.checked)} />}
              label={translate('shopdesk.merge.force')}
            />
          ) : null}
          {error ? (
            <Alert severity="error" data-testid="merge-error">
              {error}
            </Alert>
          ) : null}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={pending}>
          {translate('shopdesk.merge.cancel')}
        </Button>
        <Button variant="contained" onClick={submit} disabled={pending || !selected} data-testid="merge-submit">
          {translate('shopdesk.merge.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/** On a merged ticket: where the conversation went. */
export const MergedNotice = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { data: survivor } = useGetOne<TicketRecord>('tickets', { id: record?.mergedIntoId ?? '' }, { enabled: !!record?.mergedIntoId });
  if (!record?.mergedIntoId) return null;
  return (
    <Alert severity="info" data-testid="merged-notice">
      {translate('shopdesk.merge.merged_notice', { reference: survivor?.reference ?? '…' })}{' '}
      <Link to={`/tickets/${record.mergedIntoId}/show`} data-testid="merged-link">
        {translate('shopdesk.merge.open_survivor')}
      </Link>
    </Alert>
  );
};
