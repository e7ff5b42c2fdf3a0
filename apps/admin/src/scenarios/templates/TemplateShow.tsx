import { Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import {
  CloneButton,
  EditButton,
  ListButton,
  Show,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import { RelativeTime } from '../../common/RelativeTime';
import { TypeChip } from '../../tickets/TicketChips';
import { langOf, pick } from '../scenario-format';
import { DefinitionTabs } from './DefinitionTabs';
import { TemplatePageTitle } from './TemplateEdit';
import { TemplateVersions } from './TemplateVersions';

const TemplateShowActions = () => (
  <TopToolbar>
    <ListButton />
    <CloneButton />
    <EditButton />
  </TopToolbar>
);

const TemplateShowLayout = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  if (!record) return null;
  const other = langOf(locale) === 'ko' ? 'en' : 'ko';
  return (
    <Stack spacing={2} sx={{ mt: 1, mb: 3 }}>
      <Card>
        <CardContent>
          <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace' }}>
            {record.key}
          </Typography>
          <Typography variant="h5" component="h1">
            {pick(record.title, locale)}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {record.title[other]}
          </Typography>
          <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
            <TypeChip type={record.type} />
            <Chip size="small" color="primary" variant="outlined" label={`v${record.version}`} data-testid="template-version" />
            <Chip
              size="small"
              color={record.active ? 'success' : 'default'}
              label={translate(record.active ? 'shopdesk.template.message.active' : 'shopdesk.template.message.inactive')}
            />
            <Typography variant="body2" color="text.secondary">
              {translate('shopdesk.template.field.created_at')}: <RelativeTime value={record.createdAt} />
            </Typography>
          </Stack>
        </CardContent>
      </Card>
      <Card>
        <CardContent>
          <DefinitionTabs
            key={record.version}
            definition={record.definition}
            after={[{ id: 'versions', content: <TemplateVersions templateKey={record.key} /> }]}
          />
        </CardContent>
      </Card>
    </Stack>
  );
};

export const TemplateShow = () => (
  <Show component="div" actions={<TemplateShowActions />} title={<TemplatePageTitle />}>
    <TemplateShowLayout />
  </Show>
);
