import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { JwtAuthGuard } from './guards';

describe('JwtAuthGuard.handleRequest', () => {
  const guard = new JwtAuthGuard(new Reflector());

  it('passes the user through', () => {
    expect(guard.handleRequest(null, { id: 'u1' })).toEqual({ id: 'u1' });
  });

  it('answers 401 for a missing or rejected token', () => {
    expect(() => guard.handleRequest(null, false)).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(() => guard.handleRequest(new DomainError('unauthorized', 'deactivated'), false)).toThrow(
      expect.objectContaining({ code: 'unauthorized' }),
    );
  });

  it('lets a failure to check the token (the database is down) through as itself, not as a 401', () => {
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    expect(() => guard.handleRequest(outage, false)).toThrow(outage);
  });
});
