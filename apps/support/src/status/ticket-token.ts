// The status link carries its secret in the fragment (`/support/t/SD-000123#<token>`), which
// browsers never send to servers. We take it out of the visible URL at once, so it is not shown,
// bookmarked or shared by accident, and keep it for this tab in sessionStorage, by reference.
const storageKey = (reference: string) => `shopdesk.support.token.${reference}`;
// Fallback when storage is blocked, and for React's double-invoked initialisers in development.
const memory = new Map<string, string>();

export function takeTicketToken(reference: string): string | null {
  const fromUrl = window.location.hash.replace(/^#/, '').trim();
  if (fromUrl) {
    memory.set(reference, fromUrl);
    try {
      sessionStorage.setItem(storageKey(reference), fromUrl);
    } catch {
      // Private mode or storage disabled: the in-memory copy serves this page view.
    }
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    return fromUrl;
  }
  try {
    return sessionStorage.getItem(storageKey(reference)) ?? memory.get(reference) ?? null;
  } catch {
    return memory.get(reference) ?? null;
  }
}
