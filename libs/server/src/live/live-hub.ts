import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Response } from 'express';
import IORedis, { type Redis } from 'ioredis';
import type { LiveEvent } from '@shopdesk/contracts/live';
import type { AuthUser } from '../auth/actor';
import { AuthService } from '../auth/auth.service';
import { APP_CONFIG, type AppConfig } from '../core/config/app-config';
import { redisOptionsFromUrl } from '../core/queue/redis-options';
import { liveChannel } from './live-channel';

/** Comment lines keep proxies and load balancers from closing an idle stream. */
export const HEARTBEAT_MS = 25_000;
/** A client that stops reading is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

interface LiveClient {
  res: Response;
  user: AuthUser;
  /** The session cookie, re-checked on every heartbeat: logging out or deactivation ends the stream. */
  sessionToken: string;
}

/**
 * The API process's end of the live stream: ONE Redis subscriber connection per process (not per
 * browser), fanned out in memory to the SSE responses connected here. Every instance hears every
 * change, whichever instance (or the worker) made it.
 */
@Injectable()
export class LiveHub implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveHub.name);
  private readonly clients = new Set<LiveClient>();
  private subscriber?: Redis;
  private heartbeat?: NodeJS.Timeout;
  /** Resolves once the subscription is active (tests wait on it before publishing). */
  ready: Promise<void> = Promise.resolve();

  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    // Retries forever and re-subscribes after a reconnect (ioredis does that for subscribers).
    this.subscriber = new IORedis({ ...redisOptionsFromUrl(this.config.redisUrl), maxRetriesPerRequest: null });
    this.subscriber.on('error', (err) => this.logger.warn({ err }, 'Live stream subscriber: Redis error'));
    this.subscriber.on('message', (_channel: string, message: string) => this.broadcast(message));
    this.ready = this.subscriber.subscribe(liveChannel(this.config.queuePrefix)).then(
      () => undefined,
      (err: unknown) => this.logger.warn({ err }, 'Live stream subscribe failed'),
    );
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Turns the response into an event stream until the browser leaves or the app shuts down. */
  attach(res: Response, user: AuthUser, sessionToken: string): void {
    res.status(200);
    res.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache, no-transform');
    res.setHeader('Connection', 'keep-alive');
    res.setHeader('X-Accel-Buffering', 'no'); // nginx: do not buffer the stream
    res.flushHeaders();
    res.socket?.setNoDelay(true);
    // EventSource reconnects after `retry` ms when the connection drops.
    res.write('retry: 5000\n: connected\n\n');
    const client: LiveClient = { res, user, sessionToken };
    this.clients.add(client);
    res.on('close', () => this.clients.delete(client));
  }

  get connectedClients(): number {
    return this.clients.size;
  }

  private broadcast(message: string): void {
    let event: LiveEvent;
    try {
      event = JSON.parse(message) as LiveEvent;
    } catch {
      this.logger.warn('Live stream: ignored a message that is not JSON');
      return;
    }
    const frame = `event: ${event.type}\ndata: ${message}\n\n`;
    for (const client of this.clients) this.send(client, frame);
  }

  private send(client: LiveClient, frame: string): void {
    if (client.res.writableLength > MAX_BUFFERED_BYTES) {
      this.drop(client);
      return;
    }
    client.res.write(frame);
  }

  private drop(client: LiveClient): void {
    this.clients.delete(client);
    client.res.end();
  }

  private async beat(): Promise<void> {
    for (const client of [...this.clients]) {
      const user = await this.auth.authenticate(client.sessionToken).catch(() => client.user);
      if (!user) this.drop(client);
      else this.send(client, ': heartbeat\n\n');
    }
  }

  /** Ends every stream first, so the HTTP server can close instead of waiting on open responses. */
  async onModuleDestroy(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of [...this.clients]) this.drop(client);
    await this.subscriber?.quit().catch(() => this.subscriber?.disconnect());
  }
}
