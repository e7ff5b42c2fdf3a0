// Step 1: "무슨 일이 있었나요?" — one big radio card per situation, "something else" ones last.
import type { Ref } from 'react';
import type { PublicSituation } from '@shopdesk/contracts/public';
import { useI18n } from '../locale';
import { controlId, FieldError } from './Field';
import { groupSituations, situationKey } from './ticket-draft';

interface SituationStepProps {
  situations: PublicSituation[];
  selected: string | null;
  onSelect: (key: string) => void;
  error?: string;
  onNext: () => void;
  headingRef: Ref<HTMLHeadingElement>;
}

const ERROR_PATH = 'templateKey';

export function SituationStep({ situations, selected, onSelect, error, onNext, headingRef }: SituationStepProps) {
  const { t } = useI18n();
  const { templates, other } = groupSituations(situations);
  const card = (s: PublicSituation) => (
    <SituationCard key={situationKey(s)} situation={s} checked={selected === situationKey(s)} onSelect={onSelect} error={error} />
  );

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onNext();
      }}
    >
      <fieldset className="situations" aria-describedby="situation-hint">
        <legend>
          <h2 ref={headingRef} tabIndex={-1}>
            {t('situation.heading')}
          </h2>
        </legend>
        <p id="situation-hint" className="hint">
          {t('situation.hint')}
        </p>
        <div className="cards">{templates.map(card)}</div>
        {other.length > 0 && (
          <fieldset className="situations-other">
            <legend className="group-title">{t('situation.other')}</legend>
            <div className="cards">{other.map(card)}</div>
          </fieldset>
        )}
        <FieldError path={ERROR_PATH} error={error} />
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" data-testid="next-step">
          {t('nav.next')}
        </button>
      </div>
    </form>
  );
}

function SituationCard({ situation, checked, onSelect, error }: { situation: PublicSituation; checked: boolean; onSelect: (key: string) => void; error?: string }) {
  const { locale } = useI18n();
  const key = situationKey(situation);
  const id = `situation-${key}`;
  return (
    <div className="card">
      <input
        id={id}
        type="radio"
        name="situation"
        value={key}
        checked={checked}
        onChange={() => onSelect(key)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${controlId(ERROR_PATH)}-error` : undefined}
        data-testid={id}
      />
      <label htmlFor={id}>{situation.title[locale]}</label>
    </div>
  );
}
