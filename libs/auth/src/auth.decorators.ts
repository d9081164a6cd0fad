import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Principal, Role } from './role';

export const IS_PUBLIC = 'magix:isPublic';
export const ROLES = 'magix:roles';

/** Open to anyone, signed in or not. Everything else needs a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call; without it any signed-in user may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

export function requestOf(context: ExecutionContext): { user?: Principal; headers: Record<string, string | undefined> } {
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
