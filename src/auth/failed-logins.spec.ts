import { FailedLoginCounter } from './failed-logins';

describe('FailedLoginCounter', () => {
  let clock = 0;
  const counter = () => new FailedLoginCounter(3, 1000, () => clock);
  beforeEach(() => (clock = 0));

  it('blocks an address after `limit` failures, and only that address', () => {
    const failures = counter();
    for (let i = 0; i < 2; i++) failures.recordFailure('10.0.0.1');
    expect(failures.isBlocked('10.0.0.1')).toBe(false);
    failures.recordFailure('10.0.0.1');
    expect(failures.isBlocked('10.0.0.1')).toBe(true);
    expect(failures.isBlocked('10.0.0.2')).toBe(false);
  });

  it('forgets the failures when the window is over', () => {
    const failures = counter();
    for (let i = 0; i < 3; i++) failures.recordFailure('10.0.0.1');
    clock = 999;
    expect(failures.isBlocked('10.0.0.1')).toBe(true);
    clock = 1000;
    expect(failures.isBlocked('10.0.0.1')).toBe(false);
    failures.recordFailure('10.0.0.1');
    expect(failures.isBlocked('10.0.0.1')).toBe(false);
  });
});
