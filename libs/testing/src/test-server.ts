import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '@shopdesk/api/app.module';
import { configureApp } from '@shopdesk/api/configure-app';
import type { TestUser } from './factories';

export interface TestServer {
  app: INestApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/** The real API module graph on a random port, against the test database and Redis prefix. */
export async function startTestServer(): Promise<TestServer> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true, rawBody: true });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => app.close(),
  };
}

/** Runs `body` against an API started with extra environment, restoring the environment afterwards. */
export async function withTestServer(env: Record<string, string>, body: (server: TestServer) => Promise<void>): Promise<void> {
  const previous = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  let server: TestServer | undefined;
  try {
    server = await startTestServer();
    await body(server);
  } finally {
    await server?.close();
    for (const [k, v] of Object.entries(previous)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** A supertest agent that keeps the session cookie of `user`. */
export async function loginAs(app: INestApplication, user: Pick<TestUser, 'email' | 'password'>) {
  const agent = request.agent(app.getHttpServer());
  const res = await agent.post('/auth/login').send({ email: user.email, password: user.password });
  if (res.status !== 200) throw new Error(`login failed for ${user.email}: ${res.status} ${JSON.stringify(res.body)}`);
  return agent;
}
