import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuthUser } from '../common/auth/auth-user';
import { randomBytes, randomUUID } from 'crypto';
import { hashPassword, verifyPassword } from '../users/passwords';
import { UsersService } from '../users/users.service';
import { LoginResponse } from './dto/login.dto';

export const JWT_ALGORITHM = 'HS256';

@Injectable()
export class AuthService {
  /** A real hash of a throw-away password, so unknown emails cost as much time as wrong passwords. */
  private readonly timingDecoyHash = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
  ) {}

  async validateCredentials(email: string, password: string): Promise<AuthUser | null> {
    const user = await this.users.findActiveByEmail(email);
    const valid = await verifyPassword(user?.passwordHash ?? (await this.timingDecoyHash), password);
    if (!user || !valid) return null;
    return { id: user.id, email: user.email, role: user.role, clientId: user.clientId, name: user.name };
  }

  issueToken(user: AuthUser): LoginResponse {
    // sid names the session (a password change keeps it working); iatMs orders it against a password change.
    const accessToken = this.jwt.sign({ sub: user.id, role: user.role, sid: randomUUID(), iatMs: Date.now() });
    const { id, email, role, clientId, name } = user;
    return { accessToken, user: { id, email, role, clientId, name } };
  }
}
