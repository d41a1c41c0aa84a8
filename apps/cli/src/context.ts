import { type PrismServer, startMockServer } from '@x/mock-servers';
import { ExitError } from './lib/errors.js';

export type ApiName = 'modrinth' | 'itch';

export interface Endpoints {
  /** Where each API is reached. */
  urls: Record<ApiName, string | undefined>;
  /** True when the answers come from Prism mocks built from specs/. */
  mock: boolean;
  close(): Promise<void>;
}

export interface EndpointOptions {
  live?: boolean;
  modrinthUrl?: string;
  itchUrl?: string;
  /** Ctrl-C: stops starting the mock servers; rejects with the signal's reason. */
  signal?: AbortSignal;
}

const LIVE: Record<ApiName, string> = {
  modrinth: 'https://api.modrinth.com/v2',
  itch: 'https://api.itch.io',
};

/**
 * Decides where each API lives. By default the Prism mock servers, started
 * here from specs/ on 127.0.0.1 and stopped by `close()` (and on Ctrl-C by the
 * server module), so the tool works offline; `--live` uses the real services;
 * `--modrinth-url` / `--itch-url` point at any other server speaking the API.
 */
export async function openEndpoints(need: ApiName[], options: EndpointOptions): Promise<Endpoints> {
  const servers: PrismServer[] = [];
  const urls: Record<ApiName, string | undefined> = { modrinth: undefined, itch: undefined };
  let mock = false;
  try {
    for (const api of need) {
      const explicit = api === 'modrinth' ? options.modrinthUrl : options.itchUrl;
      if (explicit) urls[api] = explicit;
      else if (options.live) urls[api] = LIVE[api];
      else {
        // Plausible integers: Prism would show ids as -9007199254740991.
        const server = await startMockServer(api, {
          integerExamples: true,
          ...(options.signal ? { signal: options.signal } : {}),
        });
        servers.push(server);
        urls[api] = server.url;
        mock = true;
      }
    }
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    if (options.signal?.aborted) throw options.signal.reason;
    throw new ExitError(
      `could not start the mock servers: ${(error as Error).message.split('\n')[0]}`,
      1,
      {
        cause: error,
      },
    );
  }
  return {
    urls,
    mock,
    close: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
