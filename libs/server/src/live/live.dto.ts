import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PRESENCE_STATES, type PresenceState } from '@shopdesk/contracts/live';

export class SetPresenceDto {
  @ApiProperty({ enum: PRESENCE_STATES }) @IsIn(PRESENCE_STATES) state: PresenceState;
}
