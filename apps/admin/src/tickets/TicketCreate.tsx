import {
  ArrayInput,
  Create,
  DateInput,
  DateTimeInput,
  email,
  minValue,
  NumberInput,
  required,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  useTranslate,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import type { CreateTicketInput } from '@shopdesk/contracts/tickets';
import { agentChannelChoices, paymentMethodChoices, priorityChoices, typeChoices } from './choices';

// Agents record tickets that came in by phone or e-mail. The form holds the same shape as
// CreateTicketInput; `prune` drops what the agent left empty so optional facts are omitted
// rather than sent as nulls (an empty priority lets the server pick the default), and `paidAt` is sent as an instant, not a local wall-clock string.

type FormValues = Record<string, unknown>;

function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value)
      .map(([key, v]) => [key, prune(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || value === '') return undefined;
  return typeof value === 'string' ? value.trim() || undefined : value;
}

export function toCreateTicketInput(values: FormValues): CreateTicketInput {
  const input = (prune(values) ?? {}) as CreateTicketInput;
  if (input.order?.paidAt) input.order.paidAt = new Date(input.order.paidAt).toISOString();
  return input;
}

const SectionTitle = ({ label }: { label: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h2" sx={{ mt: 2 }}>
      {translate(label)}
    </Typography>
  );
};

const Row = ({ children }: { children: React.ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, width: '100%', '& > *': { flex: '1 1 14rem' } }}>
    {children}
  </Box>
);

export const TicketCreate = () => (
  <Create redirect="show" transform={toCreateTicketInput}>
    <SimpleForm defaultValues={{ channel: 'phone' }}>
      <SectionTitle label="shopdesk.ticket.section.create_ticket" />
      <Row>
        <SelectInput source="type" choices={typeChoices} validate={required()} />
        <SelectInput source="priority" choices={priorityChoices} />
        <SelectInput source="channel" choices={agentChannelChoices} validate={required()} />
      </Row>
      <TextInput source="subject" validate={required()} fullWidth />
      <TextInput source="description" multiline minRows={4} fullWidth />

      <SectionTitle label="shopdesk.ticket.section.customer" />
      <Row>
        <TextInput source="customer.name" validate={required()} />
        <TextInput source="customer.email" type="email" validate={email()} />
        <TextInput source="customer.phone" type="tel" />
      </Row>

      <SectionTitle label="shopdesk.ticket.section.order" />
      <Row>
        <TextInput source="order.number" />
        <NumberInput source="order.amount" min={0} step={100} validate={minValue(0)} />
        <SelectInput source="order.paymentMethod" choices={paymentMethodChoices} />
        <DateTimeInput source="order.paidAt" />
      </Row>
      <ArrayInput source="order.items" label="resources.tickets.fields.order.items">
        <SimpleFormIterator inline disableReordering>
          <TextInput source="sku" label="resources.tickets.fields.order.item_sku" validate={required()} />
          <TextInput source="name" label="resources.tickets.fields.order.item_name" />
          <NumberInput
            source="qty"
            label="resources.tickets.fields.order.item_qty"
            min={1}
            validate={[required(), minValue(1)]}
          />
          <NumberInput
            source="price"
            label="resources.tickets.fields.order.item_price"
            min={0}
            step={100}
            validate={[required(), minValue(0)]}
          />
        </SimpleFormIterator>
      </ArrayInput>

      <SectionTitle label="shopdesk.ticket.section.shipment" />
      <Row>
        <TextInput source="shipment.courierCode" />
        <TextInput source="shipment.waybillNumber" />
        <DateInput source="shipment.expectedDeliveryDate" />
      </Row>
    </SimpleForm>
  </Create>
);
