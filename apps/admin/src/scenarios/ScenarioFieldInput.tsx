import type { ReactNode } from 'react';
import {
  Box,
  Button,
  Chip,
  FormHelperText,
  IconButton,
  InputAdornment,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { useLocaleState, useTranslate } from 'react-admin';
import type { FieldDef } from '@shopdesk/contracts/scenarios';
import type { OrderItem } from '@shopdesk/contracts/tickets';
import { formatCalendarDate, formatKrw } from '../common/formatting';
import {
  emptyEvidenceRow,
  emptyItemRow,
  formatKst,
  pick,
  type DraftValue,
  type EvidenceRow,
  type ItemRow,
} from './scenario-format';

export interface ScenarioFieldInputProps {
  def: FieldDef;
  value: DraftValue;
  onChange: (value: DraftValue) => void;
  /** Already translated. */
  error?: string | null;
  disabled?: boolean;
  /** The ticket's order lines, offered as one-click rows of an item list. */
  orderItems?: OrderItem[];
  /** Prefix of data-testid attributes (default `scenario-field`). */
  testIdPrefix?: string;
}

const MONOSPACE_TYPES = new Set(['order_number', 'waybill', 'courier_code', 'transaction_id']);

/** "받지 못한 상품 *" with the required mark, as MUI draws it on text fields. */
const GroupLabel = ({ def, error }: { def: FieldDef; error?: boolean }) => {
  const [locale] = useLocaleState();
  return (
    <Typography variant="body2" component="div" color={error ? 'error' : 'text.secondary'} sx={{ mb: 0.5 }}>
      {pick(def.label, locale)}
      {def.required ? ' *' : ''}
    </Typography>
  );
};

/** One template field as the input its type calls for. */
export const ScenarioFieldInput = ({
  def,
  value,
  onChange,
  error,
  disabled,
  orderItems,
  testIdPrefix = 'scenario-field',
}: ScenarioFieldInputProps) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const label = pick(def.label, locale);
  const help = def.help ? pick(def.help, locale) : undefined;
  const testId = `${testIdPrefix}-${def.id}`;

  if (def.type === 'item_list') {
    return (
      <ItemListInput
        def={def}
        rows={Array.isArray(value) ? (value as ItemRow[]) : []}
        onChange={onChange}
        error={error}
        help={help}
        disabled={disabled}
        orderItems={orderItems}
        testId={testId}
      />
    );
  }
  if (def.type === 'evidence') {
    return (
      <EvidenceInput
        def={def}
        rows={Array.isArray(value) ? (value as EvidenceRow[]) : []}
        onChange={onChange}
        error={error}
        help={help}
        disabled={disabled}
        testId={testId}
      />
    );
  }

  const text = typeof value === 'string' ? value : '';
  const common = {
    name: def.id,
    label: def.type === 'datetime' ? `${label} (KST)` : label,
    value: text,
    required: def.required,
    error: !!error,
    helperText: error || help,
    disabled,
    fullWidth: true,
    size: 'small' as const,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };

  switch (def.type) {
    case 'enum':
    case 'boolean': {
      const options =
        def.type === 'enum'
          ? (def.options ?? []).map((o) => ({ value: o.value, label: pick(o.label, locale) }))
          : [
              { value: 'true', label: translate('shopdesk.scenario.boolean.true') },
              { value: 'false', label: translate('shopdesk.scenario.boolean.false') },
            ];
      return (
        <TextField
          {...common}
          select
          slotProps={{
            select: { native: true },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': testId },
          }}
        >
          <option value="">{translate('shopdesk.scenario.message.choose')}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </TextField>
      );
    }
    case 'date':
    case 'datetime':
      return (
        <TextField
          {...common}
          type={def.type === 'date' ? 'date' : 'datetime-local'}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': testId } }}
        />
      );
    case 'number':
    case 'money_krw':
      return (
        <TextField
          {...common}
          type="number"
          slotProps={{
            htmlInput: {
              'data-testid': testId,
              step: def.type === 'money_krw' ? 1 : 'any',
              min: def.validation?.min ?? (def.type === 'money_krw' ? 0 : undefined),
              max: def.validation?.max,
              inputMode: def.type === 'money_krw' ? 'numeric' : 'decimal',
            },
            input:
              def.type === 'money_krw'
                ? { endAdornment: <InputAdornment position="end">{translate('shopdesk.scenario.message.won')}</InputAdornment> }
                : undefined,
          }}
        />
      );
    default:
      return (
        <TextField
          {...common}
          type={def.type === 'phone' ? 'tel' : 'text'}
          multiline={def.type === 'text'}
          minRows={def.type === 'text' ? 2 : undefined}
          slotProps={{
            htmlInput: {
              'data-testid': testId,
              maxLength: def.validation?.maxLength,
              style: MONOSPACE_TYPES.has(def.type) ? { fontFamily: 'monospace' } : undefined,
            },
          }}
        />
      );
  }
};

const ListFrame = ({
  def,
  error,
  help,
  children,
}: {
  def: FieldDef;
  error?: string | null;
  help?: string;
  children: ReactNode;
}) => (
  <Box role="group" aria-label={def.id}>
    <GroupLabel def={def} error={!!error} />
    {children}
    {error ? <FormHelperText error>{error}</FormHelperText> : help ? <FormHelperText>{help}</FormHelperText> : null}
  </Box>
);

const ItemListInput = ({
  def,
  rows,
  onChange,
  error,
  help,
  disabled,
  orderItems,
  testId,
}: {
  def: FieldDef;
  rows: ItemRow[];
  onChange: (rows: ItemRow[]) => void;
  error?: string | null;
  help?: string;
  disabled?: boolean;
  orderItems?: OrderItem[];
  testId: string;
}) => {
  const translate = useTranslate();
  const update = (index: number, patch: Partial<ItemRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const addFromOrder = (item: OrderItem) => {
    const existing = rows.findIndex((r) => r.sku.trim() === item.sku);
    if (existing >= 0) return;
    // Replace a blank first row rather than leaving it dangling above the added item.
    const kept = rows.filter((r) => r.sku.trim() || r.name.trim());
    onChange([...kept, { sku: item.sku, name: item.name ?? '', qty: String(item.qty) }]);
  };

  return (
    <ListFrame def={def} error={error} help={help}>
      <Stack spacing={1}>
        {rows.map((row, index) => (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={translate('shopdesk.scenario.item.sku')}
              value={row.sku}
              disabled={disabled}
              onChange={(e) => update(index, { sku: e.target.value })}
              sx={{ flex: '1 1 8rem' }}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-sku-${index}`, style: { fontFamily: 'monospace' } } }}
            />
            <TextField
              size="small"
              label={translate('shopdesk.scenario.item.name')}
              value={row.name}
              disabled={disabled}
              onChange={(e) => update(index, { name: e.target.value })}
              sx={{ flex: '2 1 10rem' }}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-name-${index}` } }}
            />
            <TextField
              size="small"
              type="number"
              label={translate('shopdesk.scenario.item.qty')}
              value={row.qty}
              disabled={disabled}
              onChange={(e) => update(index, { qty: e.target.value })}
              sx={{ flex: '0 0 5.5rem' }}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-qty-${index}`, min: 1, step: 1 } }}
            />
            <Tooltip title={translate('shopdesk.scenario.action.remove_row')}>
              <span>
                <IconButton
                  aria-label={translate('shopdesk.scenario.action.remove_row')}
                  disabled={disabled}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  data-testid={`${testId}-remove-${index}`}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </Stack>
        ))}
        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          <Button
            size="small"
            startIcon={<AddIcon />}
            disabled={disabled}
            onClick={() => onChange([...rows, emptyItemRow()])}
            data-testid={`${testId}-add`}
          >
            {translate('shopdesk.scenario.action.add_row')}
          </Button>
          {orderItems?.length ? (
            <>
              <Typography variant="caption" color="text.secondary">
                {translate('shopdesk.scenario.item.from_order')}
              </Typography>
              {orderItems.map((item, index) => (
                <Chip
                  key={`${item.sku}-${index}`}
                  size="small"
                  variant="outlined"
                  icon={<AddIcon />}
                  disabled={disabled || rows.some((r) => r.sku.trim() === item.sku)}
                  label={`${item.name ?? item.sku} × ${item.qty}`}
                  onClick={() => addFromOrder(item)}
                  data-testid={`${testId}-from-order-${index}`}
                />
              ))}
            </>
          ) : null}
        </Stack>
      </Stack>
    </ListFrame>
  );
};

const EvidenceInput = ({
  def,
  rows,
  onChange,
  error,
  help,
  disabled,
  testId,
}: {
  def: FieldDef;
  rows: EvidenceRow[];
  onChange: (rows: EvidenceRow[]) => void;
  error?: string | null;
  help?: string;
  disabled?: boolean;
  testId: string;
}) => {
  const translate = useTranslate();
  const update = (index: number, patch: Partial<EvidenceRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <ListFrame def={def} error={error} help={help}>
      <Stack spacing={1}>
        {rows.map((row, index) => (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={translate('shopdesk.scenario.evidence.description')}
              value={row.description}
              disabled={disabled}
              onChange={(e) => update(index, { description: e.target.value })}
              sx={{ flex: '2 1 12rem' }}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-description-${index}`, maxLength: 500 } }}
            />
            <TextField
              size="small"
              label={translate('shopdesk.scenario.evidence.ref')}
              value={row.ref}
              disabled={disabled}
              onChange={(e) => update(index, { ref: e.target.value })}
              sx={{ flex: '1 1 8rem' }}
              slotProps={{ htmlInput: { 'data-testid': `${testId}-ref-${index}`, maxLength: 500 } }}
            />
            <Tooltip title={translate('shopdesk.scenario.action.remove_row')}>
              <span>
                <IconButton
                  aria-label={translate('shopdesk.scenario.action.remove_row')}
                  disabled={disabled}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                  data-testid={`${testId}-remove-${index}`}
                >
                  <DeleteIcon fontSize="small" />
                </IconButton>
              </span>
            </Tooltip>
          </Stack>
        ))}
        <Box>
          <Button
            size="small"
            startIcon={<AddIcon />}
            disabled={disabled}
            onClick={() => onChange([...rows, emptyEvidenceRow()])}
            data-testid={`${testId}-add`}
          >
            {translate('shopdesk.scenario.action.add_evidence')}
          </Button>
        </Box>
      </Stack>
    </ListFrame>
  );
};

/** A stored field value as text (read-only views: customer-only fields, history). */
export const ScenarioFieldValue = ({ def, value }: { def: FieldDef; value: unknown }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const empty = (
    <Typography variant="body2" component="span" color="text.disabled">
      {translate('shopdesk.scenario.message.empty_value')}
    </Typography>
  );
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return empty;
  switch (def.type) {
    case 'money_krw':
      return <>{typeof value === 'number' ? formatKrw(value) : String(value)}</>;
    case 'date':
      return <>{formatCalendarDate(String(value), locale)}</>;
    case 'datetime':
      return <>{formatKst(String(value), locale)}</>;
    case 'enum': {
      const option = def.options?.find((o) => o.value === value);
      return <>{option ? pick(option.label, locale) : String(value)}</>;
    }
    case 'boolean':
      return <>{translate(`shopdesk.scenario.boolean.${value ? 'true' : 'false'}`)}</>;
    case 'item_list':
      return (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {(value as Array<{ sku: string; name?: string; qty: number }>).map((item, i) => (
            <li key={i}>
              {item.name ? `${item.name} ` : ''}
              <Box component="span" sx={{ fontFamily: 'monospace' }}>
                {item.sku}
              </Box>{' '}
              × {item.qty}
            </li>
          ))}
        </Box>
      );
    case 'evidence':
      return (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {(value as Array<{ description: string; ref?: string }>).map((item, i) => (
            <li key={i}>
              {item.description}
              {item.ref ? ` (${item.ref})` : ''}
            </li>
          ))}
        </Box>
      );
    default:
      return <>{String(value)}</>;
  }
};
