import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class MergeTicketDto {
  @ApiProperty({ description: 'The surviving ticket' }) @IsUUID() intoId: string;
  @ApiPropertyOptional({ description: 'Leads only: merge although customer e-mail and order number both differ' })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class MergeCandidatesQueryDto {
  @ApiPropertyOptional({ description: 'Reference, e-mail, order number or subject' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
