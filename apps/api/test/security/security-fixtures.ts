import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { PublicTicketCreated } from '@shopdesk/contracts/public';
import { SYSTEM_ACTOR } from '@shopdesk/server/auth/actor';
import { TicketsService } from '@shopdesk/server/tickets/tickets.service';
import { factoryContext, testQuery } from '@shopdesk/testing/factories';
import { micropaymentSubmission, PNG_1PX } from '@shopdesk/testing/public-form';
import type { TestServer } from '@shopdesk/testing/test-server';

// Shared by the authorization matrix and the fuzzer: customer tickets filed through the real form
// (each with one evidence image) and staff sessions as raw cookies, so any HTTP client can use them.

/** Every ticket the security suites create carries this tag (shared test DB). */
export const SECURITY_TAG = 'security-suite';

export interface CustomerTicket {
  id: string;
  reference: string;
  token: string;
  attachmentId: string;
}

/** Files a ticket through POST /public/tickets (multipart, one PNG) and tags it. */
export async function fileCustomerTicket(server: TestServer): Promise<CustomerTicket> {
  const res = await request(server.app.getHttpServer())
    .post('/public/tickets')
    .set('Idempotency-Key', randomUUID())
    .field('payload', JSON.stringify(micropaymentSubmission()))
    .attach('files', PNG_1PX, 'evidence.png');
  if (res.status !== 201) throw new Error(`public intake failed: ${res.status} ${JSON.stringify(res.body)}`);
  const created = res.body as PublicTicketCreated & { attachments: { id: string }[] };
  const [ticket] = await testQuery<{ id: string }>(`SELECT id FROM tickets WHERE reference = $1`, [created.reference]);
  await (await factoryContext()).get(TicketsService).setTags(ticket.id, [SECURITY_TAG], SYSTEM_ACTOR);
  return { id: ticket.id, reference: created.reference, token: created.token, attachmentId: created.attachments[0].id };
}

/** Logs in and answers the `sd_session=…` cookie pair. */
export async function sessionCookie(server: TestServer, user: { email: string; password: string }): Promise<string> {
  const res = await request(server.app.getHttpServer()).post('/auth/login').send({ email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`login failed for ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('sd_session='));
  if (!cookie) throw new Error(`no session cookie for ${user.email}`);
  return cookie.split(';')[0];
}
