// Errors stay typed when @x/core's failure path is a chunk of its own: the
// suite's Vite build splits code (Vite's default), and the browser build of
// @x/core loads its failure path with `import()` on the first failure. The
// error a call rejects with is the class the page imported (`instanceof`),
// with the API's code and description.
import { NotFoundError as ItchNotFoundError } from '@x/itch';
import { createItchTransport, getGame } from '@x/itch/operations';
import { ApiError, NotFoundError } from '@x/modrinth';
import { createModrinthTransport, getProject } from '@x/modrinth/operations';
import { type BrowserCase, check, newTag, rejection } from '../harness';

/** The script files the page has loaded so far. */
function scripts(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.endsWith('.js'));
}

export const cases: BrowserCase[] = [
  {
    name: 'modrinth getProject 404 from a code-split bundle: a typed NotFoundError (failure path loaded lazily)',
    async run(env) {
      // No route under this base URL: the scripted origin answers 404 `{"error":"not_found"}`.
      const transport = createModrinthTransport({ baseUrl: `${env.api}/t/${newTag()}/missing` });
      const error = await rejection(getProject(transport, 'sodium'));
      check(error instanceof NotFoundError, `${error.name}: ${error.message}`);
      check(error instanceof ApiError, 'not an ApiError');
      check(error.name === 'NotFoundError', `error.name is ${error.name}`);
      check(error.status === 404 && error.code === 'not_found', `${error.status} ${error.code}`);
      const failure = scripts().filter((name) => /\/failure-[\w-]+\.js$/.test(name));
      check(
        failure.length === 1,
        `the failure path is not a chunk of its own: ${scripts().join(', ')}`,
      );
      return `${error.name} ${error.status} ${error.code}; ${failure[0]?.replace(/^.*\//, '')} loaded on demand`;
    },
  },
  {
    name: 'itch getGame 404 from a code-split bundle: a typed NotFoundError',
    async run(env) {
      const transport = createItchTransport({
        baseUrl: `${env.api}/t/${newTag()}/missing`,
        apiKey: 'itch-browser-suite-key',
      });
      const error = await rejection(getGame(transport, 1));
      check(error instanceof ItchNotFoundError, `${error.name}: ${error.message}`);
      check(error.status === 404, `status ${error.status}`);
      return `${error.name} ${error.status}`;
    },
  },
];
