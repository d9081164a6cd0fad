import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Principal, Role } from './role';

export const IS_PUBLIC = 'magix:isPublic';
export const ROLES = 'magix:roles';

/** Open to anyone, signed in or not. Everything else needs a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call; without it any signed-in user may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export interface AuthRequest {
  user?: Principal;
  headers: Record<string, string | undefined>;
  /** Express's client address: the socket's, or X-Forwarded-For's only if the app trusts proxies. */
  ip?: string;
}

export function requestOf(context: ExecutionContext): AuthRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: never }>().req;
  }
  return context.switchToHttp().getRequest();
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const user = requestOf(context).user;
  if (!user) throw new Error('CurrentUser used on a public handler');
  return user;
});

/** The caller's network address, for the throttles; `unknown` when there is none (never for HTTP). */
export const ClientAddress = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => requestOf(context).ip ?? 'unknown',
);
