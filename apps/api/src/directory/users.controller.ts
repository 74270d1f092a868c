import { Body, Controller, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import {
  CreateUserDto,
  ResetPasswordDto,
  UpdateUserDto,
  UserDto,
  UserQueryDto,
} from './dto/user.dto';
import { UsersService } from './users.service';
import { ApiProblems, AuthenticatedApi } from '../common/openapi/api-problems.decorator';
import { CreateRoute, ReadRoute, UuidParam } from '../common/route.decorators';

// Above the controller default: its case replaces the general 403.
@ApiProblems([
  403,
  'FORBIDDEN: administrators only; OUTSIDE_SUBTREE: an organisation administrator keeps only the accounts of units beneath their organisation',
])
@AuthenticatedApi('directory (administrators)')
@Roles('ADMIN', 'ORG_ADMIN')
@Controller('admin/users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ReadRoute({ summary: 'Người dùng / Accounts (search, by unit, by role)', ok: [UserDto] })
  list(@CurrentUser() user: AuthenticatedUser, @Query() q: UserQueryDto): Promise<UserDto[]> {
    return this.users.list(user, q);
  }

  @CreateRoute({
    summary: 'Thêm người dùng / Create an account with an initial password',
    created: UserDto,
    problems: [[409, 'USERNAME_TAKEN'], 422],
  })
  create(@CurrentUser() user: AuthenticatedUser, @Body() body: CreateUserDto): Promise<UserDto> {
    return this.users.create(user, body);
  }

  @Patch(':id')
  @ApiProblems(409, 422)
  @ApiOperation({
    summary:
      'Sửa người dùng / Edit an account (name, e-mail, unit, roles, active); deactivating ends its sessions. Never your own ADMIN role or account (SELF_LOCKOUT).',
  })
  @ApiOkResponse({ type: UserDto })
  update(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserDto> {
    return this.users.update(user, id, body);
  }

  @Post(':id/password')
  @ApiProblems(409, 422)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Đặt lại mật khẩu / Set a new password; every session of the user ends',
  })
  @ApiNoContentResponse()
  resetPassword(
    @CurrentUser() user: AuthenticatedUser,
    @UuidParam('id') id: string,
    @Body() body: ResetPasswordDto,
  ): Promise<void> {
    return this.users.resetPassword(user, id, body.password);
  }
}
