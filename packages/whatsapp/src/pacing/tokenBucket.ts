// A token bucket in integer arithmetic: credit is counted in thousandths of a token, time in
// whole milliseconds, so a rate of 80/s yields tokens at exactly 0, 13, 25, 38, 50 ... ms and never
// more than `rate` sends start in any one-second window when `burst` is 1.

const unit = 1000;

export class TokenBucket {
  private credit: number;
  private last: number;

  constructor(readonly rate: number, readonly burst: number, now: number) {
    this.credit = burst * unit;
    this.last = Math.floor(now);
  }

  private refill(now: number) {
    const at = Math.floor(now);
    if (at > this.last) {
      this.credit = Math.min(this.burst * unit, this.credit + (at - this.last) * this.rate);
      this.last = at;
    }
  }

  /** Takes one token if there is one now. */
  take(now: number): boolean {
    this.refill(now);
    if (this.credit < unit) return false;
    this.credit -= unit;
    return true;
  }

  /** When the next token is available (ms); `now` when one is available already. */
  nextAt(now: number): number {
    this.refill(now);
    if (this.credit >= unit) return Math.floor(now);
    return this.last + Math.ceil((unit - this.credit) / this.rate);
  }
}
