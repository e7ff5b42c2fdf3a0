import { useLocaleState, useRecordContext } from 'react-admin';
import type { TemplateRecord } from '@shopdesk/contracts/scenarios';
import { pick } from '../scenario-format';

/** A template's title in the UI language (the resource's record representation). */
export const TemplateTitleField = (_props: { label?: string | false; source?: string }) => {
  const record = useRecordContext<TemplateRecord>();
  const [locale] = useLocaleState();
  if (!record) return null;
  return <>{pick(record.title, locale) || record.key}</>;
};
