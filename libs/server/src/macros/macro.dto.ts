import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { MACRO_BODY_MAX, MACRO_TITLE_MAX, type MacroInput } from '@shopdesk/contracts/macros';

export class MacroBodyDto {
  @ApiProperty({ example: '안녕하세요, {{customer.name}} 고객님.' }) @IsString() @Length(1, MACRO_BODY_MAX) ko: string;
  @ApiProperty({ example: 'Hello {{customer.name}},' }) @IsString() @Length(1, MACRO_BODY_MAX) en: string;
}

export class MacroDto implements MacroInput {
  @ApiProperty({ example: '배송 조회 안내' }) @IsString() @Length(1, MACRO_TITLE_MAX) title: string;

  @ApiPropertyOptional({ description: 'Visible to the whole team (leads and admins only)' })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;

  @ApiProperty({ type: MacroBodyDto })
  @IsObject() // ValidateNested alone lets a missing body through (it became a 500 in the service)
  @ValidateNested()
  @Type(() => MacroBodyDto)
  body: MacroBodyDto;
}

export class MacroPreviewDto {
  @ApiProperty({ enum: ['ko', 'en'] }) @IsIn(['ko', 'en']) lang: 'ko' | 'en';
}
