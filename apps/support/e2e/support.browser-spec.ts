import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInThroughUi, runAxe } from '@shopdesk/testing/browser';
import { createUser, seedTemplates, testQuery } from '@shopdesk/testing/factories';
import { PNG_1PX } from '@shopdesk/testing/public-form';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';

// Issue 6 acceptance, in a real Chromium at a phone viewport: a customer files a 휴대폰 소액결제
// 취소 ticket with a photo, gets a reference and a private link; an agent answers in the admin;
// the customer opens the link, reads the answer and replies; the agent sees the reply. axe-core
// checks the form and the status page. Run `npm run build` first (both UIs are served by the API).

jest.setTimeout(120_000);
const WAIT = 15_000;
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

let server: TestServer;
let browser: Browser;
const saved = { ...process.env };

beforeAll(async () => {
  await seedTemplates();
  process.env.PUBLIC_FORM_MIN_FILL_MS = '300';
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  process.env = saved;
  await browser?.close();
  await server?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

function expectNoCriticalViolations(where: string, violations: Awaited<ReturnType<typeof runAxe>>): void {
  const blocking = violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
  if (blocking.length) throw new Error(`axe on ${where}: ${JSON.stringify(blocking, null, 2)}`);
}

describe('customer support form and status page (browser, phone)', () => {
  it('files a micropayment cancellation with a photo, and the conversation reaches both sides', async () => {
    const email = `mobile.${Date.now()}@example.com`;
    const photo = join(tmpdir(), `sms-receipt-${Date.now()}.png`);
    writeFileSync(photo, PNG_1PX);

    const customer = await browser.newContext({ ...PHONE, locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const phone = await customer.newPage();
    const agentContext = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const desk = await agentContext.newPage();
    try {
      // 1. The form, in Korean, at 390×844.
      await phone.goto(`${server.baseUrl}/support/`);
      expect(await phone.locator('html').getAttribute('lang')).toBe('ko');
      await byTestId(phone, 'situation-micropayment_cancel').waitFor({ state: 'visible', timeout: WAIT });
      expectNoCriticalViolations('the form (first step)', await runAxe(phone));
      await byTestId(phone, 'situation-micropayment_cancel').check();
      await byTestId(phone, 'next-step').click();

      await byTestId(phone, 'field-productName').fill('모바일 게임 아이템 패키지', { timeout: WAIT });
      await byTestId(phone, 'field-paidAt').fill('2026-11-20T21:10');
      await byTestId(phone, 'field-amount').fill('33000');
      await byTestId(phone, 'field-phoneNumber').fill('010-2345-6789');
      await byTestId(phone, 'description').fill('어젯밤 아이가 제 휴대폰으로 게임 아이템을 결제했어요. 취소 부탁드립니다.');
      await byTestId(phone, 'attachments-input').setInputFiles(photo);
      await byTestId(phone, 'contact-name').fill('박고객');
      await byTestId(phone, 'contact-email').fill(email);

      // Without consent the form says so next to the checkbox, and nothing is sent.
      await byTestId(phone, 'submit').click();
      await byTestId(phone, 'field-error-privacyConsent').waitFor({ state: 'visible', timeout: WAIT });
      expect(await testQuery(`SELECT 1 FROM tickets WHERE customer_email = $1`, [email])).toHaveLength(0);
      expectNoCriticalViolations('the form (details with errors)', await runAxe(phone));

      await byTestId(phone, 'privacy-consent').check();
      await byTestId(phone, 'submit').click();
      await byTestId(phone, 'confirmation').waitFor({ state: 'visible', timeout: WAIT });
      const reference = (await byTestId(phone, 'confirmation-reference').innerText()).trim();
      expect(reference).toMatch(/^SD-\d{6,}$/);
      expect(await byTestId(phone, 'first-reply-due').innerText()).toMatch(/\d/);
      const statusUrl = await byTestId(phone, 'confirmation-status-link').getAttribute('href');
      expect(statusUrl).toMatch(new RegExp(`/support/t/${reference}#[A-Za-z0-9_-]{40,}$`));

      const [ticket] = await testQuery<{ id: string; channel: string; template_key: string }>(
        `SELECT id, channel, template_key FROM tickets WHERE reference = $1`,
        [reference],
      );
      expect(ticket).toMatchObject({ channel: 'form', template_key: 'micropayment_cancel' });
      expect(await testQuery(`SELECT 1 FROM attachments WHERE ticket_id = $1 AND content_type = 'image/png'`, [ticket.id])).toHaveLength(1);

      // 2. An agent answers in the admin, and sees the customer's photo as a thumbnail.
      const agent = await createUser({ role: 'agent', name: '김상담' });
      await logInThroughUi(desk, server.baseUrl, agent, WAIT);
      await desk.goto(`${server.baseUrl}/#/tickets/${ticket.id}/show`);
      await byTestId(desk, 'attachment-thumbnail').first().waitFor({ state: 'visible', timeout: WAIT });
      await byTestId(desk, 'message-body').fill('안녕하세요 박고객님, 통신사에 결제 취소를 요청했습니다. 문자 안내를 확인해 주세요.');
      await byTestId(desk, 'send-reply').click();
      await desk
        .locator('[data-testid="ticket-message"][data-kind="public_reply"]', { hasText: '통신사에 결제 취소를 요청했습니다' })
        .waitFor({ state: 'visible', timeout: WAIT });

      // 3. The customer opens the private link, reads the answer and replies.
      // The link is built on PUBLIC_BASE_URL; this test server listens on a random port instead.
      const link = new URL(statusUrl!);
      await phone.goto(`${server.baseUrl}${link.pathname}${link.hash}`);
      await byTestId(phone, 'status-page').waitFor({ state: 'visible', timeout: WAIT });
      expect(phone.url()).not.toContain('#'); // the token leaves the address bar
      expect((await byTestId(phone, 'status-reference').innerText()).trim()).toBe(reference);
      await phone
        .locator('[data-testid="thread-message"][data-kind="public_reply"]', { hasText: '통신사에 결제 취소를 요청했습니다' })
        .waitFor({ state: 'visible', timeout: WAIT });
      expectNoCriticalViolations('the status page', await runAxe(phone));
      await byTestId(phone, 'reply-body').fill('문자 받았습니다. 감사합니다!');
      await byTestId(phone, 'reply-submit').click();
      await phone
        .locator('[data-testid="thread-message"][data-kind="customer_message"]', { hasText: '문자 받았습니다' })
        .waitFor({ state: 'visible', timeout: WAIT });

      // 4. The agent sees the answer.
      await desk.reload();
      await desk
        .locator('[data-testid="ticket-message"][data-kind="customer_message"]', { hasText: '문자 받았습니다. 감사합니다!' })
        .waitFor({ state: 'visible', timeout: WAIT });

      // A wrong token shows the neutral not-found page with the "lost my link" form.
      await phone.goto(`${server.baseUrl}/support/t/${reference}#wrong-token-${Date.now()}`);
      await byTestId(phone, 'not-found').waitFor({ state: 'visible', timeout: WAIT });
      await byTestId(phone, 'lost-link-email').fill(email);
      await byTestId(phone, 'lost-link-submit').click();
      await byTestId(phone, 'lost-link-done').waitFor({ state: 'visible', timeout: WAIT });
    } finally {
      await customer.close();
      await agentContext.close();
    }
  });

  it('switches the form to English', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'ko-KR' });
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/support/`);
      await byTestId(page, 'lang-en').click({ timeout: WAIT });
      await page.getByText('I want to cancel something I paid for with my phone').waitFor({ state: 'visible', timeout: WAIT });
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    } finally {
      await context.close();
    }
  });
});
