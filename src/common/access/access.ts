// Who may see which object. One function per kind of object; each denies by default, and a denial
// is a 404 so callers cannot probe for the existence of other tenants' objects.
import { AuthUser } from '../auth/auth-user';
import { notFound } from '../errors/domain-error';

/** Clients, their touchpoints, campaigns and KPIs: staff all, a client user only its own. */
export function assertCanReadClientData(user: AuthUser, clientId: string, what = 'Client'): void {
  switch (user.role) {
    case 'admin':
    case 'consultant':
      return;
    case 'client':
      if (user.clientId === clientId) return;
      break;
    default:
      break; // any other role is denied
  }
  throw notFound(what);
}

/** Assignments: staff all; a shopper their own, or any while it is open (the job board). */
export function assertCanReadAssignment(user: AuthUser, assignment: { shopperId: string | null; status: string }): void {
  switch (user.role) {
    case 'admin':
    case 'consultant':
      return;
    case 'shopper':
      if (assignment.shopperId === user.id || (assignment.status === 'open' && assignment.shopperId === null)) return;
      break;
    default:
      break; // any other role is denied
  }
  throw notFound('Assignment');
}

/** Visit reports: staff all; the shopper who wrote it; a client user only approved reports of its own client. */
export function assertCanReadVisitReport(user: AuthUser, report: { shopperId: string; status: string; clientId: string }): void {
  switch (user.role) {
    case 'admin':
    case 'consultant':
      return;
    case 'shopper':
      if (report.shopperId === user.id) return;
      break;
    case 'client':
      if (report.clientId === user.clientId && report.status === 'approved') return;
      break;
    default:
      break; // any other role is denied
  }
  throw notFound('Visit report');
}

/** A shopper's fees (statement): staff all; a shopper only their own. */
export function assertCanReadShopperFees(user: AuthUser, shopperId: string): void {
  switch (user.role) {
    case 'admin':
    case 'consultant':
      return;
    case 'shopper':
      if (user.id === shopperId) return;
      break;
    default:
      break; // any other role is denied
  }
  throw notFound('Shopper');
}
