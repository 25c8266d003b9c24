// Failed logins per client address, whatever the emails: one guess at each of many accounts (password
// spraying) never trips the per-account limit, so the address is counted too. Only failures count, so
// an office full of people logging in behind one address is never locked out by its own successes.

/** How many addresses are remembered before the expired ones are swept out. */
const SWEEP_AT = 10_000;

export class FailedLoginCounter {
  private readonly byAddress = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether the address has used up its failures in the current window. */
  isBlocked(address: string): boolean {
    const entry = this.current(address);
    return entry !== undefined && entry.failures >= this.limit;
  }

  recordFailure(address: string): void {
    const entry = this.current(address);
    if (entry) {
      entry.failures += 1;
      return;
    }
    if (this.byAddress.size >= SWEEP_AT) this.sweep();
    this.byAddress.set(address, { failures: 1, resetAt: this.now() + this.windowMs });
  }

  private current(address: string): { failures: number; resetAt: number } | undefined {
    const entry = this.byAddress.get(address);
    if (entry && entry.resetAt <= this.now()) {
      this.byAddress.delete(address);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [address, entry] of this.byAddress) if (entry.resetAt <= now) this.byAddress.delete(address);
  }
}
