// One template field as the input its type calls for (see FieldDef in the contracts).
import { useEffect, useRef, type HTMLAttributes } from 'react';
import type { FieldDef } from '@shopdesk/contracts/scenarios';
import { useI18n } from '../locale';
import { controlId, describedBy, Field, FieldError, FieldHint, RequiredMark } from './Field';
import { COURIER_CHOICES, emptyItemRow, OTHER_COURIER, type CourierDraft, type FieldDraft, type ItemRow } from './field-values';

interface FieldInputProps {
  def: FieldDef;
  draft: FieldDraft;
  onChange: (draft: FieldDraft) => void;
  /** Bilingual message from the contract or the server. */
  error?: string;
}

/** Keyboards and autofill hints per field type (text-like inputs only). */
const TEXT_INPUT: Partial<Record<FieldDef['type'], { type?: string; inputMode?: HTMLAttributes<HTMLInputElement>['inputMode']; autoComplete?: string }>> = {
  text: {},
  number: { inputMode: 'decimal' },
  money_krw: { inputMode: 'numeric' },
  date: { type: 'date' },
  datetime: { type: 'datetime-local' },
  phone: { type: 'tel', inputMode: 'tel', autoComplete: 'tel' },
  order_number: { autoComplete: 'off' },
  waybill: { inputMode: 'numeric', autoComplete: 'off' },
  transaction_id: { autoComplete: 'off' },
};

export function FieldInput({ def, draft, onChange, error }: FieldInputProps) {
  const { locale, t } = useI18n();
  const path = `fields.${def.id}`;
  const label = def.label[locale];
  const help = def.help?.[locale];
  const testId = `field-${def.id}`;

  if (def.type === 'item_list') {
    return <ItemListInput def={def} rows={draft as ItemRow[]} onChange={onChange} error={error} />;
  }

  if (def.type === 'boolean') {
    const id = controlId(path);
    return (
      <div className="field">
        <div className="check">
          <input
            id={id}
            type="checkbox"
            checked={draft === true}
            onChange={(e) => onChange(e.target.checked)}
            aria-describedby={describedBy(path, !!help, !!error)}
            aria-invalid={error ? true : undefined}
            data-testid={testId}
          />
          <label htmlFor={id}>
            {label} <RequiredMark required={def.required} />
          </label>
        </div>
        <FieldHint path={path} hint={help} />
        <FieldError path={path} error={error} />
      </div>
    );
  }

  if (def.type === 'courier_code') {
    const courier = draft as CourierDraft;
    return (
      <>
        <Field path={path} label={label} hint={help} error={error} required={def.required}>
          {(control) => (
            <select {...control} value={courier.code} onChange={(e) => onChange({ ...courier, code: e.target.value })} data-testid={testId}>
              <option value="">{t('field.choose')}</option>
              {COURIER_CHOICES.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name[locale]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {courier.code === OTHER_COURIER && (
          <Field path={`${path}-other`} label={t('field.courierOtherLabel')}>
            {(control) => (
              <input
                {...control}
                type="text"
                maxLength={64}
                value={courier.other}
                onChange={(e) => onChange({ ...courier, other: e.target.value })}
                data-testid={`${testId}-other`}
              />
            )}
          </Field>
        )}
      </>
    );
  }

  if (def.type === 'enum') {
    return (
      <Field path={path} label={label} hint={help} error={error} required={def.required}>
        {(control) => (
          <select {...control} value={draft as string} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
            <option value="">{t('field.choose')}</option>
            {def.options?.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label[locale]}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  }

  const maxLength = def.validation?.maxLength ?? (def.type === 'text' ? undefined : 64);
  if (def.type === 'text' && (def.validation?.maxLength ?? 0) > 200) {
    return (
      <Field path={path} label={label} hint={help} error={error} required={def.required}>
        {(control) => (
          <textarea {...control} rows={4} maxLength={maxLength} value={draft as string} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
        )}
      </Field>
    );
  }

  const kind = TEXT_INPUT[def.type] ?? {};
  const unitId = `${controlId(path)}-unit`;
  const hint = def.type === 'datetime' ? [help, t('field.datetimeHint')].filter(Boolean).join(' · ') : help;
  const input = (
    <Field path={path} label={label} hint={hint} error={error} required={def.required} describe={def.type === 'money_krw' ? unitId : undefined}>
      {(control) => {
        const element = (
          <input
            {...control}
            type={kind.type ?? 'text'}
            inputMode={kind.inputMode}
            autoComplete={kind.autoComplete}
            spellCheck={def.type === 'text' ? undefined : false}
            maxLength={kind.type ? undefined : maxLength}
            value={draft as string}
            onChange={(e) => onChange(e.target.value)}
            data-testid={testId}
          />
        );
        return def.type === 'money_krw' ? (
          <div className="with-unit">
            {element}
            <span id={unitId} className="unit">
              {t('field.krwUnit')}
            </span>
          </div>
        ) : (
          element
        );
      }}
    </Field>
  );
  return input;
}

/** Rows of SKU, name and quantity; there is always at least one row to type in. */
function ItemListInput({ def, rows, onChange, error }: { def: FieldDef; rows: ItemRow[]; onChange: (rows: ItemRow[]) => void; error?: string }) {
  const { locale, t } = useI18n();
  const path = `fields.${def.id}`;
  const base = controlId(path);
  const help = def.help?.[locale];
  const testId = `field-${def.id}`;
  const focusRow = useRef<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`${base}-sku-${focusRow.current}`)?.focus();
    focusRow.current = null;
  }, [rows.length, base]);

  const update = (i: number, patch: Partial<ItemRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const remove = (i: number) => {
    const next = rows.filter((_, j) => j !== i);
    onChange(next.length ? next : [emptyItemRow()]);
    addRef.current?.focus();
  };
  const add = () => {
    focusRow.current = rows.length;
    onChange([...rows, emptyItemRow()]);
  };
  const described = describedBy(path, !!help, !!error);

  return (
    <fieldset className="field item-list" aria-describedby={described}>
      <legend className="label">
        {def.label[locale]} <RequiredMark required={def.required} />
      </legend>
      <FieldHint path={path} hint={help} />
      <ol className="item-rows">
        {rows.map((row, i) => (
          <li key={i} className="item-row">
            <div className="item-cell item-sku">
              <label htmlFor={`${base}-sku-${i}`}>
                {t('items.sku')}
                <RowNumber n={i + 1} />
              </label>
              <input
                id={`${base}-sku-${i}`}
                type="text"
                maxLength={64}
                autoComplete="off"
                spellCheck={false}
                value={row.sku}
                onChange={(e) => update(i, { sku: e.target.value })}
                aria-invalid={error ? true : undefined}
                aria-describedby={i === 0 ? described : undefined}
                data-testid={`${testId}-sku-${i}`}
              />
            </div>
            <div className="item-cell item-name">
              <label htmlFor={`${base}-name-${i}`}>
                {t('items.name')} <span className="opt">({t('app.optional')})</span>
                <RowNumber n={i + 1} />
              </label>
              <input
                id={`${base}-name-${i}`}
                type="text"
                maxLength={200}
                value={row.name}
                onChange={(e) => update(i, { name: e.target.value })}
                data-testid={`${testId}-name-${i}`}
              />
            </div>
            <div className="item-cell item-qty">
              <label htmlFor={`${base}-qty-${i}`}>
                {t('items.qty')}
                <RowNumber n={i + 1} />
              </label>
              <input
                id={`${base}-qty-${i}`}
                type="text"
                inputMode="numeric"
                maxLength={5}
                value={row.qty}
                onChange={(e) => update(i, { qty: e.target.value })}
                data-testid={`${testId}-qty-${i}`}
              />
            </div>
            <button type="button" className="link-button item-remove" onClick={() => remove(i)} aria-label={t('items.remove', { n: i + 1 })}>
              {t('attach.remove')}
            </button>
          </li>
        ))}
      </ol>
      <button ref={addRef} type="button" className="secondary" onClick={add} data-testid={`${testId}-add`}>
        + {t('items.add')}
      </button>
      <FieldError path={path} error={error} />
    </fieldset>
  );
}

/** "· 2번째 상품" for screen readers, so each row's inputs have distinct names. */
function RowNumber({ n }: { n: number }) {
  const { t } = useI18n();
  return <span className="sr-only"> · {t('items.row', { n })}</span>;
}
