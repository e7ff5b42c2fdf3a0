import { Box, Chip, Typography } from '@mui/material';
import {
  BooleanInput,
  CreateButton,
  DataTable,
  List,
  SearchInput,
  TopToolbar,
  useGetIdentity,
  usePermissions,
  useTranslate,
} from 'react-admin';
import type { MacroRecord } from '@shopdesk/contracts/macros';
import { RelativeTime } from '../common/RelativeTime';
import { canEdit } from './macro-permissions';

const macroFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <BooleanInput key="shared" source="shared" defaultValue={true} />,
  <BooleanInput key="mine" source="mine" defaultValue={true} />,
];

export const SharedChip = ({ shared }: { shared: boolean }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant={shared ? 'filled' : 'outlined'}
      color={shared ? 'primary' : 'default'}
      label={translate(shared ? 'shopdesk.macro.shared' : 'shopdesk.macro.personal')}
    />
  );
};

/** No macros yet: say what they are for and how to make one. */
const MacroEmpty = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ textAlign: 'center', m: 4 }} data-testid="macros-empty">
      <Typography variant="h6" gutterBottom>
        {translate('shopdesk.macro.empty_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('shopdesk.macro.empty_help')}
      </Typography>
      <CreateButton variant="contained" />
    </Box>
  );
};

const Column = DataTable.Col<MacroRecord>;

export const MacroList = () => {
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions();
  return (
    <List
      sort={{ field: 'title', order: 'ASC' }}
      filters={macroFilters}
      perPage={25}
      empty={<MacroEmpty />}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <DataTable
        bulkActionButtons={false}
        rowClick={(_id, _resource, record) =>
          identity && canEdit(record as MacroRecord, { id: identity.id, role: permissions }) ? 'edit' : false
        }
      >
        <Column source="title" />
        <Column source="shared" disableSort render={(record) => <SharedChip shared={record.shared} />} />
        <Column source="body.ko" disableSort cellSx={() => ({ maxWidth: 420, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' })} />
        <Column source="ownerName" disableSort />
        <Column source="updatedAt" sortByOrder="DESC" render={(record) => <RelativeTime value={record.updatedAt} />} />
      </DataTable>
    </List>
  );
};
