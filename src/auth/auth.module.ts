import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JwtAuthGuard, RolesGuard } from '../common/auth/guards';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService, JWT_ALGORITHM } from './auth.service';
import { LoginLimits, ResetTokenFailures } from './failed-logins';
import { JwtStrategy, LocalStrategy } from './strategies';

@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: JWT_ALGORITHM, expiresIn: config.jwtExpiresInSeconds },
        verifyOptions: { algorithms: [JWT_ALGORITHM] },
      }),
    }),
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    LocalStrategy,
    {
      provide: LoginLimits,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new LoginLimits({
          perAccountAndAddress: { limit: config.loginMaxAttempts, windowMs: config.loginWindowSeconds * 1000 },
          perAddress: { limit: config.loginMaxFailuresPerAddress, windowMs: config.loginAddressWindowSeconds * 1000 },
          perAccount: { limit: config.loginMaxFailuresPerAccount, windowMs: config.loginAccountWindowSeconds * 1000 },
        }),
    },
    {
      provide: ResetTokenFailures,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new ResetTokenFailures(config.loginMaxAttempts, config.loginWindowSeconds * 1000),
    },
    JwtStrategy,
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
})
export class AuthModule {}
