import { useEffect, useState } from 'react';
import { Box, Button, LinearProgress, Typography } from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useListContext, useNotify, useTranslate } from 'react-admin';
import type { ExportRecord } from '@shopdesk/contracts/exports';
import { errorMessage, httpClient } from '../providers/http-client';

// "CSV 내보내기": the list's current filter and sort go to GET /tickets/export.csv. A small result
// comes back as the file; a large one is a worker job (202) whose progress is polled here until
// the file can be downloaded from /exports/:id/download.

const POLL_MS = 1_000;

function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const fileNameOf = (res: Response) => /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'tickets.csv';

export const ExportCsvButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const { filterValues, sort } = useListContext();
  const [busy, setBusy] = useState(false);
  const [job, setJob] = useState<ExportRecord | null>(null);

  useEffect(() => {
    if (!job || job.state === 'completed' || job.state === 'failed') return;
    const timer = setTimeout(async () => {
      try {
        const next = (await httpClient(`/exports/${job.id}`)).json as ExportRecord;
        if (next.state === 'completed') window.location.assign(`/exports/${job.id}/download`);
        if (next.state === 'failed') notify('shopdesk.export.failed', { type: 'error' });
        setJob(next);
      } catch (e) {
        notify(errorMessage(e), { type: 'error' });
        setJob(null);
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, notify]);

  const start = async () => {
    setBusy(true);
    try {
      const params = new URLSearchParams({ filter: JSON.stringify(filterValues ?? {}) });
      if (sort?.field) params.set('sort', JSON.stringify([sort.field, sort.order]));
      const res = await fetch(`/tickets/export.csv?${params}`, { credentials: 'include' });
      if (res.status === 200) {
        saveBlob(await res.blob(), fileNameOf(res));
      } else if (res.status === 202) {
        setJob((await res.json()) as ExportRecord);
        notify('shopdesk.export.queued', { type: 'info' });
      } else {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        notify(body.message ?? 'ra.notification.http_error', { type: 'error' });
      }
    } catch (e) {
      notify(errorMessage(e), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const running = !!job && (job.state === 'queued' || job.state === 'running');
  return (
    <Box sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
      <Button size="small" startIcon={<DownloadIcon />} onClick={start} disabled={busy || running} data-testid="export-csv">
        {translate('shopdesk.export.button')}
      </Button>
      {running ? (
        <Box sx={{ width: 140 }} data-testid="export-progress">
          <LinearProgress variant="determinate" value={job.progress} />
          <Typography variant="caption" color="text.secondary">
            {translate('shopdesk.export.progress', { progress: job.progress })}
          </Typography>
        </Box>
      ) : null}
    </Box>
  );
};
