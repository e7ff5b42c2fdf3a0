import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AuthModule } from '@shopdesk/server/auth/auth.module';
import { AppConfigModule } from '@shopdesk/server/core/config/config.module';
import { DatabaseModule } from '@shopdesk/server/core/db/database.module';
import { HttpErrorFilter } from '@shopdesk/server/core/errors/http-error.filter';
import { LoggingModule } from '@shopdesk/server/core/logging/logging.module';
import { MetricsModule } from '@shopdesk/server/core/metrics/metrics.module';
import { QueueModule } from '@shopdesk/server/core/queue/queue.module';
import { RateLimitModule } from '@shopdesk/server/core/rate-limit/rate-limit.module';
import { DashboardModule } from '@shopdesk/server/dashboard/dashboard.module';
import { ExportsModule } from '@shopdesk/server/exports/exports.module';
import { CustomerPortalModule } from '@shopdesk/server/customer-portal/customer-portal.module';
import { HealthModule } from '@shopdesk/server/health/health.module';
import { LiveModule } from '@shopdesk/server/live/live.module';
import { MacrosModule } from '@shopdesk/server/macros/macros.module';
import { NotificationsModule } from '@shopdesk/server/notifications/notifications.module';
import { SavedViewsModule } from '@shopdesk/server/saved-views/saved-views.module';
import { TicketingModule } from '@shopdesk/server/ticketing.module';
import { UsersModule } from '@shopdesk/server/users/users.module';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    MetricsModule,
    DatabaseModule,
    QueueModule.forRoot('producer'),
    RateLimitModule,
    AuthModule,
    UsersModule,
    // Before TicketingModule: GET /tickets/export.csv must be routed ahead of GET /tickets/:id.
    ExportsModule,
    TicketingModule,
    DashboardModule,
    NotificationsModule,
    SavedViewsModule,
    MacrosModule,
    CustomerPortalModule,
    HealthModule,
    LiveModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: HttpErrorFilter }],
})
export class AppModule {}
