import type { Browser, Locator, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { OutboundMailService } from '@shopdesk/server/mail/outbound-mail.service';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { createTicket, createUser, factoryContext, testQuery } from '@shopdesk/testing/factories';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';

// Browser e2e for the "발송 메일" section of the ticket page: the ticket's mails with their status
// chips, and the stored body behind a toggle with the private link shown as a label (the token is
// never stored). No worker runs here, so the statuses are set directly.
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

describe('Outbound e-mail (browser)', () => {
  it('lists the mails newest first with status chips and an expandable body', async () => {
    const agent = await createUser({ role: 'agent', name: '정상담' });
    const ticket = await createTicket({ subject: `메일 확인 ${Date.now()}`, customer: { name: '이서연', email: 'seoyeon.mail@example.com', phone: null } });
    const ctx = await factoryContext();
    const mail = ctx.get(OutboundMailService, { strict: false });
    const confirmation = (await ctx.get(DataSource).transaction((m) => mail.queueConfirmation(m, ticket.id)))!;
    const link = (await ctx.get(DataSource).transaction((m) => mail.queueAccessLink(m, ticket.id)))!;
    await testQuery(
      `UPDATE outbound_messages SET status = 'sent', attempts = 1, sent_at = now(), created_at = now() - interval '1 hour' WHERE id = $1`,
      [confirmation],
    );
    await testQuery(`UPDATE outbound_messages SET status = 'not_sent', status_reason = 'no SMTP' WHERE id = $1`, [link]);

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, { email: agent.email, password: agent.password }, WAIT);
      await page.goto(`${server.baseUrl}/#/tickets/${ticket.id}/show`);
      const section = byTestId(page, 'ticket-outbound-mail');
      await section.waitFor({ state: 'visible', timeout: WAIT });
      expect(await section.innerText()).toContain('발송 메일');
      const mails = byTestId(section, 'outbound-mail');
      await mails.first().waitFor({ state: 'visible', timeout: WAIT });
      expect(await mails.count()).toBe(2);

      const [newest, oldest] = [mails.nth(0), mails.nth(1)];
      expect(await newest.getAttribute('data-kind')).toBe('access_link');
      expect(await byTestId(newest, 'outbound-mail-status').innerText()).toBe('미발송: SMTP 없음');
      expect(await byTestId(oldest, 'outbound-mail-status').innerText()).toBe('발송됨');
      expect(await byTestId(oldest, 'outbound-mail-subject').innerText()).toBe(`[${ticket.reference}] 문의가 접수되었습니다`);
      expect(await oldest.innerText()).toContain('seoyeon.mail@example.com');

      expect(await byTestId(oldest, 'outbound-mail-body').count()).toBe(0);
      await byTestId(oldest, 'outbound-mail-toggle').click({ timeout: WAIT });
      const body = byTestId(oldest, 'outbound-mail-body');
      await body.waitFor({ state: 'visible', timeout: WAIT });
      const text = await body.innerText();
      expect(text).toContain('안녕하세요, 이서연 고객님.');
      expect(text).toContain('[비공개 링크 / private link]');
      expect(text).not.toContain('{{statusUrl}}');
      await byTestId(oldest, 'outbound-mail-toggle').click({ timeout: WAIT });
      await body.waitFor({ state: 'detached', timeout: WAIT });
    } finally {
      await context.close();
    }
  });
});
