import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { createTicket, createUser, seedTemplates, testQuery } from '@shopdesk/testing/factories';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';

// Issue 7 journey (a): an agent opens 미배정, opens a 배송 누락 ticket, takes it, applies the suggested
// template and requests a reshipment. Every click from the opened ticket to "reshipment requested"
// is counted (goal ≤ 4) and printed.

jest.setTimeout(120_000);
const WAIT = 15_000;

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await seedTemplates();
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

it('takes an unassigned 배송 누락 ticket to "reshipment requested" in at most 4 clicks', async () => {
  const agent = await createUser({ role: 'agent', name: '정상담' });
  const ticket = await createTicket({
    type: 'missing_delivery',
    subject: `상자에 텀블러가 빠져 있어요 ${Date.now()}`,
    description: '머그컵만 오고 텀블러가 누락되었습니다.',
  });
  const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  const page = await context.newPage();
  let clicks = 0;
  const click = async (id: string) => {
    clicks += 1;
    await byTestId(page, id).first().click({ timeout: WAIT });
  };
  try {
    await logInThroughUi(page, server.baseUrl, agent, WAIT);
    await page.goto(`${server.baseUrl}/#/tickets`);
    await byTestId(page, 'ticket-tab-unassigned').click({ timeout: WAIT });
    const row = page.locator('tbody tr', { hasText: ticket.reference });
    await row.waitFor({ state: 'visible', timeout: WAIT });
    await row.locator('td', { hasText: ticket.reference }).first().click(); // opening the ticket (not counted)
    await page.getByText(ticket.subject).first().waitFor({ state: 'visible', timeout: WAIT });

    await click('assign-to-me');
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="assign-to-me"]'),
      undefined,
      { timeout: WAIT },
    ).catch(() => undefined);
    await click('apply-template-missing_item');
    await byTestId(page, 'scenario-title').filter({ hasText: '배송 누락' }).waitFor({ state: 'visible', timeout: WAIT });
    await click('request-reshipment');
    await byTestId(page, 'reshipment-dialog').waitFor({ state: 'visible', timeout: WAIT });
    await click('reshipment-submit');
    await byTestId(page, 'reshipment-dialog').waitFor({ state: 'detached', timeout: WAIT });
    await byTestId(page, 'reshipment').first().waitFor({ state: 'visible', timeout: WAIT });

    console.log(`journey (a): ${clicks} clicks from the opened ticket to "reshipment requested"`);
    expect(clicks).toBeLessThanOrEqual(4);
    const [row1] = await testQuery<{ assignee_id: string; template_key: string }>(`SELECT assignee_id, template_key FROM tickets WHERE id = $1`, [ticket.id]);
    expect(row1).toEqual({ assignee_id: agent.id, template_key: 'missing_item' });
    const requests = await testQuery<{ status: string }>(`SELECT status FROM reshipment_requests WHERE ticket_id = $1`, [ticket.id]);
    expect(requests).toHaveLength(1);
  } finally {
    await context.close();
  }
});
