// The keyboard shortcuts of the ticket pages, as plain data and one matcher, so the list the
// `?` dialog shows and the keys that really work cannot drift apart.

export const SHORTCUT_ACTIONS = ['reply', 'note', 'assign', 'next', 'previous', 'macros', 'help'] as const;
export type ShortcutAction = (typeof SHORTCUT_ACTIONS)[number];

/** What the help dialog lists: the keys as shown, and the action (its label is `shopdesk.shortcuts.action.<action>`). */
export const SHORTCUTS: ReadonlyArray<{ action: ShortcutAction; keys: string[] }> = [
  { action: 'reply', keys: ['r'] },
  { action: 'note', keys: ['n'] },
  { action: 'assign', keys: ['a'] },
  { action: 'next', keys: ['j'] },
  { action: 'previous', keys: ['k'] },
  { action: 'macros', keys: ['Ctrl + /', '#'] },
  { action: 'help', keys: ['?'] },
];

const SINGLE_KEYS: Record<string, ShortcutAction> = { r: 'reply', n: 'note', a: 'assign', j: 'next', k: 'previous', '?': 'help' };

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: unknown;
  /** True while an IME (Korean input) is composing a syllable. */
  isComposing?: boolean;
}

/** Inputs, text areas, selects and rich-text areas: keys typed there are text, not shortcuts. */
export function isTypingTarget(target: unknown): boolean {
  if (!target || typeof target !== 'object') return false;
  const el = target as { tagName?: string; isContentEditable?: boolean; type?: string };
  if (el.isContentEditable) return true;
  const tag = el.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && !['checkbox', 'radio', 'button', 'submit'].includes(el.type ?? 'text');
}

/** The action a key press asks for, or null. Ctrl+/ (⌘+/) works everywhere, even in the reply box. */
export function shortcutFor(event: KeyLike): ShortcutAction | null {
  if (event.isComposing) return null;
  if ((event.ctrlKey || event.metaKey) && event.key === '/') return 'macros';
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (isTypingTarget(event.target)) return null;
  return SINGLE_KEYS[event.key] ?? null;
}

export type ShortcutHandlers = Partial<Record<ShortcutAction, () => void>>;

/**
 * Listens for keydown on `target` and runs the matching handler (the latest ones, read through
 * `getHandlers`). A key is only swallowed when a handler took it. Returns the unsubscribe.
 */
export function bindShortcuts(target: EventTarget, getHandlers: () => ShortcutHandlers): () => void {
  const listener = (event: Event) => {
    const e = event as Event & KeyLike;
    if (e.defaultPrevented) return;
    const action = shortcutFor(e);
    const handler = action ? getHandlers()[action] : undefined;
    if (!handler) return;
    event.preventDefault();
    handler();
  };
  target.addEventListener('keydown', listener);
  return () => target.removeEventListener('keydown', listener);
}
