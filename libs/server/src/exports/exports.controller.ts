import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ExportRecord } from '@shopdesk/contracts/exports';
import type { AuthUser } from '../auth/actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { RawListQuery } from '../core/http/list-query';
import { exportFileName } from './ticket-csv';
import { TicketExportService } from './ticket-export.service';

const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

/**
 * GET /tickets/export.csv takes the list's `filter` (and `sort`): up to DIRECT_EXPORT_MAX_ROWS rows
 * stream back at once; more answer 202 with an export to poll at /exports/:id.
 * (This controller must be registered before TicketsController, whose GET /tickets/:id would
 * otherwise take "export.csv" for an id: ExportsModule comes first in AppModule.)
 */
@ApiTags('exports')
@Controller()
@Roles('agent')
export class ExportsController {
  constructor(private readonly exports: TicketExportService) {}

  @Get('tickets/export.csv')
  async exportTickets(@Query() raw: RawListQuery, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const fileName = exportFileName(new Date());
    if (!(await this.exports.isSmall(raw, user))) {
      const record = await this.exports.start(raw, user, fileName);
      res.status(202).location(`/exports/${record.id}`).json(record);
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', attachment(fileName));
    res.setHeader('Cache-Control', 'no-store');
    try {
      await this.exports.writeCsv(raw, user.id, res);
      res.end();
    } catch (e) {
      // Headers are gone already: cut the download short so it cannot pass for a complete file.
      res.destroy(e as Error);
    }
  }

  @Get('exports/:id')
  status(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<ExportRecord> {
    return this.exports.status(id, user);
  }

  @Get('exports/:id/download')
  async download(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    const { stream, fileName, size } = await this.exports.openDownload(id, user);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', attachment(fileName));
    res.setHeader('Content-Length', String(size));
    res.setHeader('Cache-Control', 'no-store');
    stream.on('error', (e) => res.destroy(e));
    stream.pipe(res);
  }
}
