// Rate limits as a browser sees them: a server with Modrinth's own rules
// (labrinth's GCRA, scaled to a burst of 100 refilled at 100 per 2 s) and its
// CORS, which exposes no header, so the page cannot read X-Ratelimit-*.
import { createModrinthClient } from '@x/modrinth';
import { type BrowserCase, check } from '../harness';

const CALLS = 150;

export const cases: BrowserCase[] = [
  {
    name: `modrinth: ${CALLS} getProject calls at once against labrinth's GCRA, its headers hidden by CORS: none fails`,
    async run(env) {
      let answers = 0;
      let refused = 0;
      let readable = 0;
      const warnings: string[] = [];
      const modrinth = createModrinthClient({
        baseUrl: `${env.labrinth}/v2`,
        userAgent: 'x-sdks-browser-suite/1.0',
        // Counts what the browser hands the script: 429s, and any readable rate-limit header.
        fetch: async (request) => {
          const response = await fetch(request);
          answers++;
          if (response.status === 429) refused++;
          if (response.headers.get('x-ratelimit-limit') !== null) readable++;
          return response;
        },
        logger: { debug: () => {}, warn: (message) => warnings.push(message) },
      });
      const started = performance.now();
      const results = await Promise.allSettled(
        Array.from({ length: CALLS }, () => modrinth.getProject('sodium')),
      );
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const failed = results.filter((r) => r.status === 'rejected');
      check(
        failed.length === 0,
        `${failed.length} calls failed: ${String((failed[0] as PromiseRejectedResult | undefined)?.reason)}`,
      );
      check(
        readable === 0,
        `the page read X-Ratelimit-* on ${readable} answers: CORS is not Modrinth's`,
      );
      // The server's burst is 100: the rest were refused once and retried after the wait its body states.
      check(refused > 0, 'no 429: the server did not enforce its limit');
      check(
        warnings.filter((w) => /rate.limit headers not readable/i.test(w)).length === 1,
        `the logger was not told once that the headers are unreadable: ${JSON.stringify(warnings)}`,
      );
      return `${CALLS} done in ${seconds} s, 0 failed, ${refused} x 429 in ${answers} answers, headers unreadable (said once)`;
    },
  },
];
