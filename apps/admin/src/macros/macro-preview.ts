import { httpClient } from '../providers/http-client';

/** The macro rendered for one ticket (`POST /tickets/:id/macros/:macroId/preview`). */
export async function previewMacro(ticketId: string, macroId: string, lang: 'ko' | 'en'): Promise<{ body: string; missing: string[] }> {
  const { json } = await httpClient(`/tickets/${encodeURIComponent(ticketId)}/macros/${encodeURIComponent(macroId)}/preview`, {
    method: 'POST',
    body: JSON.stringify({ lang }),
  });
  return json as { body: string; missing: string[] };
}
