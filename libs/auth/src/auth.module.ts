import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { ThrottleService } from './throttle/throttle.service';
import { User } from './user.entity';

/** Global so that every feature with a credential-guessing entry point (sign-up) can throttle it. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([User])],
  providers: [AuthService, AuthResolver, ThrottleService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TypeOrmModule, ThrottleService],
})
export class AuthModule {}
