import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { BULK_ACTIONS, BULK_MAX_IDS, type BulkActionKind } from '@shopdesk/contracts/bulk';

export class BulkActionDto {
  @ApiProperty({ enum: BULK_ACTIONS }) @IsIn(BULK_ACTIONS) action: BulkActionKind;

  @ApiProperty({ type: Object, description: 'Per action: assigneeId | status | priority | tag | templateKey | replyId or body' })
  @IsObject()
  params: Record<string, unknown>;

  @ApiPropertyOptional({ type: [String], description: 'Explicit ticket ids (or give filter)' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_MAX_IDS)
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ type: Object, description: 'Every ticket matching this ticket-list filter' })
  @IsOptional()
  @IsObject()
  filter?: Record<string, unknown>;
}
