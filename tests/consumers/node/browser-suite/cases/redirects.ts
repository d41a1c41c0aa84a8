// getProject (and itch's getGame) through every redirect status, to the same
// origin and to another, with a token: the call resolves to the target's
// data, and the credential arrives where it may (the API origin) and
// nowhere else.
import { createItchClient } from '@x/itch';
import { createModrinthClient, UnexpectedResponseError } from '@x/modrinth';
import { arrivals, type BrowserCase, check, newTag, rejection } from '../harness';

const TOKEN = 'mrp_browserSuiteTokenDoNotLeak0123456789';
const STATUSES = [301, 302, 303, 307, 308] as const;

function redirectCase(status: number, where: 'same' | 'other'): BrowserCase {
  return {
    name: `modrinth getProject through a ${status} to ${where === 'same' ? 'the same origin' : 'another origin'}, with a token`,
    async run(env) {
      const tag = newTag();
      const client = createModrinthClient({
        baseUrl: `${env.api}/r/${status}/${where}/t/${tag}/v2`,
        token: TOKEN,
        retry: false,
      });
      const project = await client.getProject('sodium');
      const servedBy = where === 'same' ? 'api' : 'other';
      check(
        project?.slug === 'sodium' && project.title === `served by ${servedBy}`,
        `resolved to ${JSON.stringify(project)}`,
      );
      const [atApi, atOther] = await Promise.all([
        arrivals(env.api, tag),
        arrivals(env.other, tag),
      ]);
      check(atApi[0]?.headers.authorization === TOKEN, 'the token did not reach the API origin');
      if (where === 'same') {
        check(
          atApi.length === 2 && atOther.length === 0,
          `arrivals ${atApi.length}/${atOther.length}`,
        );
        check(atApi[1]?.headers.authorization === TOKEN, 'a same-origin hop lost the token');
      } else {
        check(
          atApi.length === 1 && atOther.length === 1,
          `arrivals ${atApi.length}/${atOther.length}`,
        );
        check(
          atOther.every((a) => a.headers.authorization === undefined),
          `the token reached the other origin: ${JSON.stringify(atOther[0]?.headers)}`,
        );
      }
      return `${project.title}; token at ${where === 'same' ? 'both hops (same origin)' : 'the API only'}`;
    },
  };
}

export const cases: BrowserCase[] = [
  ...STATUSES.flatMap((status) => [redirectCase(status, 'same'), redirectCase(status, 'other')]),
  {
    name: 'itch getGame through a 307 to another origin, with an API key',
    async run(env) {
      const tag = newTag();
      const client = createItchClient({
        baseUrl: `${env.api}/r/307/other/t/${tag}`,
        apiKey: 'itch-browser-suite-key',
        retry: false,
      });
      const data = await client.getGame(42);
      check(data.game?.id === 42 && data.game.title === 'served by other', JSON.stringify(data));
      const atOther = await arrivals(env.other, tag);
      check(atOther.length === 1, `${atOther.length} arrivals at the other origin`);
      check(
        atOther[0]?.headers.authorization === undefined,
        'the API key reached the other origin',
      );
      return data.game.title;
    },
  },
  {
    name: 'a credential in a custom header (X-Api-Key) never follows a redirect: a typed error, nothing reaches the other origin',
    async run(env) {
      const tag = newTag();
      const client = createModrinthClient({
        baseUrl: `${env.api}/r/302/other/t/${tag}/v2`,
        retry: false,
      });
      const headers = { 'X-Api-Key': 'custom-secret-key' };
      const error = await rejection(client.getProject('sodium', { headers }));
      check(error instanceof UnexpectedResponseError, `${error.name}: ${error.message}`);
      // The name survives the bundle's minifier.
      check(error.name === 'UnexpectedResponseError', `error.name is ${error.name}`);
      check(/x-api-key/.test(error.message), error.message);
      check(!error.message.includes('custom-secret-key'), 'the error shows the key');
      const atOther = await arrivals(env.other, tag);
      check(atOther.length === 0, `${atOther.length} requests reached the other origin`);
      // Without a redirect, the same client works (the header arrives at the API).
      const direct = createModrinthClient({ baseUrl: `${env.api}/t/${tag}/v2`, retry: false });
      const project = await direct.getProject('sodium', { headers });
      check(project.title === 'served by api', JSON.stringify(project));
      return `${error.name}: ${error.message.slice(0, 90)}...`;
    },
  },
];
