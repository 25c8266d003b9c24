import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { RolesGuard } from '../common/auth/guards';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService, JWT_ALGORITHM } from './auth.service';
import { LOGIN_LIMITS_CLOCK, LoginFailuresSweep, LoginLimits } from './login-limits';
import { BearerAuthenticator, BearerAuthGuard } from './bearer-auth';
import { LocalStrategy } from './strategies';

@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        // Checked on each request by BearerAuthenticator (src/auth/domain/access-token.ts), which takes HS256 only.
        signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.jwtExpiresInSeconds },
      }),
    }),
  ],
  controllers: [AuthController],
  exports: [LoginLimits],
  providers: [
    AuthService,
    LocalStrategy,
    LoginLimits,
    LoginFailuresSweep,
    { provide: LOGIN_LIMITS_CLOCK, useValue: Date.now },
    BearerAuthenticator,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
