// Every fault scenario, in the order `all` runs them (the brief's priority order).
import { courierStorm } from './courier-storm.scenario';
import { multiInstance } from './multi-instance.scenario';
import { pgRestart } from './pg-restart.scenario';
import { redisFlush } from './redis-flush.scenario';
import type { Scenario } from './scenario';
import { sigterm } from './sigterm.scenario';
import { workerKill } from './worker-kill.scenario';

export const SCENARIOS: Scenario<any>[] = [workerKill, courierStorm, sigterm, pgRestart, redisFlush, multiInstance];
