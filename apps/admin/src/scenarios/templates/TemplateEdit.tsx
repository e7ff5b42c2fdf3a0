import { Create, Edit, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import { pick } from '../scenario-format';
import { TemplateForm } from './TemplateForm';
import { toTemplateInput, type TemplateFormValues } from './template-form-values';

/** "시나리오 템플릿: 배송 누락 (v3)". */
export const TemplatePageTitle = () => {
  const record = useRecordContext<TemplateRecord>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const name = translate('resources.scenario-templates.name', { smart_count: 1 });
  if (!record?.title) return <>{name}</>;
  return <>{`${name}: ${pick(record.title, locale)} (v${record.version})`}</>;
};

const transform = (values: TemplateFormValues) => toTemplateInput(values);

/** Saving never edits a version: PUT stores the next one, so waiting for the server is the only honest mode. */
export const TemplateEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={transform} title={<TemplatePageTitle />}>
    <TemplateForm mode="edit" />
  </Edit>
);

export const TemplateCreate = () => (
  <Create redirect="show" transform={transform}>
    <TemplateForm mode="create" />
  </Create>
);
