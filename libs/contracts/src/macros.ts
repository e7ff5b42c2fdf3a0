import { REPLY_VARIABLES, replyVariables } from './scenarios';

/**
 * Macros: canned replies an agent keeps for themself (personal) or the team shares. They use the
 * same `{{variables}}` as template replies, minus the template-specific `field.*` / `deadline.*`
 * ones (a macro is not tied to a template).
 */
export interface MacroRecord {
  id: string;
  ownerId: string;
  ownerName: string | null;
  shared: boolean;
  title: string;
  body: { ko: string; en: string };
  createdAt: string;
  updatedAt: string;
}

export interface MacroInput {
  title: string;
  shared?: boolean;
  body: { ko: string; en: string };
}

export const MACRO_TITLE_MAX = 120;
export const MACRO_BODY_MAX = 10_000;

/** `{ "body.ko": "unknown variable {{x}} …" }` for every unknown variable; empty when all are known. */
export function macroVariableErrors(body: { ko: string; en: string }): Record<string, string> {
  const allowed = new Set<string>(REPLY_VARIABLES);
  const errors: Record<string, string> = {};
  for (const lang of ['ko', 'en'] as const) {
    const unknown = [...new Set(replyVariables(body[lang] ?? ''))].filter((v) => !allowed.has(v));
    if (unknown.length) {
      errors[`body.${lang}`] =
        `알 수 없는 변수: ${unknown.map((v) => `{{${v}}}`).join(', ')} / unknown variable ${unknown.map((v) => `{{${v}}}`).join(', ')}; allowed: ${REPLY_VARIABLES.join(', ')}`;
    }
  }
  return errors;
}
