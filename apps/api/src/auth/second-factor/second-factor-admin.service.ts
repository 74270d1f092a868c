import { Injectable } from '@nestjs/common';
import { DomainErrorCode, DomainException } from '@epw/domain';
import { UsersService } from '../../directory/users.service';
import type { AuthenticatedUser } from '../authenticated-user';
import { SecondFactorService } from './second-factor.service';

/** An administrator resets the second factor of an account they administer (the directory's
 * rules: the global administrator any account, an organisation administrator those beneath it). */
@Injectable()
export class SecondFactorAdminService {
  constructor(
    private readonly users: UsersService,
    private readonly secondFactor: SecondFactorService,
  ) {}

  async reset(admin: AuthenticatedUser, id: string): Promise<void> {
    const user = await this.users.assertAdministersAccount(admin, id);
    // Another administrator does it: a stolen administrator session cannot shed its own factor.
    if (user.id === admin.userId)
      throw new DomainException(DomainErrorCode.Forbidden, {
        reason: 'không tự đặt lại xác thực hai lớp của mình: nhờ một quản trị viên khác',
      });
    await this.secondFactor.reset(admin.userId, { id: user.id, username: user.username });
  }
}
