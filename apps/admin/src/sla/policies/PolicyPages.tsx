import {
  BooleanField,
  Create,
  CreateButton,
  DataTable,
  Edit,
  List,
  TopToolbar,
  useLocaleState,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import type { SlaPolicyRecord } from '@shopdesk/contracts/sla';
import { RelativeTime } from '../../common/RelativeTime';
import { pick } from '../../scenarios/scenario-format';
import { toPolicyInput, type PolicyFormValues } from '../policy-form';
import { PolicyForm } from './PolicyForm';

// The API returns every policy at once, ordered by position (the order in which they match),
// so the list neither sorts nor pages on the server.

const Column = DataTable.Col<SlaPolicyRecord>;

const Name = ({ record }: { record: SlaPolicyRecord }) => {
  const [locale] = useLocaleState();
  return <>{pick(record.name, locale)}</>;
};

export const PolicyList = () => (
  <List
    sort={{ field: 'position', order: 'ASC' }}
    perPage={100}
    pagination={false}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="position" disableSort />
      <Column source="key" disableSort cellSx={() => ({ fontFamily: 'monospace', whiteSpace: 'nowrap' })} />
      <Column source="name" disableSort render={(record) => <Name record={record} />} />
      <Column source="active" disableSort>
        <BooleanField source="active" />
      </Column>
      <Column source="calendarKey" disableSort cellSx={() => ({ fontFamily: 'monospace' })} />
      <Column source="updatedAt" disableSort render={(record) => <RelativeTime value={record.updatedAt} />} />
    </DataTable>
  </List>
);

/** "SLA 정책: 고가 상품". */
const PolicyTitle = () => {
  const record = useRecordContext<SlaPolicyRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const name = translate('resources.sla-policies.name', { smart_count: 1 });
  return <>{record?.name ? `${name}: ${pick(record.name, locale)}` : name}</>;
};

const transform = (values: PolicyFormValues) => toPolicyInput(values);

/** Saving re-plans open tickets on the server, so wait for its answer (and its 422 paths). */
export const PolicyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="list" transform={transform} title={<PolicyTitle />}>
    <PolicyForm mode="edit" />
  </Edit>
);

export const PolicyCreate = () => (
  <Create redirect="list" transform={transform}>
    <PolicyForm mode="create" />
  </Create>
);
