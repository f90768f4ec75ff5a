import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal, Role } from './principal.js';

export const ROLES_KEY = 'guichet:roles';
export const PUBLIC_KEY = 'guichet:public';

/** The roles allowed to call an endpoint; anyone else gets 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Marks public operations in the OpenAPI document; the platform turns it into `security: []` (api-contract.ts). */
export const PUBLIC_EXTENSION = 'x-guichet-public';

/** An endpoint open to anyone, without a token (the OpenAPI document says so: no security). */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_KEY, true), ApiExtension(PUBLIC_EXTENSION, true));

export interface AuthenticatedRequest extends Request {
  principal?: Principal;
}

/** The verified caller of the current request. */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new Error('CurrentPrincipal used on an endpoint without authentication');
  return principal;
});
