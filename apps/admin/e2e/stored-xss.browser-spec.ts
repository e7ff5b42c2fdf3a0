import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { PublicFormInfo, PublicSituation, PublicTicketCreated, PublicTicketView } from '@shopdesk/contracts/public';
import type { FieldDef } from '@shopdesk/contracts/scenarios';
import { launchChromium, logInThroughUi } from '@shopdesk/testing/browser';
import { createUser, seedTemplates, testQuery } from '@shopdesk/testing/factories';
import { formToken, PNG_1PX } from '@shopdesk/testing/public-form';
import { startTestServer, type TestServer } from '@shopdesk/testing/test-server';
import { waitFor } from '@shopdesk/testing/worker-process';

// Issue 9, stored XSS: customers file tickets through the PUBLIC routes (form, reply, uploads) with
// script and markup in every field they control; an agent then opens every admin page that shows
// those fields, and the customer opens the private status page, in a real Chromium. Nothing may
// run — checked by page events (dialogs, console, CSP reports, requests to the payloads' `src=x`),
// a binding the payloads call, a `window.__xss` flag and a DOM probe for injected elements — and
// every payload must be on the page as literal text. Run `npm run build` first (both UIs are
// served by the API).

jest.setTimeout(240_000);
const WAIT = 20_000;

let server: TestServer;
let browser: Browser;
const http = () => request(server.app.getHttpServer());
const run = randomUUID().slice(0, 6);
/** Only in the descriptions, so a search for it shows the description's snippet (markup around it). */
const searchWord = `설명${run}`;

beforeAll(async () => {
  await seedTemplates();
  server = await startTestServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Payload shapes; `$` becomes a label naming the field, so a hit says which field ran. Each one
 * would run in a sink that treats text as HTML, as a URL, or as a template.
 */
const SHAPES = [
  '<script>window.__xss=1;__xssHit("$")</script>',
  '<img src=x onerror="window.__xss=1;__xssHit(\'$\')">',
  '<svg onload=__xssHit("$")><animate onbegin=__xssHit("$") attributeName=x>',
  'javascript:__xssHit("$")//',
  '"><iframe srcdoc="<script>parent.__xssHit(\'$\')</script>">',
  "'><details open ontoggle=__xssHit('$')>",
  '[click](javascript:__xssHit("$")) **bold** <b onmouseover=__xssHit("$")>b</b>',
  '\u202Egnp.exe <a href="javascript:__xssHit(\'$\')">$</a>',
  '{{constructor.constructor("__xssHit(\'$\')")()}} ${__xssHit("$")} %{smart_count}',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xssHit("$")>',
] as const;

let nextShape = 0;
/** A payload for `label`, within `max` characters (the label stays in it, so a hit is traceable). */
function payload(label: string, max = 5_000): string {
  for (let tries = 0; tries < SHAPES.length; tries++) {
    const text = SHAPES[nextShape++ % SHAPES.length].replaceAll('$', label);
    if (text.length <= max) return text;
  }
  return `<b onclick=__xssHit("${label}")>`.slice(0, max);
}

/** A valid value for a field a payload cannot go into (its type checks the form). */
function plainValue(def: FieldDef): unknown {
  switch (def.type) {
    case 'number':
    case 'money_krw':
      return Math.max(def.validation?.min ?? 1, 1_000);
    case 'date':
      return '2026-11-20';
    case 'datetime':
      return '2026-11-20T21:10:00+09:00';
    case 'enum':
      return def.options![0].value;
    case 'phone':
      return '010-2345-6789';
    case 'waybill':
      return `${run}1234567`.replace(/[^A-Za-z0-9]/g, '7');
    case 'boolean':
      return true;
    default:
      return undefined;
  }
}

interface Filed {
  situation: PublicSituation;
  created: PublicTicketCreated;
  ticketId: string;
  /** Every payload this ticket carries, as the agent should see it (attachment names as stored). */
  payloads: string[];
  /** Payloads the customer sees on the status page (no agent-only facts). */
  customerPayloads: string[];
}

/** Files one ticket for `situation` with a payload in every free-text field the customer may fill. */
async function fileTicket(situation: PublicSituation, n: number): Promise<Filed> {
  const label = (field: string) => `t${n}-${field}`;
  const fields: Record<string, unknown> = {};
  const payloads: string[] = [];
  for (const def of situation.fields) {
    if (def.type === 'evidence') continue; // uploaded as files, below
    if (def.type === 'text' || def.type === 'order_number' || def.type === 'courier_code' || def.type === 'transaction_id') {
      const max = def.type === 'text' ? (def.validation?.maxLength ?? 2_000) : 64;
      fields[def.id] = payload(label(def.id), max);
      payloads.push(fields[def.id] as string);
    } else if (def.type === 'item_list') {
      const sku = payload(label(`${def.id}.sku`), 64);
      const name = payload(label(`${def.id}.name`), 200);
      fields[def.id] = [{ sku, qty: 1, name }];
      payloads.push(sku, name);
    } else {
      fields[def.id] = plainValue(def);
    }
  }
  const name = payload(label('name'), 100);
  const description = `${searchWord} ${payload(label('description'))}\n${payload(label('description2'))}`;
  // The local part may hold quotes, slashes, braces and back-ticks but no < > ( ) : " — still a sink for
  // attributes and templates. Lower case: addresses are stored lower-cased.
  const email = `x'onfocus=__xss=1'autofocus'{{7*7}}/${run}.${n}@example.com`;
  const body = {
    templateKey: situation.templateKey,
    type: situation.type,
    locale: n % 2 ? 'en' : 'ko',
    fields,
    description,
    contact: { name, email, phone: '010-2345-6789' },
    privacyConsent: true,
    formToken: formToken(),
    website: '',
  };
  const res = await http()
    .post('/public/tickets')
    .set('Idempotency-Key', randomUUID())
    .field('payload', JSON.stringify(body))
    .attach('files', PNG_1PX, `<img src=x onerror=__xssHit('t${n}-file')>\u202Egnp.exe.png`);
  if (res.status !== 201) throw new Error(`${situation.templateKey ?? situation.type}: POST /public/tickets answered ${res.status} ${JSON.stringify(res.body)}`);
  const created = res.body as PublicTicketCreated;

  const reply = payload(label('reply'));
  const answered = await http()
    .post(`/public/tickets/${created.reference}/messages`)
    .set('X-Ticket-Token', created.token)
    .set('Idempotency-Key', randomUUID())
    .field('payload', JSON.stringify({ body: reply }))
    .attach('files', PNG_1PX, `"><svg onload=__xssHit('t${n}-reply-file')>.png`);
  if (answered.status !== 201) throw new Error(`reply on ${created.reference} answered ${answered.status} ${JSON.stringify(answered.body)}`);
  const view = answered.body as PublicTicketView;
  const filenames = view.messages.flatMap((m) => m.attachments.map((a) => a.filename));
  expect(filenames).toHaveLength(2);
  // Stored names keep no markup characters and no bidirectional controls (a U+202E could make
  // "gnp.exe" read as "exe.png"); the rest of the name stays, as literal text.
  for (const f of filenames) expect(f).not.toMatch(/[<>"\u202a-\u202e\u2066-\u2069]/);

  const [row] = await testQuery<{ id: string }>(`SELECT id FROM tickets WHERE reference = $1`, [created.reference]);
  // The status page shows the customer's own messages, name and file names (the description is the agent's copy).
  const customerPayloads = [name, reply, ...filenames];
  return {
    situation,
    created,
    ticketId: row.id,
    payloads: [name, email, ...description.split('\n'), reply, ...filenames, ...payloads],
    customerPayloads,
  };
}

interface Sighting {
  where: string;
  what: string;
}

/**
 * Watches a browser context for anything a payload could do: the `__xssHit` binding, dialogs,
 * CSP violation reports, console lines naming the payload functions, and requests for `src=x`.
 */
async function watch(context: BrowserContext): Promise<Sighting[]> {
  const seen: Sighting[] = [];
  await context.exposeBinding('__xssHit', ({ frame }, label: unknown) => {
    seen.push({ where: frame.url(), what: `script ran: __xssHit(${String(label)})` });
  });
  await context.exposeBinding('__cspViolation', ({ frame }, what: unknown) => {
    seen.push({ where: frame.url(), what: `CSP blocked: ${String(what)}` });
  });
  await context.addInitScript(() => {
    type Violation = { violatedDirective: string; blockedURI: string; sourceFile: string; lineNumber: number; sample: string };
    const g = globalThis as unknown as {
      addEventListener: (type: string, fn: (e: Violation) => void) => void;
      __cspViolation: (what: string) => void;
    };
    g.addEventListener('securitypolicyviolation', (e) => {
      // zod probes `new Function('')` once (caught) to see whether it may compile validators; the
      // literal-text checks below catch any template evaluation of customer text, CSP or not.
      if (e.blockedURI === 'eval' && /\/assets\/[^/]+\.js$/.test(e.sourceFile)) return;
      g.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI} from ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  context.on('page', (page) => guardPage(page, seen));
  context.on('request', (req) => {
    if (/\/x(\?|$)/.test(new URL(req.url()).pathname)) seen.push({ where: req.url(), what: 'an injected element fetched its src' });
  });
  return seen;
}

function guardPage(page: Page, seen: Sighting[]): void {
  page.on('dialog', (dialog) => {
    seen.push({ where: page.url(), what: `dialog ${dialog.type()}: ${dialog.message()}` });
    void dialog.dismiss().catch(() => undefined);
  });
  page.on('console', (msg) => {
    if (/__xss|Content Security Policy/i.test(msg.text())) seen.push({ where: page.url(), what: `console ${msg.type()}: ${msg.text()}` });
  });
  page.on('pageerror', (err) => {
    if (/__xss/.test(err.message)) seen.push({ where: page.url(), what: `page error: ${err.message}` });
  });
}

interface Probe {
  flag: unknown;
  injected: string[];
  text: string;
}

/** What the DOM holds now: the flag, any element a payload would have created, and the visible text. */
function probe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    type El = { tagName: string; outerHTML: string; value?: string; textContent: string | null; getAttribute: (n: string) => string | null; attributes: { name: string }[] };
    const g = globalThis as unknown as {
      __xss?: unknown;
      document: { body: { innerText: string }; querySelectorAll: (s: string) => El[] };
    };
    const all = [...g.document.querySelectorAll('*')];
    const injected = all
      .filter(
        (el) =>
          ['IFRAME', 'DETAILS', 'MGLYPH', 'ANIMATE'].includes(el.tagName.toUpperCase()) ||
          (el.tagName === 'SCRIPT' && (el.textContent ?? '').includes('__xss')) ||
          (el.tagName === 'IMG' && el.getAttribute('src') === 'x') ||
          /^\s*javascript:/i.test(el.getAttribute('href') ?? '') ||
          [...el.attributes].some((a) => /^on/i.test(a.name)),
      )
      .map((el) => el.outerHTML.slice(0, 200));
    // Text the agent reads, plus the values of inputs (agent-editable template fields are inputs).
    const values = [...g.document.querySelectorAll('input, textarea')].map((el) => el.value ?? '');
    return { flag: g.__xss, injected, text: [g.document.body.innerText, ...values].join('\n') };
  });
}

/** The page shows every payload as text and holds nothing a payload created. */
async function expectInert(page: Page, where: string, expected: string[], seen: Sighting[]): Promise<void> {
  // Lazy parts (images, chunks, charts) get a moment to do whatever a payload would make them do.
  await page.waitForLoadState('networkidle', { timeout: WAIT }).catch(() => undefined);
  const p = await probe(page);
  expect({ where, flag: p.flag ?? null, injected: p.injected, sightings: seen }).toEqual({ where, flag: null, injected: [], sightings: [] });
  const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();
  const text = normalize(p.text);
  const missing = expected.filter((s) => !text.includes(normalize(s)));
  expect({ where, missing }).toEqual({ where, missing: [] });
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);

describe('stored XSS: customer input viewed by an agent and by the customer (browser)', () => {
  let filed: Filed[] = [];

  beforeAll(async () => {
    const info = (await http().get('/public/form').expect(200)).body as PublicFormInfo;
    // Every offered template, plus one "something else" situation (no template: the order number field only).
    const situations = [...info.situations.filter((s) => s.templateKey), info.situations.find((s) => !s.templateKey)!];
    filed = [];
    for (const [i, s] of situations.entries()) filed.push(await fileTicket(s, i + 1));
  });

  it('control: the same payloads rendered as HTML are caught by every detector', async () => {
    const context = await browser.newContext();
    const seen = await watch(context);
    const page = await context.newPage();
    try {
      // `</iframe>` after each: the iframe payload would otherwise swallow the rest as its raw text.
      await page.setContent(`<main>${SHAPES.map((s, i) => s.replaceAll('$', `control${i}`)).join('</iframe><br>')}</main>`);
      await page.locator('details').waitFor({ state: 'attached', timeout: WAIT });
      await page.waitForFunction(() => (globalThis as unknown as { __xss?: number }).__xss === 1, undefined, { timeout: WAIT });
      const p = await probe(page);
      expect(p.flag).toBe(1);
      expect(p.injected.length).toBeGreaterThanOrEqual(5);
      // Bindings answer asynchronously: wait for the calls to arrive.
      const ran = await waitFor(async () => {
        const n = seen.filter((s) => s.what.startsWith('script ran')).length;
        return n >= 3 ? n : undefined;
      }, WAIT);
      expect(ran).toBeGreaterThanOrEqual(3);
    } finally {
      await context.close();
    }
  });

  it('stores the payloads as sent (nothing stripped or encoded on the way in)', async () => {
    const [ticket] = await testQuery<{ customer_name: string; description: string }>(`SELECT customer_name, description FROM tickets WHERE id = $1`, [
      filed[0].ticketId,
    ]);
    expect(filed[0].payloads).toContain(ticket.customer_name);
    expect(ticket.description).toContain('<');
  });

  it('the agent sees every field as text in the list, search, show page, thread, mail and timeline', async () => {
    const agent = await createUser({ role: 'agent', name: `상담원 ${run}` });
    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul', viewport: { width: 1600, height: 1200 } });
    const seen = await watch(context);
    const page = await context.newPage();
    try {
      await logInThroughUi(page, server.baseUrl, agent, WAIT);

      await page.goto(`${server.baseUrl}/#/`);
      await page.locator('h1', { hasText: agent.name }).waitFor({ state: 'visible', timeout: WAIT });
      await expectInert(page, 'dashboard', [], seen);

      // The list, narrowed to this test's tickets (the shared test DB holds others): name and subject columns.
      const ids = filed.map((f) => f.ticketId);
      await page.goto(`${server.baseUrl}/#/tickets?filter=${encodeURIComponent(JSON.stringify({ id: ids }))}&perPage=25`);
      for (const f of filed) await page.locator('tbody tr', { hasText: f.created.reference }).waitFor({ state: 'visible', timeout: WAIT });
      await expectInert(page, 'ticket list', filed.map((f) => f.payloads[0]), seen);

      // Search results: the search word sits in every description, so the snippet shows the markup around it.
      await page.goto(`${server.baseUrl}/#/tickets?filter=${encodeURIComponent(JSON.stringify({ id: ids, q: searchWord }))}`);
      await byTestId(page, 'search-match').first().waitFor({ state: 'visible', timeout: WAIT });
      await expectInert(page, 'search results', [], seen);
      const snippets = await byTestId(page, 'search-match').allInnerTexts();
      expect(snippets).toHaveLength(filed.length);
      for (const snippet of snippets) expect(snippet).toMatch(/<(script|img|svg|b|a|math|details|iframe)\b/);

      for (const f of filed) {
        const where = `ticket ${f.created.reference} (${f.situation.templateKey ?? f.situation.type})`;
        await page.goto(`${server.baseUrl}/#/tickets/${f.ticketId}/show`);
        await page.locator('[data-testid="ticket-message"][data-kind="customer_message"]').first().waitFor({ state: 'visible', timeout: WAIT });
        await byTestId(page, 'attachment-thumbnail').nth(1).waitFor({ state: 'visible', timeout: WAIT });
        if (f.situation.templateKey) await byTestId(page, 'scenario-fields').waitFor({ state: 'visible', timeout: WAIT });
        // The confirmation mail (its body quotes the customer's name), opened.
        const mailToggle = byTestId(page, 'outbound-mail-toggle').first();
        await mailToggle.waitFor({ state: 'visible', timeout: WAIT });
        await mailToggle.click();
        await byTestId(page, 'outbound-mail-body').first().waitFor({ state: 'visible', timeout: WAIT });
        // Hovering and focusing what holds customer text gives mouse/focus handlers their chance.
        for (const el of await page.locator('[data-testid="ticket-message"], [data-testid="ticket-attachment"]').all()) await el.hover();
        await expectInert(page, where, f.payloads, seen);
      }
    } finally {
      await context.close();
    }
  });

  it("the customer's own status page shows the thread and file names as text", async () => {
    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    const seen = await watch(context);
    const page = await context.newPage();
    try {
      for (const f of filed) {
        const link = new URL(f.created.statusUrl);
        await page.goto(`${server.baseUrl}${link.pathname}${link.hash}`);
        await byTestId(page, 'status-page').waitFor({ state: 'visible', timeout: WAIT });
        await page.locator('[data-testid="thread-message"][data-kind="customer_message"]').last().waitFor({ state: 'visible', timeout: WAIT });
        for (const el of await page.locator('[data-testid="thread-message"]').all()) await el.hover();
        await expectInert(page, `status page ${f.created.reference}`, f.customerPayloads, seen);
      }
    } finally {
      await context.close();
    }
  });
});
