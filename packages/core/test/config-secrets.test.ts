import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient } from '../src/sdk-client/client.js';

// Users log configurations when debugging: `getConfig()` (and what
// `setConfig` returns) must print and serialise without the token.

const TOKEN = 'mrp_configTokenDoNotLeak1234567890';

function printed(value: unknown): string[] {
  return [inspect(value), inspect(value, { depth: 10 }), JSON.stringify(value), String(value)];
}

describe('a client configuration', () => {
  it('getConfig() printed or serialised shows no token, yet still holds it', () => {
    const client = createClient({ baseUrl: 'https://api.example.test', auth: TOKEN });
    const config = client.getConfig();
    for (const text of printed(config)) expect(text).not.toContain(TOKEN);
    expect(inspect(config)).toContain('api.example.test');
    expect(config.auth).toBe(TOKEN);
  });

  it('setConfig() returns the same safe view; a spread copy given back keeps the token', () => {
    const client = createClient({ baseUrl: 'https://api.example.test' });
    const returned = client.setConfig({ auth: TOKEN });
    for (const text of printed(returned)) expect(text).not.toContain(TOKEN);
    client.setConfig({ ...client.getConfig(), baseUrl: 'https://other.example.test' });
    expect(client.getConfig().auth).toBe(TOKEN);
  });

  it('a token function is hidden the same way', () => {
    const provider = () => TOKEN;
    const client = createClient({ baseUrl: 'https://api.example.test', auth: provider });
    expect(inspect(client.getConfig())).not.toContain('provider');
    expect(client.getConfig().auth).toBe(provider);
  });
});
