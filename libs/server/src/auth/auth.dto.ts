import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'agent@shopdesk.test' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @Length(1, 200) password: string;
}
