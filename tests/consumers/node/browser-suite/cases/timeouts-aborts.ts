// Timeouts and aborts, both SDKs, against an origin that answers late.
import { createItchClient, TimeoutError as ItchTimeoutError } from '@x/itch';
import { createModrinthClient, TimeoutError } from '@x/modrinth';
import { type BrowserCase, check, newTag, rejection } from '../harness';

export const cases: BrowserCase[] = [
  {
    name: 'modrinth: timeoutMs gives a TimeoutError on time',
    async run(env) {
      const client = createModrinthClient({
        baseUrl: `${env.api}/slow/3000/t/${newTag()}/v2`,
        timeoutMs: 400,
        retry: false,
      });
      const started = performance.now();
      const error = await rejection(client.getProject('sodium'));
      const ms = Math.round(performance.now() - started);
      check(error instanceof TimeoutError, `${error.name}: ${error.message}`);
      check(ms >= 390 && ms < 2000, `after ${ms} ms`);
      return `TimeoutError after ${ms} ms`;
    },
  },
  {
    name: 'itch: timeoutMs gives a TimeoutError on time',
    async run(env) {
      const client = createItchClient({
        baseUrl: `${env.api}/slow/3000/t/${newTag()}`,
        apiKey: 'k',
        timeoutMs: 400,
        retry: false,
      });
      const started = performance.now();
      const error = await rejection(client.getGame(1));
      const ms = Math.round(performance.now() - started);
      check(error instanceof ItchTimeoutError, `${error.name}: ${error.message}`);
      check(ms >= 390 && ms < 2000, `after ${ms} ms`);
      return `TimeoutError after ${ms} ms`;
    },
  },
  {
    name: "modrinth: a caller's abort rejects with its reason at once",
    async run(env) {
      const client = createModrinthClient({ baseUrl: `${env.api}/slow/3000/t/${newTag()}/v2` });
      const controller = new AbortController();
      const started = performance.now();
      setTimeout(() => controller.abort(), 150);
      const error = await rejection(client.getProject('sodium', { signal: controller.signal }));
      const ms = Math.round(performance.now() - started);
      check(error.name === 'AbortError', `${error.name}: ${error.message}`);
      check(ms < 1500, `after ${ms} ms`);
      return `AbortError after ${ms} ms`;
    },
  },
  {
    name: "itch: a caller's abort rejects with its reason",
    async run(env) {
      const client = createItchClient({
        baseUrl: `${env.api}/slow/3000/t/${newTag()}`,
        apiKey: 'k',
      });
      const controller = new AbortController();
      const reason = new Error('user closed the window');
      setTimeout(() => controller.abort(reason), 150);
      const error = await rejection(client.getGame(1, undefined, { signal: controller.signal }));
      check(error === reason, `${error.name}: ${error.message}`);
      return 'rejected with the given reason';
    },
  },
];
