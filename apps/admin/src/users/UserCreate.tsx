import { Create, email, minLength, PasswordInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { MIN_PASSWORD_LENGTH, roleChoices } from './choices';

export const UserCreate = () => (
  <Create redirect="list">
    <SimpleForm defaultValues={{ role: 'agent' }}>
      <TextInput source="email" type="email" validate={[required(), email()]} autoComplete="off" />
      <TextInput source="name" validate={required()} />
      <SelectInput source="role" choices={roleChoices} validate={required()} />
      <PasswordInput
        source="password"
        validate={[required(), minLength(MIN_PASSWORD_LENGTH)]}
        autoComplete="new-password"
      />
    </SimpleForm>
  </Create>
);
