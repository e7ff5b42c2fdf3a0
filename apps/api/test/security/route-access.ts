import type { INestApplication } from '@nestjs/common';
import type { UserRole } from '@shopdesk/contracts/users';

// Who may call which route: the expectation table the authorization matrix and the fuzzer share.
// Routes are discovered from the running Express router, so a route added without a row here fails
// the matrix by name (and a row whose route is gone fails too).

export type Access =
  /** Anyone, signed in or not. */
  | { kind: 'public' }
  /** A signed-in, active staff session with at least this role. */
  | { kind: 'role'; min: UserRole }
  /** The ticket's own customer: its reference in the path plus its secret token (X-Ticket-Token). */
  | { kind: 'customer' }
  /** A third party proving itself by signature or a token in the path; no session or customer token helps. */
  | { kind: 'webhook' }
  /** Prometheus: METRICS_TOKEN, or loopback callers when none is configured (the tests' case). */
  | { kind: 'metrics' };

export type RouteKey = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

const pub: Access = { kind: 'public' };
const agent: Access = { kind: 'role', min: 'agent' };
const lead: Access = { kind: 'role', min: 'lead' };
const admin: Access = { kind: 'role', min: 'admin' };
const customer: Access = { kind: 'customer' };
const webhook: Access = { kind: 'webhook' };

export const ROUTE_ACCESS: Record<RouteKey, Access> = {
  // OpenAPI docs (SwaggerModule) and operations
  'GET /api/docs': pub,
  'GET /api/docs/': pub,
  'GET /api/docs/index.html': pub,
  'GET /api/docs/LICENSE': pub,
  'GET /api/docs/swagger-ui-init.js': pub,
  'GET /api/docs/docs/swagger-ui-init.js': pub,
  'GET /api/docs-json': pub,
  'GET /api/docs-yaml': pub,
  'GET /health': pub,
  'GET /health/live': pub,
  'GET /health/ready': pub,
  'GET /metrics': { kind: 'metrics' },

  // Sessions and users: everyone signed in reads the user list (assignee picker); only admins change users.
  'POST /auth/login': pub,
  'GET /auth/me': agent,
  'POST /auth/logout': agent,
  'GET /users': agent,
  'GET /users/:id': agent,
  'POST /users': admin,
  'PUT /users/:id': admin,

  // Tickets and everything hanging off a ticket
  'GET /tickets': agent,
  'POST /tickets': agent,
  'GET /tickets/:id': agent,
  'PUT /tickets/:id': agent,
  'GET /tickets/:id/messages': agent,
  'POST /tickets/:id/messages': agent,
  'GET /tickets/:id/events': agent,
  'POST /tickets/:id/assign': agent,
  'POST /tickets/:id/status': agent,
  'POST /tickets/:id/priority': agent,
  'POST /tickets/:id/tags': agent,
  'GET /tickets/:id/attachments': agent,
  'GET /tickets/:id/attachments/:attachmentId': agent,
  'GET /tickets/:id/outbound-messages': agent,
  'GET /tickets/:id/shipments': agent,
  'GET /tickets/:id/sla': agent,
  'GET /tickets/:id/reshipments': agent,
  'POST /tickets/:id/reshipments': agent,
  'POST /reshipments/:id/retry': agent,
  'POST /reshipments/:id/cancel': agent,
  'POST /tickets/:id/merge': agent,
  'GET /tickets/:id/merge-candidates': agent,
  'GET /tickets/:id/scenario': agent,
  'POST /tickets/:id/scenario': agent,
  'GET /tickets/:id/scenario/suggestions': agent,
  'PUT /tickets/:id/scenario/fields': agent,
  'POST /tickets/:id/scenario/checklist/:stepId': agent,
  'POST /tickets/:id/scenario/replies/:replyId/preview': agent,
  'POST /tickets/:id/scenario/resolve': agent,
  'POST /tickets/:id/macros/:macroId/preview': agent,
  // Exports: any agent, but only the requester reads an export (checked separately below).
  'GET /tickets/export.csv': agent,
  'GET /exports/:id': agent,
  'GET /exports/:id/download': agent,
  'POST /bulk-actions': agent,
  'GET /bulk-actions/:jobId': agent,

  // Configuration: agents read, admins change.
  'GET /scenario-templates': agent,
  'GET /scenario-templates/:key': agent,
  'GET /scenario-templates/:key/versions': agent,
  'POST /scenario-templates/validate': admin,
  'POST /scenario-templates': admin,
  'PUT /scenario-templates/:key': admin,
  'GET /sla/summary': agent,
  'GET /sla-policies': agent,
  'GET /sla-policies/:id': agent,
  'POST /sla-policies': admin,
  'PUT /sla-policies/:id': admin,
  'GET /business-calendars': agent,
  'GET /business-calendars/:id': agent,
  'PUT /business-calendars/:id': admin,

  // Per-agent things (ownership is checked in the services)
  'GET /dashboard/stats': agent,
  'GET /notifications': agent,
  'POST /notifications/:id/read': agent,
  'GET /saved-views': agent,
  'POST /saved-views': agent,
  'GET /saved-views/:id': agent,
  'PUT /saved-views/:id': agent,
  'DELETE /saved-views/:id': agent,
  'GET /macros': agent,
  'POST /macros': agent,
  'GET /macros/:id': agent,
  'PUT /macros/:id': agent,
  'DELETE /macros/:id': agent,
  'GET /live/events': agent,
  'GET /live/presence/:ticketId': agent,
  'POST /live/presence/:ticketId': agent,
  'DELETE /live/presence/:ticketId': agent,

  // Webhooks
  'POST /webhooks/couriers/aftership': webhook,
  'POST /webhooks/couriers/generic': webhook,
  'POST /webhooks/couriers/sweettracker/:token': webhook,
  'POST /webhooks/warehouse': webhook,

  // The customer side
  'GET /public/form': pub,
  'POST /public/tickets': pub,
  'POST /public/links': pub,
  'GET /public/tickets/:reference': customer,
  'POST /public/tickets/:reference/messages': customer,
  'POST /public/tickets/:reference/confirm': customer,
  'POST /public/tickets/:reference/reopen': customer,
  'GET /public/tickets/:reference/attachments/:attachmentId': customer,
};

/** Express sub-apps mounted with app.use (not in the route table): Bull Board is admin-only. */
export const MOUNTED_ACCESS: Record<string, Access> = { 'GET /admin/queues': admin };

export interface ServedRoute {
  key: RouteKey;
  method: string;
  path: string;
}

const ALL_METHODS_THRESHOLD = 10;

/**
 * Every method + path the Express router of the running app serves. Layers that match every method
 * on `{/*splat}` are Nest middleware bound with forRoutes('*') (request id, pino), not routes.
 */
export function servedRoutes(app: INestApplication): ServedRoute[] {
  const instance = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (instance.router ?? instance._router)?.stack ?? [];
  const out: ServedRoute[] = [];
  for (const layer of stack) {
    const route = layer.route;
    if (!route) continue;
    const methods = Object.keys(route.methods).filter((m) => route.methods[m] && m !== '_all');
    if (methods.length > ALL_METHODS_THRESHOLD && /\*/.test(route.path)) continue;
    for (const m of methods) {
      const method = m.toUpperCase();
      out.push({ key: `${method} ${route.path}` as RouteKey, method, path: route.path });
    }
  }
  return out;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}
