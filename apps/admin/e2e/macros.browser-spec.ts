import type { Browser, Page } from 'playwright-core';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { createTicket, createUser, type TestUser } from '@shopdesk/testing/factories';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';

// Browser e2e for macros and keyboard shortcuts on the ticket page: Ctrl+/ (and `#` at the start
// of a line) opens the macro picker, the picked macro lands in the reply box rendered for this
// ticket; `?` lists the shortcuts; `r` puts the cursor in the reply box. Run `npm run build:admin` first.

jest.setTimeout(120_000);

const WAIT = 15_000;

let server: TestServer;
let browser: Browser;
let agent: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
  agent = await createUser({ role: 'agent', name: '박상담' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Waits until the reply box holds exactly `text` (an event-driven wait, not a sleep). */
async function waitForReplyBox(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (expected) => (document.querySelector('[data-testid="message-body"]') as HTMLTextAreaElement | null)?.value === expected,
    text,
    { timeout: WAIT },
  );
}

describe('Macros and shortcuts (browser)', () => {
  it('inserts a macro rendered for the ticket with Ctrl+/ and with # at the start of a line; ? lists the shortcuts', async () => {
    const ticket = await createTicket({ customer: { name: '최민지', email: 'minji.macro@example.com', phone: '010-9876-5432' } });
    const api = await loginAs(server.app, agent);
    await api
      .post('/macros')
      .send({ title: '배송 확인 안내', body: { ko: '{{customer.name}} 고객님, 주문 {{order.number}} 배송을 확인하겠습니다. - {{agent.name}}', en: 'Dear {{customer.name}}' } })
      .expect(201);
    await api.post('/macros').send({ title: '환불 안내', body: { ko: '환불은 3영업일 안에 처리됩니다.', en: 'Refunds take 3 business days.' } }).expect(201);
    const rendered = `최민지 고객님, 주문 ${ticket.order.number} 배송을 확인하겠습니다. - 박상담`;

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, { email: agent.email, password: agent.password }, WAIT);
      await page.goto(`${server.baseUrl}/#/tickets/${ticket.id}/show`);
      const box = byTestId(page, 'message-body');
      await box.waitFor({ state: 'visible', timeout: WAIT });

      // `?` outside any input: the shortcut list, in Korean.
      await page.locator('h1').click();
      await page.keyboard.press('?');
      const help = byTestId(page, 'shortcuts-help');
      await help.waitFor({ state: 'visible', timeout: WAIT });
      expect(await help.innerText()).toContain('키보드 단축키');
      expect(await help.locator('[data-testid="shortcut-row"]').count()).toBe(7);
      expect(await help.locator('[data-action="assign"]').innerText()).toContain('나에게 배정');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'detached', timeout: WAIT });

      // `r` puts the cursor in the reply box.
      await page.keyboard.press('r');
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'message-body', undefined, { timeout: WAIT });
      expect(await box.inputValue()).toBe('');

      // Ctrl+/ → picker → search → Enter: the rendered macro lands in the reply box.
      await page.keyboard.press('Control+/');
      const picker = byTestId(page, 'macro-picker');
      await picker.waitFor({ state: 'visible', timeout: WAIT });
      await byTestId(page, 'macro-search').fill('배송');
      await picker.locator('[data-testid="macro-option"][data-title="배송 확인 안내"]').waitFor({ timeout: WAIT });
      await picker.locator('[data-testid="macro-option"][data-title="환불 안내"]').waitFor({ state: 'detached', timeout: WAIT });
      await page.keyboard.press('Enter');
      await picker.waitFor({ state: 'detached', timeout: WAIT });
      await waitForReplyBox(page, rendered);

      // `#` at the start of a new line opens the picker too; a click inserts at the cursor.
      await box.focus();
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('#');
      await picker.waitFor({ state: 'visible', timeout: WAIT });
      await picker.locator('[data-testid="macro-option"][data-title="환불 안내"]').click({ timeout: WAIT });
      await waitForReplyBox(page, `${rendered}\n환불은 3영업일 안에 처리됩니다.`);
    } finally {
      await context.close();
    }
  });

  it('assigns with `a`, and manages macros on their own page: empty state, variable check, save', async () => {
    const newcomer = await createUser({ role: 'agent', name: '신입상담' });
    const older = await createTicket({ subject: `이전 티켓 ${Date.now()}` });
    const ticket = await createTicket({ subject: `최신 티켓 ${Date.now()}` });
    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, { email: newcomer.email, password: newcomer.password }, WAIT);
      await page.goto(`${server.baseUrl}/#/tickets/${ticket.id}/show`);
      const assign = byTestId(page, 'assign-to-me');
      await assign.waitFor({ state: 'visible', timeout: WAIT });
      await page.locator('h1').click();
      await page.keyboard.press('a');
      await page.locator('[data-testid="assign-to-me"]', { hasText: '나에게 배정됨' }).waitFor({ timeout: WAIT });

      // j / k walk the ticket list (newest first by default): the next one is the older ticket.
      await page.keyboard.press('j');
      await page.waitForURL((url) => url.hash === `#/tickets/${older.id}/show`, { timeout: WAIT });
      await page.locator('h1', { hasText: older.subject }).waitFor({ timeout: WAIT });
      await page.locator('h1').click();
      await page.keyboard.press('k');
      await page.waitForURL((url) => url.hash === `#/tickets/${ticket.id}/show`, { timeout: WAIT });

      await page.goto(`${server.baseUrl}/#/macros`);
      await byTestId(page, 'macros-empty').waitFor({ state: 'visible', timeout: WAIT });
      await byTestId(page, 'macros-empty').locator('a').click();
      await page.locator('input[name="title"]').fill('인사말', { timeout: WAIT });
      await page.locator('textarea[name="body.ko"]').fill('{{customer.nmae}} 고객님 안녕하세요.');
      await page.locator('textarea[name="body.en"]').fill('Hello {{customer.name}}');
      await page.locator('button[type="submit"]').click();
      await page.getByText('알 수 없는 변수: {{customer.nmae}}', { exact: false }).waitFor({ timeout: WAIT });
      await page.locator('textarea[name="body.ko"]').fill('{{customer.name}} 고객님 안녕하세요.');
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.hash === '#/macros', { timeout: WAIT });
      await page.getByText('인사말').waitFor({ timeout: WAIT });
    } finally {
      await context.close();
    }
  });
});
