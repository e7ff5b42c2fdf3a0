import { Typography } from '@mui/material';
import {
  BooleanInput,
  Create,
  Edit,
  maxLength,
  required,
  SimpleForm,
  TextInput,
  usePermissions,
  useTranslate,
} from 'react-admin';
import { MACRO_BODY_MAX, MACRO_TITLE_MAX, macroVariableErrors } from '@shopdesk/contracts/macros';
import { REPLY_VARIABLES } from '@shopdesk/contracts/scenarios';
import { canShare } from './macro-permissions';

/** The same check the server runs, so a typo in a `{{variable}}` shows on the field before saving. */
const validateMacro = (values: { body?: { ko?: string; en?: string } }) => {
  const errors = macroVariableErrors({ ko: values.body?.ko ?? '', en: values.body?.en ?? '' });
  return Object.keys(errors).length ? { body: { ko: errors['body.ko'], en: errors['body.en'] } } : {};
};

const MacroFields = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  return (
    <>
      <TextInput source="title" validate={[required(), maxLength(MACRO_TITLE_MAX)]} fullWidth />
      <TextInput source="body.ko" validate={[required(), maxLength(MACRO_BODY_MAX)]} multiline minRows={4} fullWidth />
      <TextInput source="body.en" validate={[required(), maxLength(MACRO_BODY_MAX)]} multiline minRows={4} fullWidth />
      <Typography variant="body2" color="text.secondary" data-testid="macro-variables">
        {translate('shopdesk.macro.variables_help', { variables: REPLY_VARIABLES.map((v) => `{{${v}}}`).join(' ') })}
      </Typography>
      {canShare(permissions) ? (
        <BooleanInput source="shared" helperText="shopdesk.macro.shared_help" />
      ) : (
        <Typography variant="caption" color="text.secondary">
          {translate('shopdesk.macro.personal_help')}
        </Typography>
      )}
    </>
  );
};

/** Only what the API accepts (it refuses unknown properties such as ownerName). */
const toInput = (data: Record<string, unknown>) => {
  const body = (data.body ?? {}) as { ko?: string; en?: string };
  return { title: data.title, shared: Boolean(data.shared), body: { ko: body.ko, en: body.en } };
};

export const MacroCreate = () => (
  <Create redirect="list" transform={toInput}>
    <SimpleForm defaultValues={{ shared: false }} validate={validateMacro}>
      <MacroFields />
    </SimpleForm>
  </Create>
);

export const MacroEdit = () => (
  <Edit redirect="list" mutationMode="pessimistic" transform={toInput}>
    <SimpleForm validate={validateMacro}>
      <MacroFields />
    </SimpleForm>
  </Edit>
);
