import 'reflect-metadata';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig, ConfigError, loadConfig } from '@shopdesk/server/core/config/app-config';
import { AppModule } from './app.module';
import { configureApp } from './configure-app';

/** How long in-flight requests get after SIGTERM before their connections are cut. */
const SHUTDOWN_GRACE_MS = 10_000;

async function bootstrap(): Promise<void> {
  loadConfig(); // fail before Nest starts, with the variable named
  // rawBody: webhook signatures are verified on the bytes as sent.
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, rawBody: true });
  configureApp(app);
  const config = app.get<AppConfig>(APP_CONFIG);
  await app.listen(config.port);
  // On SIGTERM/SIGINT stop accepting connections, let in-flight requests finish, close pools, exit 0.
  // Keep-alive clients would otherwise go on sending on their open sockets and the server would
  // never finish closing: once closing, every answer says `Connection: close`, idle sockets are
  // closed at once, and whatever still hangs (e.g. a live stream) is cut after the grace period.
  const server = app.getHttpServer() as Server;
  // Idle keep-alive sockets outlive any client's own idle timeout (undici 4 s, browsers, proxies 60 s),
  // so the client always closes first and never reuses a socket the server is closing at that moment.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  let closing = false;
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (closing) res.setHeader('Connection', 'close');
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      closing = true;
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
}

bootstrap().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
