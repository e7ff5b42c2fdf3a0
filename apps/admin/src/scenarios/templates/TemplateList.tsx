import { Chip } from '@mui/material';
import {
  BooleanField,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectInput,
  TopToolbar,
  useLocaleState,
} from 'react-admin';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import { RelativeTime } from '../../common/RelativeTime';
import { TypeChip } from '../../tickets/TicketChips';
import { typeChoices } from '../../tickets/choices';
import { pick } from '../scenario-format';

// The API sorts templates by key, type and createdAt only; the other columns are unsortable.

const templateFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="type" source="type" choices={typeChoices} />,
  <NullableBooleanInput key="active" source="active" />,
];

const Column = DataTable.Col<TemplateRecord>;

const Title = ({ record }: { record: TemplateRecord }) => {
  const [locale] = useLocaleState();
  return <>{pick(record.title, locale)}</>;
};

export const TemplateList = () => (
  <List
    sort={{ field: 'key', order: 'ASC' }}
    filters={templateFilters}
    perPage={25}
    actions={
      <TopToolbar>
        <FilterButton />
        <CreateButton />
      </TopToolbar>
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="key" cellSx={() => ({ fontFamily: 'monospace', whiteSpace: 'nowrap' })} />
      <Column source="title" disableSort render={(record) => <Title record={record} />} />
      <Column source="type" render={(record) => <TypeChip type={record.type} />} />
      <Column
        source="version"
        disableSort
        render={(record) => <Chip size="small" variant="outlined" label={`v${record.version}`} />}
      />
      <Column source="active" disableSort>
        <BooleanField source="active" />
      </Column>
      <Column
        source="createdAt"
        label="resources.scenario-templates.fields.updatedAt"
        sortByOrder="DESC"
        render={(record) => <RelativeTime value={record.createdAt} />}
      />
    </DataTable>
  </List>
);
