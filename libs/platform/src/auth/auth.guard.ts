import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Forbidden, Unauthenticated } from '#domain';
import { type AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './decorators.js';
import type { Role } from './principal.js';
import { TokenVerifier } from './token-verifier.js';

/**
 * Global guard: every HTTP endpoint needs a valid bearer token unless marked @Public(), and one of the roles
 * of its @Roles(...) when it has some. Message handlers (events) are not guarded: they come from the stream.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) throw new Unauthenticated();
    const principal = await this.verifier.verify(token);
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && !principal.roles.some((role) => allowed.includes(role))) {
      throw new Forbidden("Votre rôle ne permet pas d'accéder à cette ressource.", 'FORBIDDEN_ROLE');
    }
    return true;
  }
}
