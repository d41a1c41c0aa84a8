import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkSignals } from '../src/index.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe.each([
  ['with AbortSignal.any', false],
  ['without AbortSignal.any (older runtimes)', true],
])('linkSignals %s', (_name, withoutAny) => {
  const setup = () => {
    vi.useFakeTimers();
    if (withoutAny) {
      // A subclass without the static `any`, as on runtimes that predate it.
      vi.stubGlobal('AbortSignal', class extends AbortSignal {});
      Object.defineProperty(globalThis.AbortSignal, 'any', { value: undefined });
    }
  };

  it('aborts with a TimeoutError DOMException when the timeout passes', () => {
    setup();
    const link = linkSignals([], 100);
    vi.advanceTimersByTime(99);
    expect(link.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(link.signal.aborted).toBe(true);
    expect(link.timedOut).toBe(true);
    expect(link.signal.reason).toBeInstanceOf(DOMException);
    expect((link.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(vi.getTimerCount()).toBe(0);
  });

  it("follows a parent's abort with the parent's reason, and is not a timeout", () => {
    setup();
    const parent = new AbortController();
    const link = linkSignals([parent.signal, undefined], 1000);
    const reason = new Error('stop');
    parent.abort(reason);
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe(reason);
    expect(link.timedOut).toBe(false);
    link.clear();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts aborted when a parent already is, and sets no timer', () => {
    setup();
    const parent = new AbortController();
    parent.abort('gone');
    const link = linkSignals([parent.signal], 1000);
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe('gone');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clear() leaves no timer behind and the signal is never aborted afterwards', () => {
    setup();
    const link = linkSignals([new AbortController().signal], 100);
    expect(vi.getTimerCount()).toBe(1);
    link.clear();
    link.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(link.signal.aborted).toBe(false);
    expect(link.timedOut).toBe(false);
  });

  it('treats an undefined timeout as none', () => {
    setup();
    const link = linkSignals([], undefined);
    expect(vi.getTimerCount()).toBe(0);
    expect(link.signal.aborted).toBe(false);
  });
});

it('without AbortSignal.any, clear() removes the listener it put on a parent', () => {
  vi.stubGlobal('AbortSignal', class extends AbortSignal {});
  Object.defineProperty(globalThis.AbortSignal, 'any', { value: undefined });
  const parent = new AbortController();
  const removed = vi.spyOn(parent.signal, 'removeEventListener');
  const link = linkSignals([parent.signal], undefined);
  link.clear();
  expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  parent.abort();
  expect(link.signal.aborted).toBe(false);
});
