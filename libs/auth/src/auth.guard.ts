import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden } from '@magix/common';
import { IS_PUBLIC, requestOf, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import { Principal, Role } from './role';

/** The global guard: default deny, a valid token for everything not marked @Public, then roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  // One account read per request, however many root fields a GraphQL operation has.
  private readonly principals = new WeakMap<object, Promise<Principal>>();

  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = requestOf(context);
    let principal = this.principals.get(request);
    if (!principal) {
      principal = this.auth.authenticate(request.headers.authorization);
      this.principals.set(request, principal);
    }
    const user = await principal;
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(user.role)) {
      throw forbidden(`This needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
