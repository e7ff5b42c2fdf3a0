// Client-side check of chosen files against the upload rules the API announces in
// `GET /public/form` (the server checks again, and sniffs the real type from the bytes).
import { ATTACHMENT_RULES } from '@shopdesk/contracts/public';
import { formatFileSize } from './format';
import { bilingual } from './i18n';

export type AttachmentRules = typeof ATTACHMENT_RULES;

/** What the browser reports for a chosen file; a `File` fits. */
export interface ChosenFile {
  name: string;
  size: number;
  type: string;
}

const ACCEPTED_TYPES: readonly string[] = ATTACHMENT_RULES.contentTypes;
// Browsers name some accepted formats differently (HEIF photos from iPhones, "image/jpg").
const ALSO_ACCEPTED = ['image/heif', 'image/jpg', 'image/pjpeg'];

/** The first problem with `files` as a bilingual message, or null when they may be sent. */
export function attachmentProblem(files: readonly ChosenFile[], rules: AttachmentRules = ATTACHMENT_RULES): string | null {
  if (files.length > rules.maxFiles) return bilingual('attach.tooMany', { max: rules.maxFiles });
  for (const file of files) {
    // An empty type means the browser does not know it (often HEIC); the server decides.
    if (file.type && !ACCEPTED_TYPES.includes(file.type) && !ALSO_ACCEPTED.includes(file.type)) {
      return bilingual('attach.badType', { name: file.name });
    }
    if (file.size > rules.maxFileBytes) {
      return bilingual('attach.tooLarge', { name: file.name, max: formatFileSize(rules.maxFileBytes) });
    }
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > rules.maxTotalBytes) return bilingual('attach.totalTooLarge', { max: formatFileSize(rules.maxTotalBytes) });
  return null;
}
