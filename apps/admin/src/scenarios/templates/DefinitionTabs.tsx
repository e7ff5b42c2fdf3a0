import { useState, type ReactNode } from 'react';
import { Box, Divider, Tab, Tabs } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { TemplateDefinition } from '@shopdesk/contracts/scenarios';
import {
  AutomationsView,
  ChecklistView,
  DeadlinesView,
  FieldsView,
  OverviewView,
  RepliesView,
  ResolutionsView,
} from './DefinitionViews';
import { FormPreview } from './FormPreview';

export interface ExtraTab {
  id: string;
  content: ReactNode;
}

/** A definition as tabs: one per section, then the form preview and any extra tabs (history, JSON). */
export const DefinitionTabs = ({
  definition,
  before = [],
  after = [],
  initial,
}: {
  definition: TemplateDefinition | null;
  /** Tabs in front of the sections (e.g. the JSON editor). */
  before?: ExtraTab[];
  after?: ExtraTab[];
  initial?: string;
}) => {
  const translate = useTranslate();
  const sections: ExtraTab[] = definition
    ? [
        { id: 'overview', content: <OverviewView definition={definition} /> },
        { id: 'fields', content: <FieldsView definition={definition} /> },
        { id: 'checklist', content: <ChecklistView definition={definition} /> },
        { id: 'deadlines', content: <DeadlinesView definition={definition} /> },
        { id: 'resolutions', content: <ResolutionsView definition={definition} /> },
        { id: 'replies', content: <RepliesView definition={definition} /> },
        { id: 'automations', content: <AutomationsView definition={definition} /> },
        { id: 'preview', content: <FormPreview definition={definition} /> },
      ]
    : [];
  const tabs = [...before, ...sections, ...after];
  const [current, setCurrent] = useState(initial ?? tabs[0]?.id);
  const active = tabs.find((t) => t.id === current) ?? tabs[0];

  return (
    <Box>
      <Tabs value={active?.id ?? false} onChange={(_e, id: string) => setCurrent(id)} variant="scrollable" scrollButtons="auto">
        {tabs.map((t) => (
          <Tab key={t.id} value={t.id} label={translate(`shopdesk.template.tab.${t.id}`)} data-testid={`template-tab-${t.id}`} />
        ))}
      </Tabs>
      <Divider />
      <Box sx={{ pt: 2 }}>{active?.content}</Box>
    </Box>
  );
};
