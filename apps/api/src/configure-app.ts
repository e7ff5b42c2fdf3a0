import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@shopdesk/server/core/config/app-config';
import { createValidationPipe } from '@shopdesk/server/core/errors/validation.pipe';
import { mountQueueDashboard } from '@shopdesk/server/core/queue/queue-dashboard';

/** Everything the HTTP process needs besides the module graph; shared by main.ts and the tests. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
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
