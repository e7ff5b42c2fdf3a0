import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { createUser, createTicket } from '@shopdesk/testing/factories';

// Browser e2e for the agent dashboard: the real API (serving apps/admin/dist at `/`) against
// the test database, driven through Debian Chromium. Run `npm run build:admin` first.

jest.setTimeout(60_000);

const WAIT = 15_000;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await logInThroughUi(page, server.baseUrl, { email, password }, WAIT);
}

describe('admin dashboard (browser)', () => {
  it('lets an agent open a ticket from the list and add an internal note', async () => {
    const agent = await createUser({ role: 'agent', name: '김상담' });
    const ticket = await createTicket({
      type: 'missing_delivery',
      subject: `배송 누락 테스트 ${Date.now()}`,
      customer: { name: '이고객', email: 'customer@example.com' },
    });
    const note = `내부 메모: 택배사 확인 요청 ${Date.now()}`;

    const context = await browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);

      await page.goto(`${server.baseUrl}/#/tickets`);
      const row = page.locator('tbody tr', { hasText: ticket.reference });
      await row.waitFor({ state: 'visible', timeout: WAIT });
      await row.getByText(ticket.reference).click();

      await page.waitForURL((url) => url.hash.startsWith(`#/tickets/${ticket.id}/show`), { timeout: WAIT });
      await page.getByText(ticket.subject).first().waitFor({ state: 'visible', timeout: WAIT });

      await page.locator('textarea[name="body"]').fill(note, { timeout: WAIT });
      await page.locator('[data-testid="add-note"]').click();

      const message = page.locator('[data-testid="ticket-message"]', { hasText: note });
      await message.waitFor({ state: 'visible', timeout: WAIT });
      expect(await message.getAttribute('data-kind')).toBe('internal_note');
      // The box is cleared once the note is saved.
      expect(await page.locator('textarea[name="body"]').inputValue()).toBe('');
    } finally {
      await context.close();
    }
  });

  it('shows the interface in Korean by default', async () => {
    const agent = await createUser({ role: 'agent' });

    // An English browser still gets Korean: it is the product's default language.
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);

      const ticketsMenu = page.locator('a[href="#/tickets"]', { hasText: '티켓' });
      await ticketsMenu.first().waitFor({ state: 'visible', timeout: WAIT });

      // The logout entry lives in the user menu in the app bar.
      await page.locator('header button[aria-label="프로필"]').click({ timeout: WAIT });
      await page.getByText('로그아웃').waitFor({ state: 'visible', timeout: WAIT });
    } finally {
      await context.close();
    }
  });
});
