import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with the flags this closed network needs (no background calls home). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Logs in through the admin's login page (inputs name="email" / name="password"). */
export async function logInThroughUi(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string },
  timeout = 15_000,
): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.locator('input[name="email"]').fill(user.email, { timeout });
  await page.locator('input[name="password"]').fill(user.password);
  await page.locator('button[type="submit"]').click();
  // Leaving the login route means /auth/login succeeded and react-admin has redirected.
  await page.waitForURL((url) => !url.hash.startsWith('#/login'), { timeout });
}

/**
 * Waits for a dialog to close after submitting it; when the server refused instead, fails with the
 * refusal shown in the dialog (`errorTestId`) rather than a bare timeout.
 */
export async function waitForDialogToClose(page: Page, dialogTestId: string, errorTestId: string, timeout: number): Promise<void> {
  const dialog = page.locator(`[data-testid="${dialogTestId}"]`);
  const error = page.locator(`[data-testid="${errorTestId}"]`);
  const outcome = await Promise.race([
    dialog.waitFor({ state: 'detached', timeout }).then(() => 'closed' as const),
    error.waitFor({ state: 'visible', timeout }).then(() => 'refused' as const),
  ]);
  if (outcome === 'refused') {
    const code = await error.getAttribute('data-code');
    throw new Error(`${dialogTestId} stayed open: ${code ?? ''} ${await error.innerText()}`);
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/** Runs axe-core (WCAG 2 A/AA rules) in the page and returns its violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { source } = require('axe-core') as { source: string };
  // Evaluated through the DevTools protocol: a page CSP that forbids inline scripts does not block it.
  await page.evaluate(source);
  return page.evaluate(async () => {
    // Runs in the page; libs/testing has no DOM typings, so reach the page's globals untyped.
    const g = globalThis as unknown as {
      document: unknown;
      axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[] }> };
    };
    const result = await g.axe.run(g.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  });
}
