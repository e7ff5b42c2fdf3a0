import { useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { TicketScenarioRecord } from '@shopdesk/contracts/scenarios';
import type { TicketRecord } from '@shopdesk/contracts/tickets';
import { formatKrw } from '../../common/formatting';
import { RelativeTime } from '../../common/RelativeTime';
import { Section } from '../../common/Section';
import { errorMessage } from '../../providers/http-client';
import { formatKst, pick } from '../../scenarios/scenario-format';
import { ResolveDialog } from './ResolveDialog';
import { ScenarioFieldsForm } from './ScenarioFieldsForm';
import { TemplateChooser } from './TemplateChooser';
import { useTicketScenario } from './useTicketScenario';

/**
 * The ticket's scenario template: suggestions while none is applied; then the template's
 * header, the recorded resolution, the fields form and the resolve dialog. The checklist and
 * the deadlines live in their own cards next to it (ScenarioChecklist, ScenarioDeadlines).
 */
export const ScenarioPanel = () => {
  const record = useRecordContext<TicketRecord>();
  const translate = useTranslate();
  const { data: scenario, isPending, error } = useTicketScenario(record?.id);
  if (!record) return null;

  return (
    <Section title={translate('shopdesk.scenario.section.title')} testId="scenario-panel">
      {isPending ? (
        <LinearProgress />
      ) : error ? (
        <Alert severity="error">{errorMessage(error)}</Alert>
      ) : scenario ? (
        <AppliedScenario scenario={scenario} ticket={record} />
      ) : (
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            {translate('shopdesk.scenario.message.no_template')}
          </Typography>
          <TemplateChooser ticket={record} />
        </Stack>
      )}
    </Section>
  );
};

const AppliedScenario = ({ scenario, ticket }: { scenario: TicketScenarioRecord; ticket: TicketRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [switching, setSwitching] = useState(false);
  const [resolving, setResolving] = useState(false);
  const resolved = !!scenario.resolution;
  const closed = ticket.status === 'closed';

  return (
    <Stack spacing={2}>
      <Box data-testid="scenario-header" data-template-key={scenario.templateKey}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="h6" component="h3" data-testid="scenario-title">
            {pick(scenario.title, locale)}
          </Typography>
          <Chip
            size="small"
            variant="outlined"
            label={translate('shopdesk.scenario.message.version', { version: scenario.templateVersion })}
          />
          <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
            {scenario.templateKey}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <Button
            size="small"
            startIcon={<SwapHorizIcon />}
            disabled={resolved || closed}
            onClick={() => setSwitching(true)}
            data-testid="change-template"
          >
            {translate('shopdesk.scenario.action.change_template')}
          </Button>
          {resolved ? null : (
            <Button
              variant="contained"
              color="success"
              startIcon={<TaskAltIcon />}
              disabled={closed}
              onClick={() => setResolving(true)}
              data-testid="resolve-button"
            >
              {translate('shopdesk.scenario.action.resolve')}
            </Button>
          )}
        </Stack>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {pick(scenario.definition.summary, locale)}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          {translate('shopdesk.scenario.message.applied_at')} <RelativeTime value={scenario.appliedAt} />
        </Typography>
      </Box>

      {scenario.resolution ? <RecordedResolution scenario={scenario} /> : null}

      <Divider />
      <ScenarioFieldsForm scenario={scenario} ticket={ticket} />

      <Dialog open={switching} onClose={() => setSwitching(false)} maxWidth="md" fullWidth>
        <DialogTitle>{translate('shopdesk.scenario.action.change_template')}</DialogTitle>
        <DialogContent dividers>
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('shopdesk.scenario.message.switch_warning')}
          </Alert>
          {switching ? (
            <TemplateChooser ticket={ticket} currentKey={scenario.templateKey} onApplied={() => setSwitching(false)} />
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setSwitching(false)}>{translate('ra.action.cancel')}</Button>
        </DialogActions>
      </Dialog>

      <ResolveDialog open={resolving} onClose={() => setResolving(false)} scenario={scenario} ticket={ticket} />
    </Stack>
  );
};

/** What was decided, by whom and when — shown once the resolution is recorded. */
const RecordedResolution = ({ scenario }: { scenario: TicketScenarioRecord }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const resolution = scenario.resolution!;
  const def = scenario.definition.resolutions.find((r) => r.code === resolution.code);
  const reason = def?.reasonCodes?.find((r) => r.code === resolution.reasonCode);
  return (
    <Alert
      severity="success"
      icon={<TaskAltIcon />}
      data-testid="scenario-resolution"
      data-code={resolution.code}
    >
      <AlertTitle>
        {translate('shopdesk.scenario.resolution.recorded')}: {def ? pick(def.label, locale) : resolution.code}
      </AlertTitle>
      {resolution.amount !== null ? (
        <Typography variant="body2">
          {translate('shopdesk.scenario.resolution.amount')}: {formatKrw(resolution.amount)}
        </Typography>
      ) : null}
      {resolution.reasonCode ? (
        <Typography variant="body2">
          {translate('shopdesk.scenario.resolution.reason')}: {reason ? pick(reason.label, locale) : resolution.reasonCode}
        </Typography>
      ) : null}
      {resolution.note ? (
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
          {translate('shopdesk.scenario.resolution.note')}: {resolution.note}
        </Typography>
      ) : null}
      <Typography variant="caption" component="div">
        {resolution.by} · {formatKst(resolution.at, locale)}
      </Typography>
    </Alert>
  );
};
