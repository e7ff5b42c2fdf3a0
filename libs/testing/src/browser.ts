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
