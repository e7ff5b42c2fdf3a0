import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { SAVED_VIEW_NAME_MAX } from '@shopdesk/contracts/saved-views';

// Shapes only; the filter and sort fields themselves are checked against the ticket list's
// allowlist by SavedViewsService.

export class SavedViewSortDto {
  @ApiProperty() @IsString() @MaxLength(40) field: string;
  @ApiProperty({ enum: ['ASC', 'DESC'] }) @IsIn(['ASC', 'DESC']) order: 'ASC' | 'DESC';
}

export class CreateSavedViewDto {
  @ApiProperty() @IsString() @Length(1, SAVED_VIEW_NAME_MAX) name: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) @IsObject() filter: Record<string, unknown>;
  @ApiPropertyOptional({ type: SavedViewSortDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SavedViewSortDto)
  sort?: SavedViewSortDto | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() shared?: boolean;
}

export class UpdateSavedViewDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, SAVED_VIEW_NAME_MAX) name?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) @IsOptional() @IsObject() filter?: Record<string, unknown>;
  @ApiPropertyOptional({ type: SavedViewSortDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SavedViewSortDto)
  sort?: SavedViewSortDto | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() shared?: boolean;
}
