import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { ScenarioTemplatesController } from './scenario-templates.controller';
import { ScenarioTemplatesService } from './scenario-templates.service';
import { TicketScenarioController } from './ticket-scenario.controller';
import { TicketScenarioService } from './ticket-scenario.service';

@Module({
  imports: [TicketsModule],
  controllers: [ScenarioTemplatesController, TicketScenarioController],
  providers: [ScenarioTemplatesService, TicketScenarioService],
  exports: [ScenarioTemplatesService, TicketScenarioService],
})
export class ScenariosModule {}
