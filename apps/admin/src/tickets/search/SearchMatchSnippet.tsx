import { Box, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { splitSnippet, type SearchMatchField } from '@shopdesk/contracts/search';
import type { TicketRecord } from '@shopdesk/contracts/tickets';

// The list's search highlight: the API marks the matched text with plain-text markers; the parts
// are rendered as React text (never as HTML), the marked ones in <mark>.

const FIELD_LABEL: Record<SearchMatchField, string> = {
  reference: 'shopdesk.search_match.field.reference',
  'order.number': 'shopdesk.search_match.field.order_number',
  'shipment.waybillNumber': 'shopdesk.search_match.field.waybill_number',
  'customer.name': 'shopdesk.search_match.field.customer_name',
  'customer.email': 'shopdesk.search_match.field.customer_email',
  'customer.phone': 'shopdesk.search_match.field.customer_phone',
  subject: 'shopdesk.search_match.field.subject',
  description: 'shopdesk.search_match.field.description',
  message: 'shopdesk.search_match.field.message',
};

export const SearchMatchSnippet = ({ match }: { match: NonNullable<TicketRecord['searchMatch']> }) => {
  const translate = useTranslate();
  const label = FIELD_LABEL[match.field as SearchMatchField];
  return (
    <Typography
      variant="caption"
      component="div"
      color="text.secondary"
      data-testid="search-match"
      data-field={match.field}
      title={translate('shopdesk.search_match.label')}
    >
      {label ? `${translate(label)}: ` : null}
      {splitSnippet(match.snippet).map((part, i) =>
        part.marked ? (
          <Box key={i} component="mark" sx={{ bgcolor: 'warning.light', color: 'inherit', px: 0.25, borderRadius: 0.5 }}>
            {part.text}
          </Box>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </Typography>
  );
};

/** The subject, with the search highlight under it when the list is filtered by `q`. */
export const SubjectWithMatch = ({ record }: { record: TicketRecord }) => (
  <>
    {record.subject}
    {record.searchMatch ? <SearchMatchSnippet match={record.searchMatch} /> : null}
  </>
);
