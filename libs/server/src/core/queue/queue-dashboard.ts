import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { INestApplication } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { roleAtLeast } from '@shopdesk/contracts/users';
import { AuthService } from '../../auth/auth.service';
import { SESSION_COOKIE } from '../../auth/session-cookie';
import { QueueName } from './queue-names';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Bull Board for admins at /admin/queues (same session cookie as the admin UI). */
export function mountQueueDashboard(app: INestApplication): void {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: adapter,
  });
  const auth = app.get(AuthService);
  const adminOnly = (req: Request, res: Response, next: NextFunction) => {
    auth.authenticate(req.cookies?.[SESSION_COOKIE]).then(
      (user) => {
        if (!user) return res.status(401).json({ code: 'UNAUTHENTICATED', message: '로그인이 필요합니다. / Please sign in.' });
        if (!roleAtLeast(user.role, 'admin')) {
          return res.status(403).json({ code: 'FORBIDDEN', message: '관리자만 볼 수 있습니다. / Admins only.' });
        }
        next();
      },
      next,
    );
  };
  app.use(QUEUE_DASHBOARD_PATH, adminOnly, adapter.getRouter());
}
