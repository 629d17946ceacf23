import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import type { AuthUser } from '../core/auth/auth-context.js';
import { DomainError } from '../core/http/domain-error.js';
import { AccountService } from './account.service.js';

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(401, 'invalid_credentials', 'E-mail or password is wrong.');
  }
}

/** Passport's e-mail + password strategy (`session: false`: Demarche keeps its own sessions). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly account: AccountService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(request: FastifyRequest, email: string, password: string): Promise<AuthUser> {
    const user = await this.account.verifyCredentials(email, password, request.ip);
    if (!user) throw new InvalidCredentialsError();
    return user;
  }
}
