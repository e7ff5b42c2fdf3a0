// Evidence files for a new ticket or a reply: a native file input (keyboard and screen-reader
// friendly as it is) plus the list of chosen files, checked live against the upload rules.
import { useRef } from 'react';
import { attachmentProblem, type AttachmentRules } from '../attachments';
import { formatFileSize } from '../format';
import { useI18n } from '../locale';
import { controlId, describedBy, FieldError, FieldHint } from './Field';

interface AttachmentPickerProps {
  /** Error path, also the base of the DOM ids ("attachments"). */
  path: string;
  files: File[];
  onChange: (files: File[]) => void;
  rules: AttachmentRules;
  /** A bilingual error from the server (413, a refused type). */
  error?: string;
  testId: string;
  label?: string;
}

export function AttachmentPicker({ path, files, onChange, rules, error, testId, label }: AttachmentPickerProps) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const id = controlId(path);
  const problem = attachmentProblem(files, rules) ?? undefined;
  const shown = problem ?? error;
  const hint = t('attach.hint', {
    maxFiles: rules.maxFiles,
    maxFile: formatFileSize(rules.maxFileBytes),
    maxTotal: formatFileSize(rules.maxTotalBytes),
  });

  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label ?? t('attach.label')} <span className="opt">({t('app.optional')})</span>
      </label>
      <FieldHint path={path} hint={hint} />
      <input
        ref={inputRef}
        id={id}
        type="file"
        multiple
        accept="image/*,application/pdf"
        aria-describedby={describedBy(path, true, !!shown)}
        aria-invalid={shown ? true : undefined}
        onChange={(e) => {
          const chosen = Array.from(e.target.files ?? []);
          // Cleared so choosing the same file again (after removing it) fires a change.
          e.target.value = '';
          if (chosen.length) onChange([...files, ...chosen]);
        }}
        data-testid={testId}
      />
      {files.length > 0 && (
        <ul className="file-list" aria-label={t('attach.list')}>
          {files.map((file, i) => (
            <li key={`${file.name}-${file.size}-${i}`}>
              <span className="file-name">{file.name}</span> <span className="file-size">({formatFileSize(file.size)})</span>
              <button
                type="button"
                className="link-button"
                aria-label={t('attach.removeLabel', { name: file.name })}
                onClick={() => {
                  onChange(files.filter((_, j) => j !== i));
                  inputRef.current?.focus();
                }}
              >
                {t('attach.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <FieldError path={path} error={shown} live={!!problem} />
    </div>
  );
}
