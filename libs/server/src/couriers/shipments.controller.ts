import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ShipmentsService, type ShipmentRecord } from './shipments.service';

@ApiTags('shipments')
@Controller()
export class ShipmentsController {
  constructor(private readonly shipments: ShipmentsService) {}

  /** Tracking timeline of the ticket's waybill (every scan, newest first, out-of-order ones flagged). */
  @Get('tickets/:id/shipments')
  forTicket(@Param('id', ParseUUIDPipe) id: string): Promise<ShipmentRecord[]> {
    return this.shipments.forTicket(id);
  }
}
