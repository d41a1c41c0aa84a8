import { afterEach, describe, expect, it, vi } from 'vitest';
import { linkSignals } from './timeout.js';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** Hides `AbortSignal.any`, as on runtimes that predate it. */
function withoutAbortSignalAny() {
  vi.stubGlobal('AbortSignal', class extends AbortSignal {});
  Object.defineProperty(globalThis.AbortSignal, 'any', { value: undefined });
}

// Every case runs with a live parent, so both ways of following parents are exercised.
describe.each([
  ['with AbortSignal.any', false],
  ['without AbortSignal.any (listeners)', true],
])('linkSignals %s', (_name, hideAny) => {
  const setup = () => {
    vi.useFakeTimers();
    if (hideAny) withoutAbortSignalAny();
  };

  it('aborts with a TimeoutError DOMException exactly when the timeout passes', () => {
    setup();
    const parent = new AbortController();
    const link = linkSignals([parent.signal], 100);
    vi.advanceTimersByTime(99);
    expect(link.signal.aborted).toBe(false);
    expect(link.timedOut).toBe(false);
    vi.advanceTimersByTime(1);
    expect(link.signal.aborted).toBe(true);
    expect(link.timedOut).toBe(true);
    expect(link.signal.reason).toBeInstanceOf(DOMException);
    expect((link.signal.reason as DOMException).name).toBe('TimeoutError');
    expect(parent.signal.aborted).toBe(false); // the timeout never reaches the parent
  });

  it("follows any parent's abort with that parent's reason, and is not a timeout", () => {
    setup();
    const first = new AbortController();
    const second = new AbortController();
    const link = linkSignals([first.signal, undefined, second.signal], 1000);
    const reason = new Error('stop');
    second.abort(reason);
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe(reason);
    expect(link.timedOut).toBe(false);
    link.clear();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('starts aborted when a later parent already is, and sets no timer', () => {
    setup();
    const live = new AbortController();
    const gone = new AbortController();
    gone.abort('gone');
    const link = linkSignals([live.signal, gone.signal], 1000);
    expect(link.signal.aborted).toBe(true);
    expect(link.signal.reason).toBe('gone');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('clear() leaves no timer behind, even detached, and the signal then never times out', () => {
    setup();
    const link = linkSignals([new AbortController().signal], 100);
    expect(vi.getTimerCount()).toBe(1);
    const { clear } = link;
    clear();
    link.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(1000);
    expect(link.signal.aborted).toBe(false);
    expect(link.timedOut).toBe(false);
  });

  it('treats an undefined or infinite timeout as none', () => {
    setup();
    const parent = new AbortController();
    linkSignals([parent.signal], undefined);
    const link = linkSignals([parent.signal], Number.POSITIVE_INFINITY);
    expect(vi.getTimerCount()).toBe(0);
    parent.abort('bye');
    expect(link.signal.reason).toBe('bye');
  });
});

it('without AbortSignal.any, clear() removes the listener it put on a parent', () => {
  withoutAbortSignalAny();
  const parent = new AbortController();
  const removed = vi.spyOn(parent.signal, 'removeEventListener');
  const link = linkSignals([parent.signal], undefined);
  link.clear();
  expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  parent.abort();
  expect(link.signal.aborted).toBe(false);
});

it('exposes only signal, timedOut and clear', () => {
  const link = linkSignals([], 10);
  link.clear();
  expect(Object.keys(link).sort()).toEqual(['clear', 'signal']);
  expect(() => {
    (link as { timedOut: boolean }).timedOut = true;
  }).toThrow(TypeError);
});
