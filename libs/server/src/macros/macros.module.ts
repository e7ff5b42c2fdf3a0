import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { MacrosController } from './macros.controller';
import { MacrosService } from './macros.service';

@Module({
  imports: [TicketsModule],
  controllers: [MacrosController],
  providers: [MacrosService],
})
export class MacrosModule {}
