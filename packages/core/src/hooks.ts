import type { Hooks } from './types.js';

type HookState<K extends keyof Hooks> = Parameters<NonNullable<Hooks[K]>[number]>[0];
type HookResult<K extends keyof Hooks> = Awaited<ReturnType<NonNullable<Hooks[K]>[number]>>;

/**
 * Runs every hook of one lifecycle point, in order, across hook sets (client
 * hooks first, then `.withOptions()` hooks). A hook returning a value (a `Request`
 * for `onRequest`, a `Response` for `onResponse`) replaces the state's
 * object for the following hooks; the last such value is returned.
 */
export async function runHooks<K extends keyof Hooks>(
  sets: readonly Hooks[],
  point: K,
  state: HookState<K>,
): Promise<HookResult<K> | undefined> {
  let result: HookResult<K> | undefined;
  for (const set of sets) {
    const hooks = set[point];
    if (!hooks) continue;
    for (const hook of hooks) {
      const value = (await (hook as (s: HookState<K>) => unknown)(state)) as HookResult<K>;
      if (value) {
        result = value;
        if (point === 'onRequest') (state as { request: unknown }).request = value;
        if (point === 'onResponse') (state as { response: unknown }).response = value;
      }
    }
  }
  return result;
}
