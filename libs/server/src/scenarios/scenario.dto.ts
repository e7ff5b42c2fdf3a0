import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsObject, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { RESOLUTION_CODES, type ResolutionCode } from '@shopdesk/contracts/scenarios';

export class ApplyTemplateDto {
  @ApiProperty({ example: 'missing_item' })
  @Matches(/^[a-z][a-z0-9_]{2,59}$/, { message: 'templateKey must be a template key like missing_item' })
  templateKey: string;
}

export class SetFieldsDto {
  @ApiProperty({ description: 'Field id → value (null clears); checked against the pinned template', type: Object })
  @IsObject()
  fields: Record<string, unknown>;
}

export class ChecklistStepDto {
  @ApiProperty() @IsBoolean() done: boolean;
}

export class ReplyOptionsDto {
  @ApiProperty({ enum: ['ko', 'en'] }) @IsIn(['ko', 'en']) lang: 'ko' | 'en';
  @ApiPropertyOptional({ description: 'Edited text; omitted = the rendered canned reply' })
  @IsOptional()
  @IsString()
  @Length(1, 20_000)
  body?: string;
}

export class ResolveDto {
  @ApiProperty({ enum: RESOLUTION_CODES }) @IsIn(RESOLUTION_CODES) code: ResolutionCode;
  @ApiPropertyOptional({ description: 'KRW, for partial refunds and compensation' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000_000)
  amount?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) reasonCode?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2_000) note?: string;
  @ApiPropertyOptional({ type: ReplyOptionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReplyOptionsDto)
  reply?: ReplyOptionsDto;
}

export class PreviewReplyDto {
  @ApiProperty({ enum: ['ko', 'en'] }) @IsIn(['ko', 'en']) lang: 'ko' | 'en';
  @ApiPropertyOptional({ enum: RESOLUTION_CODES }) @IsOptional() @IsIn(RESOLUTION_CODES) code?: ResolutionCode;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) amount?: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 40) reasonCode?: string;
}
