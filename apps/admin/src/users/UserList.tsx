import { Chip } from '@mui/material';
import {
  BooleanField,
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import type { UserRecord } from '@shopdesk/contracts/users';
import { roleChoices } from './choices';

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
];

const RoleChip = ({ role }: { role: UserRecord['role'] }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={role === 'admin' ? 'secondary' : role === 'lead' ? 'primary' : 'default'}
      label={translate(`shopdesk.user.role.${role}`)}
    />
  );
};

const Column = DataTable.Col<UserRecord>;

export const UserList = () => (
  <List
    sort={{ field: 'name', order: 'ASC' }}
    filters={userFilters}
    perPage={25}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <DataTable rowClick="edit" bulkActionButtons={false}>
      <Column source="email" />
      <Column source="name" />
      <Column source="role" render={(record) => <RoleChip role={record.role} />} />
      <Column source="active" disableSort>
        <BooleanField source="active" />
      </Column>
    </DataTable>
  </List>
);
