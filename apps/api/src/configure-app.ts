import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { join, resolve } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@shopdesk/server/core/config/app-config';
import { createValidationPipe } from '@shopdesk/server/core/errors/validation.pipe';
import { MetricsService } from '@shopdesk/server/core/metrics/metrics.service';
import { mountQueueDashboard } from '@shopdesk/server/core/queue/queue-dashboard';
import { requestIdMiddleware } from '@shopdesk/server/core/request-context/request-context';

/** Everything the HTTP process needs besides the module graph; shared by main.ts and the tests. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  answerMalformedRequestsWithJson(app.getHttpServer() as Server);
  app.use(requestIdMiddleware);
  app.use(app.get(MetricsService).httpMiddleware());
  // helmet's defaults (nosniff, frame denial, HSTS, no referrer leaks, ...) with a CSP the admin,
  // Swagger and Bull Board live within: scripts only from this origin, inline styles for MUI.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          // Behind TLS the proxy redirects; upgrading here would break plain-http localhost runs.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  app.useBodyParser('json', { limit: '1mb' });
  app.use(cookieParser());
  app.useGlobalPipes(createValidationPipe());
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['Content-Range', 'X-Total-Capped'],
  });

  const openApi = new DocumentBuilder()
    .setTitle('ShopDesk API')
    .setDescription('배송·환불·취소 상담 백오피스 API / Support back office API')
    .setVersion('0.1.0')
    .addCookieAuth('sd_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));

  mountQueueDashboard(app);

  // The customer app under /support: assets, and index.html for its own paths (/support/t/SD-…).
  const supportDist = config.supportDistDir ?? resolve(__dirname, '../../support/dist');
  if (existsSync(supportDist)) {
    const index = join(supportDist, 'index.html');
    const csp =
      "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    app.use(
      '/support',
      express.static(supportDist, {
        index: false,
        setHeaders: (res, path) => {
          res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
        },
      }),
    );
    app.use('/support', (req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.setHeader('Content-Security-Policy', csp);
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.sendFile(index);
    });
  } else {
    app.get(Logger).warn(`Support app not built (${supportDist} missing): run npm run build`);
  }

  // The built admin is served from the same origin (hash routing, so no SPA fallback is needed).
  const adminDist = config.adminDistDir ?? resolve(__dirname, '../../admin/dist');
  if (existsSync(adminDist)) {
    app.useStaticAssets(adminDist, {
      index: 'index.html',
      setHeaders: (res, path) => {
        res.setHeader('Cache-Control', path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable');
      },
    });
  } else {
    app.get(Logger).warn(`Admin UI not built (${adminDist} missing): run npm run build:admin`);
  }
}

const CLIENT_ERRORS: Record<string, { status: string; body: { code: string; message: string } }> = {
  HPE_HEADER_OVERFLOW: {
    status: '431 Request Header Fields Too Large',
    body: { code: 'PAYLOAD_TOO_LARGE', message: '요청 주소나 헤더가 너무 깁니다 (최대 16 KB). / The request URL or headers are too long (16 KB at most).' },
  },
};

/**
 * Requests Node refuses before Express sees them (headers or URL over 16 KB, broken HTTP) get the
 * same JSON error shape as everything else instead of Node's bare status line.
 */
function answerMalformedRequestsWithJson(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (err as { code?: string }).code === 'ECONNRESET') return socket.destroy();
    const known = CLIENT_ERRORS[err.code ?? ''] ?? {
      status: '400 Bad Request',
      body: { code: 'MALFORMED_REQUEST', message: '요청 형식이 올바르지 않습니다. / The request is malformed.' },
    };
    const body = JSON.stringify(known.body);
    socket.end(
      `HTTP/1.1 ${known.status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
