import { AuthUser } from '../auth/auth-user';
import { DomainError } from '../errors/domain-error';
import { assertCanReadAssignment, assertCanReadClientData, assertCanReadVisitReport } from './access';

const user = (role: AuthUser['role'], id = 'u1', clientId: string | null = null): AuthUser => ({
  id,
  role,
  clientId,
  email: `${id}@x`,
  name: null,
});

const denied = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError && error.code === 'not_found';
  }
  return false;
};

describe('access rules', () => {
  it('client data: staff yes, own client yes, other client and shoppers no', () => {
    expect(denied(() => assertCanReadClientData(user('consultant'), 'c1'))).toBe(false);
    expect(denied(() => assertCanReadClientData(user('client', 'u', 'c1'), 'c1'))).toBe(false);
    expect(denied(() => assertCanReadClientData(user('client', 'u', 'c2'), 'c1'))).toBe(true);
    expect(denied(() => assertCanReadClientData(user('shopper'), 'c1'))).toBe(true);
  });

  it('assignments: own or open for shoppers, never for clients', () => {
    expect(denied(() => assertCanReadAssignment(user('shopper', 's1'), { shopperId: 's1', status: 'assigned' }))).toBe(false);
    expect(denied(() => assertCanReadAssignment(user('shopper', 's1'), { shopperId: null, status: 'open' }))).toBe(false);
    expect(denied(() => assertCanReadAssignment(user('shopper', 's1'), { shopperId: 's2', status: 'assigned' }))).toBe(true);
    expect(denied(() => assertCanReadAssignment(user('client', 'c', 'c1'), { shopperId: null, status: 'open' }))).toBe(true);
  });

  it('reports: clients only approved ones of their own client', () => {
    const report = { shopperId: 's1', status: 'approved', clientId: 'c1' };
    expect(denied(() => assertCanReadVisitReport(user('client', 'x', 'c1'), report))).toBe(false);
    expect(denied(() => assertCanReadVisitReport(user('client', 'x', 'c1'), { ...report, status: 'submitted' }))).toBe(true);
    expect(denied(() => assertCanReadVisitReport(user('client', 'x', 'c2'), report))).toBe(true);
    expect(denied(() => assertCanReadVisitReport(user('shopper', 's2'), report))).toBe(true);
    expect(denied(() => assertCanReadVisitReport(user('shopper', 's1'), report))).toBe(false);
  });
});
