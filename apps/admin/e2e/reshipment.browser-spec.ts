import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { createTicket, createUser, testQuery } from '@shopdesk/testing/factories';

// Browser e2e for the "재배송" section of the ticket page: an agent requests a reshipment of the
// order's items through the dialog and sees the request appear with its items. No warehouse is
// configured here, so the request stays requested (or sent, if the worker picked it up).
// Run `npm run build:admin` first.

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

describe('Reshipments (browser)', () => {
  it('requests a reshipment of the order items through the dialog and shows the request', async () => {
    const agent = await createUser({ role: 'agent', name: '정상담' });
    const ticket = await createTicket({ subject: `재배송 요청 확인 ${Date.now()}` });

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, { email: agent.email, password: agent.password }, WAIT);
      await page.goto(`${server.baseUrl}/#/tickets/${ticket.id}/show`);
      const section = byTestId(page, 'ticket-reshipments');
      await section.waitFor({ state: 'visible', timeout: WAIT });
      expect(await section.innerText()).toContain('재배송');
      await byTestId(section, 'reshipments-empty').waitFor({ state: 'visible', timeout: WAIT });

      // The dialog starts with the order's items at their ordered quantities.
      await byTestId(section, 'request-reshipment').click({ timeout: WAIT });
      const dialog = byTestId(page, 'reshipment-dialog');
      await dialog.waitFor({ state: 'visible', timeout: WAIT });
      const rows = byTestId(dialog, 'reshipment-dialog-item');
      expect(await rows.count()).toBe(2);
      const mug = dialog.locator('[data-testid="reshipment-dialog-item"][data-sku="SKU-MUG-WHT"]');
      expect(await byTestId(mug, 'reshipment-qty').inputValue()).toBe('2');

      // Reship one mug only; the tumbler is unticked.
      await byTestId(mug, 'reshipment-qty').fill('1');
      await dialog.getByRole('checkbox', { name: 'SKU-TUMBLER-500' }).uncheck({ timeout: WAIT });
      // The reason is prefilled from the ticket; it is still required.
      expect(await byTestId(dialog, 'reshipment-reason').inputValue()).toMatch(/^SD-\d+ 고객 문의에 따른 재배송/);
      await byTestId(dialog, 'reshipment-reason').fill('');
      await byTestId(dialog, 'reshipment-submit').click({ timeout: WAIT });
      await dialog.getByText('사유를 입력해야 요청할 수 있습니다.').waitFor({ state: 'visible', timeout: WAIT });
      await byTestId(dialog, 'reshipment-reason').fill('머그컵 파손으로 재배송');
      await byTestId(dialog, 'reshipment-submit').click({ timeout: WAIT });
      await dialog.waitFor({ state: 'detached', timeout: WAIT });

      const request = byTestId(section, 'reshipment');
      await request.first().waitFor({ state: 'visible', timeout: WAIT });
      expect(await request.count()).toBe(1);
      expect(['requested', 'sent']).toContain(await request.getAttribute('data-status'));
      const text = await request.innerText();
      expect(text).toContain('SKU-MUG-WHT');
      expect(text).toContain('머그컵 화이트');
      expect(text).toContain('× 1');
      expect(text).not.toContain('SKU-TUMBLER-500');
      expect(text).toContain('머그컵 파손으로 재배송');
      expect(text).toContain('KST');
      expect(await byTestId(request, 'reshipment-waybill').count()).toBe(0);
      expect(await byTestId(request, 'reshipment-retry').count()).toBe(0);

      const [row] = await testQuery<{ items: { sku: string; qty: number }[]; reason: string }>(
        'SELECT items, reason FROM reshipment_requests WHERE ticket_id = $1',
        [ticket.id],
      );
      expect(row.items).toEqual([expect.objectContaining({ sku: 'SKU-MUG-WHT', qty: 1 })]);
      expect(row.reason).toBe('머그컵 파손으로 재배송');

      // The timeline tells it in words.
      await page.getByText('재배송 요청: SKU-MUG-WHT 머그컵 화이트 × 1').first().waitFor({ state: 'visible', timeout: WAIT });
    } finally {
      await context.close();
    }
  });
});
