import type { Browser, Page } from 'playwright-core';
import { SYSTEM_ACTOR } from '@shopdesk/server/auth/actor';
import { TicketsService } from '@shopdesk/server/tickets/tickets.service';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { createTicket, createUser, factoryContext } from '@shopdesk/testing/factories';

// Browser e2e for Korean search: type into the ticket list's search box and see the matching
// tickets with the matched text highlighted. Run `npm run build:admin` first.

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

async function searchFor(page: Page, text: string): Promise<void> {
  const box = page.locator('input[name="q"]');
  await box.fill(text, { timeout: WAIT });
  await page.waitForURL((url) => decodeURIComponent(url.hash).includes(text), { timeout: WAIT });
}

describe('ticket search (browser)', () => {
  it('finds 환불 and a two-character name from the list search box, with the match highlighted', async () => {
    const agent = await createUser({ role: 'agent' });
    // The test database is shared with suites that seed thousands of Korean tickets: the list is first
    // narrowed to this test's own tickets (a tag filter in the URL), then searched from the search box.
    const tag = `searchui${Date.now()}`;
    const refund = await createTicket({ subject: '환불 처리 부탁드립니다', tags: [tag], customer: { name: '강하늘', email: 'sky@example.com' } });
    const named = await createTicket({ subject: '주소 변경 요청', tags: [tag], customer: { name: '민수', email: 'ms@example.com' } });
    const noted = await createTicket({ subject: '문의드립니다', tags: [tag], customer: { name: '윤서진', email: 'sj@example.com' } });
    await (await factoryContext())
      .get(TicketsService)
      .addMessage(noted.id, { kind: 'customer_message', body: '카드 결제 환불은 언제 되나요?' }, SYSTEM_ACTOR);

    const context = await browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, { email: agent.email, password: agent.password }, WAIT);
      await page.goto(`${server.baseUrl}/#/tickets?filter=${encodeURIComponent(JSON.stringify({ tag }))}`);
      await page.locator('tbody tr', { hasText: refund.reference }).waitFor({ state: 'visible', timeout: WAIT });

      await searchFor(page, '환불');
      expect(decodeURIComponent(page.url())).toContain(tag); // the search combines with the tag filter
      await page.locator('tbody tr', { hasText: named.reference }).waitFor({ state: 'detached', timeout: WAIT });
      const refundRow = page.locator('tbody tr', { hasText: refund.reference });
      await refundRow.waitFor({ state: 'visible', timeout: WAIT });
      const subjectMatch = refundRow.locator('[data-testid="search-match"]');
      expect(await subjectMatch.getAttribute('data-field')).toBe('subject');
      expect(await subjectMatch.locator('mark').allTextContents()).toEqual(['환불']);
      // A match only in a message body is shown with the message excerpt.
      const notedRow = page.locator('tbody tr', { hasText: noted.reference });
      await notedRow.waitFor({ state: 'visible', timeout: WAIT });
      expect(await notedRow.locator('[data-testid="search-match"]').getAttribute('data-field')).toBe('message');
      expect(await notedRow.locator('[data-testid="search-match"]').textContent()).toContain('메시지: 카드 결제 환불은');

      await searchFor(page, '민수');
      const namedRow = page.locator('tbody tr', { hasText: named.reference });
      await namedRow.waitFor({ state: 'visible', timeout: WAIT });
      await page.locator('tbody tr', { hasText: refund.reference }).waitFor({ state: 'detached', timeout: WAIT });
      const nameMatch = namedRow.locator('[data-testid="search-match"]');
      expect(await nameMatch.getAttribute('data-field')).toBe('customer.name');
      expect(await nameMatch.textContent()).toBe('고객 이름: 민수');
      expect(await nameMatch.locator('mark').allTextContents()).toEqual(['민수']);
    } finally {
      await context.close();
    }
  });
});
