import {
  BooleanInput,
  Edit,
  Labeled,
  minLength,
  PasswordInput,
  required,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  Toolbar,
} from 'react-admin';
import type { UserRecord } from '@shopdesk/contracts/users';
import { MIN_PASSWORD_LENGTH, roleChoices } from './choices';

// PUT /users/:id takes only what an admin may change; the e-mail is the login and stays fixed.
// Users are never deleted (tickets and events keep pointing at them): switch `active` off instead.

type UserFormValues = Partial<UserRecord> & { newPassword?: string | null };

export function toUserUpdate({ name, role, active, newPassword }: UserFormValues) {
  return { name, role, active, ...(newPassword ? { password: newPassword } : {}) };
}

const UserEditToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

export const UserEdit = () => (
  <Edit mutationMode="pessimistic" transform={toUserUpdate}>
    <SimpleForm toolbar={<UserEditToolbar />}>
      <Labeled source="email">
        <TextField source="email" />
      </Labeled>
      <TextInput source="name" validate={required()} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <BooleanInput source="active" />
      <PasswordInput
        source="newPassword"
        validate={minLength(MIN_PASSWORD_LENGTH)}
        helperText="shopdesk.user.message.new_password_help"
        autoComplete="new-password"
      />
    </SimpleForm>
  </Edit>
);
