import { useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useGetMany, useLocaleState, useTranslate } from 'react-admin';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import type { UserRecord } from '@shopdesk/contracts/users';
import type { ShopDeskDataProvider } from '../../providers/data-provider';
import { errorMessage } from '../../providers/http-client';
import { formatKst, pick } from '../scenario-format';
import { DefinitionTabs } from './DefinitionTabs';

/** Every saved version, newest first; tickets stay pinned to the version they were triaged with. */
export const TemplateVersions = ({ templateKey }: { templateKey: string }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<ShopDeskDataProvider>();
  const { data, isPending, error } = useQuery({
    queryKey: ['scenario-templates', 'versions', templateKey],
    queryFn: async () => (await dataProvider.getTemplateVersions(templateKey)).data,
  });
  const authorIds = [...new Set((data ?? []).map((v) => v.createdBy).filter((id): id is string => !!id))];
  const { data: authors } = useGetMany<UserRecord>('users', { ids: authorIds }, { enabled: authorIds.length > 0 });
  const [viewing, setViewing] = useState<TemplateRecord | null>(null);

  if (isPending) return <LinearProgress />;
  if (error) return <Alert severity="error">{errorMessage(error)}</Alert>;
  const authorName = (id: string | null) =>
    id ? (authors?.find((u) => u.id === id)?.name ?? id) : translate('shopdesk.template.message.system');

  return (
    <>
      <TableContainer data-testid="template-versions">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('shopdesk.template.field.version')}</TableCell>
              <TableCell>{translate('shopdesk.template.field.label')}</TableCell>
              <TableCell>{translate('shopdesk.template.field.active')}</TableCell>
              <TableCell>{translate('shopdesk.template.field.created_at')}</TableCell>
              <TableCell>{translate('shopdesk.template.field.created_by')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {data.map((version, index) => (
              <TableRow key={version.id} data-testid={`template-version-${version.version}`}>
                <TableCell>
                  <Chip size="small" variant={index === 0 ? 'filled' : 'outlined'} color={index === 0 ? 'primary' : 'default'} label={`v${version.version}`} />
                  {index === 0 ? ` ${translate('shopdesk.template.message.latest')}` : ''}
                </TableCell>
                <TableCell>{pick(version.title, locale)}</TableCell>
                <TableCell>{translate(`shopdesk.scenario.boolean.${version.active ? 'true' : 'false'}`)}</TableCell>
                <TableCell>{formatKst(version.createdAt, locale)}</TableCell>
                <TableCell>{authorName(version.createdBy)}</TableCell>
                <TableCell align="right">
                  <Button size="small" onClick={() => setViewing(version)}>
                    {translate('shopdesk.template.action.view_version')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Dialog open={!!viewing} onClose={() => setViewing(null)} maxWidth="lg" fullWidth>
        <DialogTitle>
          {viewing ? `${pick(viewing.title, locale)} — v${viewing.version}` : ''}
        </DialogTitle>
        <DialogContent dividers>
          {viewing ? (
            <DefinitionTabs
              definition={viewing.definition}
              after={[
                {
                  id: 'json',
                  content: (
                    <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>
                      {JSON.stringify(viewing.definition, null, 2)}
                    </pre>
                  ),
                },
              ]}
            />
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setViewing(null)}>{translate('ra.action.close')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
