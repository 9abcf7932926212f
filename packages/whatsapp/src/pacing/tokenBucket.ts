// A token bucket in integer arithmetic: credit is counted in thousandths of a token, time in
// whole milliseconds, so a rate of 80/s yields tokens at exactly 0, 13, 25, 38, 50 ... ms: 80 in
// each second, never more than `rate + burst - 1` in any one-second window. The cap keeps the
// credit earned within the current millisecond (less than one token): without it, a clock read
// at whole milliseconds would lose the fraction of every 12.5 ms step and send only 77/s.

const unit = 1000;

export class TokenBucket {
  private credit: number;
  private last: number;

  constructor(
    readonly rate: number,
    readonly burst: number,
    now: number,
  ) {
    this.credit = burst * unit;
    this.last = Math.floor(now);
  }

  private refill(now: number) {
    const at = Math.floor(now);
    if (at > this.last) {
      this.credit = Math.min(this.burst * unit + this.rate - 1, this.credit + (at - this.last) * this.rate);
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
