import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { DirectoryModule } from '../directory/directory.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottleService } from './login-throttle.service';
import { SecondFactorAdminController } from './second-factor/second-factor-admin.controller';
import { SecondFactorAdminService } from './second-factor/second-factor-admin.service';
import { SecondFactorController } from './second-factor/second-factor.controller';
import { SecondFactorService } from './second-factor/second-factor.service';
import { TokenService } from './token.service';

@Module({
  // Keys, lifetimes and algorithms are passed on every call by TokenService (from the config).
  // The directory decides which accounts an administrator may reset the second factor of.
  imports: [JwtModule.register({}), DirectoryModule],
  controllers: [AuthController, SecondFactorController, SecondFactorAdminController],
  providers: [
    AuthService,
    TokenService,
    LoginThrottleService,
    SecondFactorService,
    SecondFactorAdminService,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
})
export class AuthModule {}
