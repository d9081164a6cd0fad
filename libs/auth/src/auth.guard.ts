import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import { CommonErrorCode, DomainError, forbidden } from '@magix/common';
import { IS_PUBLIC, requestOf, ROLES } from './auth.decorators';
import { Principal, Role } from './role';

/** The global guard: default deny, a valid token for everything not marked @Public, then roles. */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return requestOf(context);
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    const user = requestOf(context).user as Principal;
    if (roles && !roles.includes(user.role)) {
      throw forbidden(`This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error || !user) {
      throw new DomainError(CommonErrorCode.UNAUTHENTICATED, 'Sign in first: a valid bearer access token is required', undefined, 401);
    }
    return user;
  }
}
