import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { LiveEventsModule } from './live-events.module';
import { LiveHub } from './live-hub';
import { LiveController } from './live.controller';
import { PresenceService } from './presence.service';

/** The API's half of the live queue: the SSE stream (one Redis subscriber per process) and presence. */
@Module({
  imports: [AuthModule, LiveEventsModule],
  controllers: [LiveController],
  providers: [LiveHub, PresenceService],
})
export class LiveModule {}
