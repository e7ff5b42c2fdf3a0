import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { createTicket, createUser, type TestUser } from '@shopdesk/testing/factories';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { LiveHub } from '@shopdesk/server/live/live-hub';

// Browser e2e for the live queue: two agents in two browser contexts on the same ticket. Agent 2
// sees agent 1 viewing, then replying, and agent 1's public reply appears on agent 2's page
// without a reload; a ticket created elsewhere appears on an open list.
// Run `npm run build:admin` first.

jest.setTimeout(120_000);

const WAIT = 15_000;

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startTestServer();
  await server.app.get(LiveHub).ready;
  browser = await launchChromium();
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

async function signedIn(user: TestUser): Promise<Page> {
  const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
  contexts.push(context);
  const page = await context.newPage();
  await logInThroughUi(page, server.baseUrl, user, WAIT);
  return page;
}

/** Marks the loaded page; a reload would lose the mark. */
const markLoaded = (page: Page) => page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
const notReloaded = (page: Page) => page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded === true);

describe('Live queue (browser)', () => {
  it('shows the other agent viewing and replying, and their reply without a reload', async () => {
    const agent1 = await createUser({ role: 'agent', name: '김상담' });
    const agent2 = await createUser({ role: 'agent', name: '이상담' });
    const ticket = await createTicket({ subject: `실시간 확인 ${Date.now()}`, status: 'open' });
    const [page1, page2] = [await signedIn(agent1), await signedIn(agent2)];

    await page2.goto(`${server.baseUrl}/#/tickets/${ticket.id}/show`);
    await byTestId(page2, 'message-body').waitFor({ state: 'visible', timeout: WAIT });
    await page1.goto(`${server.baseUrl}/#/tickets/${ticket.id}/show`);
    await byTestId(page1, 'message-body').waitFor({ state: 'visible', timeout: WAIT });
    await markLoaded(page2);

    const seenBy2 = byTestId(page2, 'ticket-presence-agent');
    await page2.locator('[data-testid="ticket-presence-agent"][data-state="viewing"]').waitFor({ timeout: WAIT });
    expect(await seenBy2.innerText()).toBe('김상담 님이 보고 있습니다');
    // Agent 1 sees agent 2 too, never themselves.
    await page1.locator('[data-testid="ticket-presence-agent"]').waitFor({ timeout: WAIT });
    expect(await byTestId(page1, 'ticket-presence').innerText()).not.toContain('김상담');

    const reply = `실시간 답변 ${Date.now()}: 재발송 접수했습니다.`;
    await byTestId(page1, 'message-body').fill(reply);
    await page2.locator('[data-testid="ticket-presence-agent"][data-state="replying"]').waitFor({ timeout: WAIT });
    expect(await seenBy2.innerText()).toBe('김상담 님이 답변 작성 중');

    await byTestId(page1, 'send-reply').click();
    await page2.getByText(reply).waitFor({ state: 'visible', timeout: WAIT });
    // The composer emptied, so agent 1 is back to viewing.
    await page2.locator('[data-testid="ticket-presence-agent"][data-state="viewing"]').waitFor({ timeout: WAIT });
    expect(await notReloaded(page2)).toBe(true);
  });

  it('adds a ticket created elsewhere to an open list', async () => {
    const agent = await createUser({ role: 'agent', name: '박상담' });
    const page = await signedIn(agent);
    const tag = `live-${Date.now().toString(36)}`;
    await createTicket({ subject: `첫 번째 ${tag}`, tags: [tag] });
    await page.goto(`${server.baseUrl}/#/tickets?filter=${encodeURIComponent(JSON.stringify({ tag }))}`);
    await page.getByText(`첫 번째 ${tag}`).waitFor({ state: 'visible', timeout: WAIT });
    await markLoaded(page);

    await createTicket({ subject: `두 번째 ${tag}`, tags: [tag] });
    await page.getByText(`두 번째 ${tag}`).waitFor({ state: 'visible', timeout: WAIT });
    expect(await notReloaded(page)).toBe(true);
  });
});
