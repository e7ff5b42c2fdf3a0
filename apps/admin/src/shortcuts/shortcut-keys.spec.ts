import { bindShortcuts, isTypingTarget, shortcutFor, SHORTCUT_ACTIONS, SHORTCUTS } from './shortcut-keys';

const body = { tagName: 'BODY' };

/** A keydown as the browser sends it (node has Event and EventTarget, not KeyboardEvent). */
function keydown(key: string, extra: Record<string, unknown> = {}, target: unknown = body): Event {
  const event = new Event('keydown', { cancelable: true });
  Object.defineProperties(event, {
    key: { value: key },
    ctrlKey: { value: extra.ctrlKey ?? false },
    metaKey: { value: extra.metaKey ?? false },
    altKey: { value: extra.altKey ?? false },
    isComposing: { value: extra.isComposing ?? false },
    target: { value: target },
  });
  return event;
}

describe('shortcutFor', () => {
  it.each([
    ['r', 'reply'],
    ['n', 'note'],
    ['a', 'assign'],
    ['j', 'next'],
    ['k', 'previous'],
    ['?', 'help'],
  ])('maps %s to %s outside inputs', (key, action) => {
    expect(shortcutFor({ key, target: body })).toBe(action);
  });

  it('ignores single keys while typing, but Ctrl+/ and ⌘+/ open the macros anywhere', () => {
    for (const target of [{ tagName: 'TEXTAREA' }, { tagName: 'INPUT', type: 'text' }, { tagName: 'DIV', isContentEditable: true }, { tagName: 'SELECT' }]) {
      expect(shortcutFor({ key: 'r', target })).toBeNull();
      expect(shortcutFor({ key: '/', ctrlKey: true, target })).toBe('macros');
    }
    expect(shortcutFor({ key: '/', metaKey: true, target: body })).toBe('macros');
    expect(shortcutFor({ key: 'r', target: { tagName: 'INPUT', type: 'checkbox' } })).toBe('reply');
  });

  it('leaves modified keys, unknown keys and IME composition alone', () => {
    expect(shortcutFor({ key: 'r', ctrlKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: 'a', altKey: true, target: body })).toBeNull();
    expect(shortcutFor({ key: 'x', target: body })).toBeNull();
    expect(shortcutFor({ key: 'r', isComposing: true, target: body })).toBeNull();
  });

  it('lists every action in the help table', () => {
    expect(SHORTCUTS.map((s) => s.action).sort()).toEqual([...SHORTCUT_ACTIONS].sort());
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('bindShortcuts (the body of useShortcuts)', () => {
  it('runs the latest handler, swallows only handled keys, and stops after unsubscribe', () => {
    const target = new EventTarget();
    const calls: string[] = [];
    let handlers: Record<string, () => void> = { reply: () => calls.push('reply v1') };
    const unsubscribe = bindShortcuts(target, () => handlers);

    const handled = keydown('r');
    target.dispatchEvent(handled);
    expect(handled.defaultPrevented).toBe(true);

    handlers = { reply: () => calls.push('reply v2') };
    target.dispatchEvent(keydown('r'));

    const unhandled = keydown('n'); // no handler on this page: the key goes through untouched
    target.dispatchEvent(unhandled);
    expect(unhandled.defaultPrevented).toBe(false);

    target.dispatchEvent(keydown('r', {}, { tagName: 'TEXTAREA' }));

    unsubscribe();
    target.dispatchEvent(keydown('r'));
    expect(calls).toEqual(['reply v1', 'reply v2']);
  });
});
