import type { Browser, Locator, Page } from 'playwright-core';
import type { SavedViewRecord } from '@shopdesk/contracts/saved-views';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { createTicket, createUser, testQuery } from '@shopdesk/testing/factories';

// Browser e2e for the list's built-in views ("내 티켓") and saved views: a lead saves the current
// view shared, and an agent sees it as a chip that applies its filter. Run `npm run build:admin` first.

jest.setTimeout(120_000);

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

const byTestId = (scope: Page | Locator, id: string) => scope.locator(`[data-testid="${id}"]`);

describe('ticket views (browser)', () => {
  it('shows "내 티켓" for the signed-in agent and saves, shares and applies a view', async () => {
    const lead = await createUser({ role: 'lead', name: '박팀장' });
    const agent = await createUser({ role: 'agent', name: '김상담' });
    const mine = await createTicket({ subject: `내 티켓 확인 ${Date.now()}`, status: 'open' });
    await testQuery(`UPDATE tickets SET assignee_id = $1 WHERE id = $2`, [lead.id, mine.id]);

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, lead, WAIT);
      await page.goto(`${server.baseUrl}/#/tickets`);
      await byTestId(page, 'ticket-tab-mine').click({ timeout: WAIT });
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"mine":true'), { timeout: WAIT });
      await page.locator('tbody tr', { hasText: mine.reference }).waitFor({ state: 'visible', timeout: WAIT });

      const name = `팀 내 티켓 ${Date.now()}`;
      await byTestId(page, 'save-view').click({ timeout: WAIT });
      await byTestId(page, 'save-view-name').fill(name);
      await byTestId(page, 'save-view-shared').locator('input').check();
      await byTestId(page, 'save-view-submit').click();
      await page.locator('[data-testid="saved-views"]', { hasText: name }).waitFor({ state: 'visible', timeout: WAIT });
    } finally {
      await context.close();
    }

    const [saved] = await testQuery<{ filter: SavedViewRecord['filter']; shared: boolean }>(
      `SELECT filter, shared FROM saved_views WHERE owner_id = $1`,
      [lead.id],
    );
    expect(saved.shared).toBe(true);
    expect(saved.filter).toMatchObject({ mine: true });

    const agentContext = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const agentPage = await agentContext.newPage();
    try {
      await logInThroughUi(agentPage, server.baseUrl, agent, WAIT);
      await agentPage.goto(`${server.baseUrl}/#/tickets`);
      const chip = agentPage.locator('[data-testid^="saved-view-"]', { hasText: '팀 내 티켓' }).first();
      await chip.click({ timeout: WAIT });
      await agentPage.waitForURL((url) => decodeURIComponent(url.hash).includes('"mine":true'), { timeout: WAIT });
      // Shared by a lead: the agent may use it but gets no share toggle.
      expect(await agentPage.locator('[data-testid^="saved-view-share-"]').count()).toBe(0);
    } finally {
      await agentContext.close();
    }
  });
});
