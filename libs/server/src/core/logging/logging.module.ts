import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { currentRequestId } from '../request-context/request-context';
import { censor, REDACT_PATHS } from './log-redaction';

const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/** JSON logs (pino); each line carries the request id of the request or job it belongs to. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.nodeEnv === 'test' ? (process.env.TEST_LOG_LEVEL ?? 'silent') : config.logLevel,
          redact: { paths: REDACT_PATHS, censor },
          genReqId: (req) => (req as { id?: string }).id ?? currentRequestId() ?? 'none',
          mixin: () => {
            const requestId = currentRequestId();
            return requestId ? { requestId } : {};
          },
          autoLogging: { ignore: (req) => QUIET_PATHS.has(req.url?.split('?')[0] ?? '') },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
