import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  PAYMENT_METHODS,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type PaymentMethod,
  type TicketChannel,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from '@shopdesk/contracts/tickets';

const PHONE = /^\+?[0-9][0-9 ()-]{6,19}$/;
const TAG = /^[A-Za-z0-9_\-가-힣]{1,40}$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** Channels an agent can log a ticket from; `form` and `courier` tickets come from their own endpoints. */
export const AGENT_CHANNELS = ['agent', 'email', 'phone'] as const;

export class CustomerDto {
  @ApiProperty() @IsString() @Length(1, 100) name: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @MaxLength(254) email?: string;
  @ApiPropertyOptional({ example: '010-1234-5678' })
  @IsOptional()
  @Matches(PHONE, { message: '$property must be a phone number like 010-1234-5678' })
  phone?: string;
  @ApiPropertyOptional({ enum: ['ko', 'en'] }) @IsOptional() @IsIn(['ko', 'en']) locale?: 'ko' | 'en';
}

export class OrderItemDto {
  @ApiProperty() @IsString() @Length(1, 64) sku: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) name?: string;
  @ApiProperty() @IsInt() @Min(1) @Max(10_000) qty: number;
  @ApiProperty({ description: 'Unit price in whole KRW' }) @IsInt() @Min(0) @Max(1_000_000_000) price: number;
}

export class OrderDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) number?: string;
  @ApiPropertyOptional({ type: [OrderItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => OrderItemDto)
  items?: OrderItemDto[];
  @ApiPropertyOptional({ description: 'Total in whole KRW' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000_000)
  amount?: number;
  @ApiPropertyOptional({ enum: PAYMENT_METHODS }) @IsOptional() @IsIn(PAYMENT_METHODS) paymentMethod?: PaymentMethod;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) paidAt?: string;
}

export class ShipmentDto {
  @ApiPropertyOptional({ example: '04' }) @IsOptional() @IsString() @Length(1, 32) courierCode?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{4,40}$/, { message: '$property must be 4–40 letters, digits or dashes' })
  waybillNumber?: string;
  @ApiPropertyOptional({ example: '2026-11-24' })
  @IsOptional()
  @Matches(DATE_ONLY, { message: '$property must be a date like 2026-11-24' })
  @IsISO8601({ strict: true })
  expectedDeliveryDate?: string;
}

export class CreateTicketDto {
  @ApiProperty({ enum: TICKET_TYPES }) @IsIn(TICKET_TYPES) type: TicketType;
  @ApiProperty() @IsString() @Length(1, 200) subject: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ enum: TICKET_PRIORITIES }) @IsOptional() @IsIn(TICKET_PRIORITIES) priority?: TicketPriority;
  @ApiPropertyOptional({ enum: AGENT_CHANNELS }) @IsOptional() @IsIn(AGENT_CHANNELS) channel?: TicketChannel;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG, { each: true, message: 'each tag must be 1–40 letters, digits, _ or -' })
  tags?: string[];
  @ApiProperty({ type: CustomerDto }) @ValidateNested() @Type(() => CustomerDto) customer: CustomerDto;
  @ApiPropertyOptional({ type: OrderDto }) @IsOptional() @ValidateNested() @Type(() => OrderDto) order?: OrderDto;
  @ApiPropertyOptional({ type: ShipmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShipmentDto)
  shipment?: ShipmentDto;
}

/** PUT /tickets/:id — facts only; status, priority, assignee and tags have their own actions. */
export class UpdateTicketDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 200) subject?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10_000) description?: string;
  @ApiPropertyOptional({ type: CustomerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerDto)
  customer?: CustomerDto;
  @ApiPropertyOptional({ type: OrderDto }) @IsOptional() @ValidateNested() @Type(() => OrderDto) order?: OrderDto;
  @ApiPropertyOptional({ type: ShipmentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => ShipmentDto)
  shipment?: ShipmentDto;
}

export class AddMessageDto {
  @ApiProperty({ enum: ['public_reply', 'internal_note'] })
  @IsIn(['public_reply', 'internal_note'])
  kind: 'public_reply' | 'internal_note';
  @ApiProperty() @IsString() @Length(1, 20_000) body: string;
}

export class AssignDto {
  @ApiProperty({ nullable: true, description: 'User id, or null to unassign' })
  @ValidateIf((o: AssignDto) => o.assigneeId !== null)
  @IsUUID('all')
  assigneeId: string | null;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: TICKET_STATUSES }) @IsIn(TICKET_STATUSES) status: TicketStatus;
}

export class ChangePriorityDto {
  @ApiProperty({ enum: TICKET_PRIORITIES }) @IsIn(TICKET_PRIORITIES) priority: TicketPriority;
}

export class SetTagsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(TAG, { each: true, message: 'each tag must be 1–40 letters, digits, _ or -' })
  tags: string[];
}
