import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { UserRecord } from '@shopdesk/contracts/users';
import type { AuthUser } from '../auth/actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { contentRange, parseListQuery, type RawListQuery } from '../core/http/list-query';
import { CreateUserDto, UpdateUserDto } from './user.dto';
import { USER_LIST_SPEC, UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Agents need the list to pick assignees; only admins change users. */
  @Get()
  async list(@Query() raw: RawListQuery, @Res({ passthrough: true }) res: Response): Promise<UserRecord[]> {
    const query = parseListQuery(raw, USER_LIST_SPEC);
    const { rows, total } = await this.users.list(query);
    res.setHeader('Content-Range', contentRange('users', query.offset, rows.length, total));
    return rows;
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<UserRecord> {
    return this.users.get(id);
  }

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateUserDto): Promise<UserRecord> {
    return this.users.create(dto);
  }

  @Roles('admin')
  @Put(':id')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateUserDto,
    @CurrentUser() me: AuthUser,
  ): Promise<UserRecord> {
    return this.users.update(id, dto, me.id);
  }
}
