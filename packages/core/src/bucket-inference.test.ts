import { describe, expect, it } from 'vitest';
import { BucketInference } from './bucket-inference.js';

/** labrinth's answers (remaining, reset in whole seconds truncated) to `n` starts at once on an idle bucket. */
function labrinthBurst(limit: number, intervalMs: number, n: number) {
  const answers: { remaining: number; resetIn: number }[] = [];
  for (let k = 1; k <= n; k++) {
    const d = k * intervalMs; // time to full after k starts
    answers.push({
      remaining: Math.max(0, Math.trunc((limit * intervalMs - d) / intervalMs)),
      resetIn: Math.trunc(d / 1000) * 1000,
    });
  }
  return answers;
}

describe('BucketInference', () => {
  it("tells labrinth's bucket from its burst's answers, and bounds its interval from above", () => {
    const inference = new BucketInference();
    labrinthBurst(300, 200, 300).forEach((a, i) => {
      inference.add(i + 1, 300, a.remaining, a.resetIn, true);
    });
    expect(inference.kind).toBe('token-bucket');
    expect(inference.intervalMs).toBeGreaterThanOrEqual(200);
    expect(inference.intervalMs).toBeLessThan(205);
  });

  it('an idle bucket (Reset: 0) says nothing yet', () => {
    const inference = new BucketInference();
    inference.add(1, 300, 299, 0, true);
    expect(inference.kind).toBeUndefined();
    expect(inference.intervalMs).toBeUndefined();
  });

  it('a fixed window (a reset that does not grow with the calls used) is not a bucket', () => {
    const inference = new BucketInference();
    for (let k = 1; k <= 10; k++) inference.add(k, 100, 100 - k, 2000, true);
    expect(inference.kind).toBe('fixed-window');
  });

  it('a fixed window whose reset is read in decimals is not a bucket either', () => {
    const inference = new BucketInference();
    for (let k = 1; k <= 10; k++) inference.add(k, 100, 100 - k, 1500 - k * 3, false);
    expect(inference.kind).toBe('fixed-window');
  });

  it('a new limit starts over', () => {
    const inference = new BucketInference();
    for (let k = 1; k <= 10; k++) inference.add(k, 100, 100 - k, 2000, true);
    inference.add(11, 50, 49, 0, true);
    expect(inference.kind).toBeUndefined();
  });
});

describe('BucketInference, a bucket that changes', () => {
  it('learns the new interval when the answers contradict the old one', () => {
    const inference = new BucketInference();
    labrinthBurst(300, 200, 300).forEach((a, i) => {
      inference.add(i + 1, 300, a.remaining, a.resetIn, true);
    });
    expect(inference.intervalMs).toBeLessThan(205);
    // The same bucket now refilled twice as slowly.
    labrinthBurst(300, 400, 300).forEach((a, i) => {
      inference.add(1000 + i, 300, a.remaining, a.resetIn, true);
    });
    expect(inference.kind).toBe('token-bucket');
    expect(inference.intervalMs).toBeGreaterThanOrEqual(400);
    expect(inference.intervalMs).toBeLessThan(410);
  });
});
