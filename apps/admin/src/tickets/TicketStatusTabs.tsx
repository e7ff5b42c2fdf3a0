import { Divider, Tab, Tabs } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { STATUS_TABS, TAB_FILTER_KEYS } from './choices';

/** A filter value as a comparable list: a tab's `status` may be one status or several. */
const normalise = (value: unknown): string => {
  if (value == null || value === '') return '';
  if (Array.isArray(value)) return JSON.stringify(value.map(String).sort());
  return JSON.stringify([String(value)]);
};

/** The ticket list's sort when no view imposes one (TicketList's `sort`): search rank, else newest first. */
export const TICKET_LIST_DEFAULT_SORT = { field: 'relevance', order: 'DESC' } as const;

const sameSort = (a: { field: string; order: string } | undefined, b: { field: string; order: string }) =>
  !!a && a.field === b.field && a.order === b.order;

/** The tab whose filters are exactly the list's current tab-owned filters, if any. */
export function currentTab(filterValues: Record<string, unknown>): string | false {
  const tab = STATUS_TABS.find((t) =>
    TAB_FILTER_KEYS.every((key) => normalise(t.filter[key]) === normalise(filterValues[key])),
  );
  return tab?.id ?? false;
}

/** Tabs above the ticket list: status tabs, "마감 임박", "곧 SLA 위반" and "SLA 위반". */
export const TicketStatusTabs = () => {
  const { filterValues, setFilters, displayedFilters, sort, setSort } = useListContext();
  const translate = useTranslate();

  const handleChange = (_event: React.SyntheticEvent, tabId: string) => {
    const tab = STATUS_TABS.find((t) => t.id === tabId);
    const others = Object.fromEntries(
      Object.entries(filterValues).filter(([key]) => !(TAB_FILTER_KEYS as readonly string[]).includes(key)),
    );
    setFilters({ ...others, ...(tab?.filter ?? {}) }, displayedFilters);
    // A view with an order of its own (곧 SLA 위반: most urgent first) brings it; leaving it restores
    // the list's default unless the agent has picked another sort meanwhile.
    const previous = STATUS_TABS.find((t) => t.id === currentTab(filterValues));
    const wanted = tab?.sort ?? (previous?.sort && sameSort(sort, previous.sort) ? TICKET_LIST_DEFAULT_SORT : null);
    if (wanted && !sameSort(sort, wanted)) setSort({ ...wanted });
  };

  return (
    <>
      <Tabs value={currentTab(filterValues)} onChange={handleChange} variant="scrollable" scrollButtons="auto">
        {STATUS_TABS.map((tab) => (
          <Tab
            key={tab.id}
            value={tab.id}
            label={translate(`shopdesk.ticket.tabs.${tab.id}`)}
            data-testid={`ticket-tab-${tab.id}`}
          />
        ))}
      </Tabs>
      <Divider />
    </>
  );
};
