import type { Browser, Locator, Page } from 'playwright-core';
import { launchChromium, logInThroughUi, waitForDialogToClose } from '@shopdesk/testing/browser';
import { loginAs, startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { createTicket, createUser, seedTemplates, testQuery } from '@shopdesk/testing/factories';

// Browser e2e for scenario templates on the agent dashboard: triage a missing-delivery ticket
// with the shipped `missing_item` template from suggestion to resolution, find it under
// "마감 임박", and edit a template as an admin. Run `npm run build:admin` first.

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

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await logInThroughUi(page, server.baseUrl, { email, password }, WAIT);
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

/** Polls an input's value (playwright-core has no `expect`); returns the last value seen. */
async function waitForValue(input: Locator, accept: (value: string) => boolean): Promise<string> {
  const deadline = Date.now() + WAIT;
  let value = '';
  while (Date.now() < deadline) {
    value = await input.inputValue().catch(() => '');
    if (accept(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`input never got the expected value; last value: ${JSON.stringify(value)}`);
}

async function waitForAttribute(locator: Locator, name: string, expected: string): Promise<void> {
  await locator.waitFor({ state: 'attached', timeout: WAIT });
  const deadline = Date.now() + WAIT;
  let actual: string | null = null;
  while (Date.now() < deadline) {
    actual = await locator.getAttribute(name);
    if (actual === expected) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} stayed ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

describe('scenario templates (browser)', () => {
  it('lets an agent triage a missing item from suggestion to a resolution with a Korean reply', async () => {
    const agent = await createUser({ role: 'agent', name: '김상담' });
    const ticket = await createTicket({
      type: 'missing_delivery',
      subject: `배송 누락 — 텀블러가 오지 않았어요 ${Date.now()}`,
      description: '상자를 열어 보니 머그컵만 있고 텀블러가 빠져 있었습니다.',
      customer: { name: '이고객', email: `lee.${Date.now()}@example.com`, phone: '010-2345-6789' },
    });
    const orderNumber = ticket.order.number!;
    const waybill = ticket.shipment.waybillNumber!;
    expect(orderNumber).toBeTruthy();

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);
      await page.goto(`${server.baseUrl}/#/tickets/${ticket.id}/show`);
      await page.getByText(ticket.subject).first().waitFor({ state: 'visible', timeout: WAIT });

      // No template yet: the suggestions come best first, with their reasons.
      const suggestions = page.locator('[data-testid^="template-suggestion-"]');
      await suggestions.first().waitFor({ state: 'visible', timeout: WAIT });
      expect(await suggestions.first().getAttribute('data-testid')).toBe('template-suggestion-missing_item');
      expect(await suggestions.first().innerText()).toContain('배송 누락');
      expect(await suggestions.first().innerText()).toContain('누락');

      await byTestId(page, 'apply-template-missing_item').click();
      await byTestId(page, 'scenario-title').filter({ hasText: '배송 누락' }).waitFor({ state: 'visible', timeout: WAIT });

      // Order and waybill numbers were prefilled from the ticket; the missing items were not.
      expect(await byTestId(page, 'scenario-field-orderNumber').inputValue()).toBe(orderNumber);
      expect(await byTestId(page, 'scenario-field-waybillNumber').inputValue()).toBe(waybill);
      await waitForAttribute(byTestId(page, 'scenario-field-row-missingItems'), 'data-missing', 'true');

      // The blocking step needs the missing items first: the server refuses, the checklist stays open.
      await byTestId(page, 'checklist-step-compareItems').click();
      await page.getByText('이 단계를 완료하려면 먼저 입력하세요').first().waitFor({ state: 'visible', timeout: WAIT });
      expect(await byTestId(page, 'checklist-row-compareItems').getAttribute('data-done')).toBe('false');

      await byTestId(page, 'scenario-field-missingItems-add').click();
      await byTestId(page, 'scenario-field-missingItems-sku-0').fill('SKU-TUMBLER-500');
      await byTestId(page, 'scenario-field-missingItems-name-0').fill('텀블러 500ml');
      await byTestId(page, 'scenario-field-missingItems-qty-0').fill('1');
      await byTestId(page, 'scenario-field-courierContactLog').fill('11/20 14:00 CJ대한통운 전화 문의 — 분실 확인 중');
      await byTestId(page, 'scenario-fields-save').click();
      await waitForAttribute(byTestId(page, 'scenario-field-row-missingItems'), 'data-missing', 'false');
      await byTestId(page, 'scenario-missing-fields').waitFor({ state: 'detached', timeout: WAIT });

      for (const step of ['compareItems', 'checkTracking', 'contactCourier', 'requestReshipment', 'keepEvidence']) {
        await byTestId(page, `checklist-step-${step}`).click();
        await waitForAttribute(byTestId(page, `checklist-row-${step}`), 'data-done', 'true');
      }
      expect(await byTestId(page, 'checklist-row-compareItems').innerText()).toContain('김상담');

      // Deadlines are shown in KST with a countdown.
      const deadline = byTestId(page, 'deadline-courierCheckDue');
      await deadline.waitFor({ state: 'visible', timeout: WAIT });
      expect(await deadline.innerText()).toMatch(/KST/);
      expect(await byTestId(page, 'deadline-countdown-courierCheckDue').innerText()).toMatch(/남음/);

      // Resolve: reship, with the rendered Korean canned reply.
      await byTestId(page, 'resolve-button').click();
      await byTestId(page, 'resolve-dialog').waitFor({ state: 'visible', timeout: WAIT });
      await byTestId(page, 'resolution-reship').check();
      const preview = byTestId(page, 'reply-preview');
      const body = await waitForValue(preview, (v) => v.includes(orderNumber));
      expect(body).toContain('이고객');
      expect(body).toContain('다시 보내 드리기로 했습니다');
      expect(body).not.toContain('{{');
      expect(await byTestId(page, 'resolve-reply').inputValue()).toBe('reshipConfirmed');

      await byTestId(page, 'resolve-submit').click();
      await waitForDialogToClose(page, 'resolve-dialog', 'resolve-error', WAIT);

      const resolution = byTestId(page, 'scenario-resolution');
      await resolution.waitFor({ state: 'visible', timeout: WAIT });
      expect(await resolution.getAttribute('data-code')).toBe('reship');
      expect(await resolution.innerText()).toContain('누락 상품 재배송');
      expect(await byTestId(page, 'resolve-button').count()).toBe(0);

      // The reply is in the thread; the timeline tells the story, including the pending automation.
      const reply = page.locator('[data-testid="ticket-message"][data-kind="public_reply"]', { hasText: orderNumber });
      await reply.waitFor({ state: 'visible', timeout: WAIT });
      expect(await reply.innerText()).toContain('이고객');
      await page
        .locator('[data-testid="ticket-event"][data-kind="automation_pending"]', { hasText: '자동화 대기: 창고에 재배송 요청 생성' })
        .waitFor({ state: 'visible', timeout: WAIT });
      await page
        .locator('[data-testid="ticket-event"][data-kind="resolution_recorded"]', { hasText: '누락 상품 재배송' })
        .waitFor({ state: 'visible', timeout: WAIT });
      await page
        .locator('[data-testid="ticket-event"][data-kind="scenario_applied"]', { hasText: '배송 누락' })
        .waitFor({ state: 'visible', timeout: WAIT });

      // The template's reship resolution hands the ticket to the warehouse.
      await page.getByText('물류센터 대기').first().waitFor({ state: 'visible', timeout: WAIT });
      const [row] = await testQuery<{ status: string }>('SELECT status FROM tickets WHERE id = $1', [ticket.id]);
      expect(row.status).toBe('pending_warehouse');
      const [scenario] = await testQuery<{ resolution: { code: string } }>(
        'SELECT resolution FROM ticket_scenarios WHERE ticket_id = $1',
        [ticket.id],
      );
      expect(scenario.resolution.code).toBe('reship');
    } finally {
      await context.close();
    }
  });

  it('lists a ticket with a deadline within 48 hours under "마감 임박" with its template', async () => {
    const agent = await createUser({ role: 'agent' });
    const ticket = await createTicket({ type: 'missing_delivery', subject: `마감 임박 확인 ${Date.now()}` });
    const api = await loginAs(server.app, agent);
    const applied = await api.post(`/tickets/${ticket.id}/scenario`).send({ templateKey: 'missing_item' });
    expect(applied.status).toBe(200);

    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);
      await page.goto(`${server.baseUrl}/#/tickets`);
      await byTestId(page, 'ticket-tab-due_soon').click({ timeout: WAIT });
      await page.waitForURL((url) => decodeURIComponent(url.hash).includes('"deadlineWithinHours":48'), { timeout: WAIT });

      const row = page.locator('tbody tr', { hasText: ticket.reference });
      await row.waitFor({ state: 'visible', timeout: WAIT });
      await row
        .locator('[data-testid="ticket-template"]', { hasText: '배송 누락' })
        .waitFor({ state: 'visible', timeout: WAIT });
      const next = row.locator('[data-testid="next-deadline"]');
      expect(await next.getAttribute('data-urgency')).toBe('soon');
      expect(await next.innerText()).toMatch(/남음/);
    } finally {
      await context.close();
    }
  });

  it('lets an admin review a template and save a new version with live validation', async () => {
    const admin = await createUser({ role: 'admin' });
    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const page = await context.newPage();
    try {
      await logIn(page, admin.email, admin.password);
      await page.goto(`${server.baseUrl}/#/scenario-templates`);
      const row = page.locator('tbody tr', { hasText: 'micropayment_cancel' });
      await row.waitFor({ state: 'visible', timeout: WAIT });
      await row.getByText('micropayment_cancel').click();
      await page.waitForURL((url) => url.hash.startsWith('#/scenario-templates/micropayment_cancel/show'), { timeout: WAIT });

      // Read-only structured view: deadline rules in words, replies side by side.
      const version = await byTestId(page, 'template-version').innerText({ timeout: WAIT });
      await byTestId(page, 'template-tab-deadlines').click();
      await page.locator('[data-testid^="template-deadline-rule-"]').first().waitFor({ state: 'visible', timeout: WAIT });
      expect(await page.locator('[data-testid^="template-deadline-rule-"]').first().innerText()).toMatch(/KST|부터/);
      await byTestId(page, 'template-tab-replies').click();
      await byTestId(page, 'template-replies').waitFor({ state: 'visible', timeout: WAIT });

      await page.goto(`${server.baseUrl}/#/scenario-templates/micropayment_cancel`);
      const editor = byTestId(page, 'template-definition-json');
      const original = await waitForValue(editor, (v) => v.trim().startsWith('{'));
      const definition = JSON.parse(original);

      // A reply with an unknown variable is flagged at its path before anything is sent.
      const broken = structuredClone(definition);
      broken.replies[0].body.ko = '안녕하세요 {{customer.nickname}}';
      await editor.fill(JSON.stringify(broken, null, 2));
      await page
        .locator('[data-testid="template-validation-error"][data-path="definition.replies[0].body.ko"]')
        .waitFor({ state: 'visible', timeout: WAIT });
      await waitForAttribute(byTestId(page, 'template-validation'), 'data-valid', 'false');

      const changed = structuredClone(definition);
      changed.summary.ko = `${definition.summary.ko} (검토 ${Date.now()})`;
      await editor.fill(JSON.stringify(changed, null, 2));
      await waitForAttribute(byTestId(page, 'template-validation'), 'data-valid', 'true');
      await page.locator('button[type="submit"]').click();

      await page.waitForURL((url) => url.hash.startsWith('#/scenario-templates/micropayment_cancel/show'), { timeout: WAIT });
      const next = `v${Number(version.replace(/\D/g, '')) + 1}`;
      await byTestId(page, 'template-version').filter({ hasText: next }).waitFor({ state: 'visible', timeout: WAIT });
      await byTestId(page, 'template-tab-versions').click();
      await byTestId(page, `template-version-${next.slice(1)}`).waitFor({ state: 'visible', timeout: WAIT });
    } finally {
      await context.close();
    }
  });

  it('shows agents no template editor', async () => {
    const agent = await createUser({ role: 'agent' });
    const context = await browser.newContext({ locale: 'ko-KR' });
    const page = await context.newPage();
    try {
      await logIn(page, agent.email, agent.password);
      await page.locator('a[href="#/tickets"]').first().waitFor({ state: 'visible', timeout: WAIT });
      expect(await page.locator('a[href="#/scenario-templates"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
