import { describe, expect, it } from 'vitest';
import { dropCallOptions } from '../src/index.js';

describe('dropCallOptions', () => {
  it('removes the named options before every request method sees them, keeping the rest', async () => {
    const seen: Record<string, unknown>[] = [];
    const client = {
      request: async (o: Record<string, unknown>) => seen.push(o),
      get: async (o: Record<string, unknown>) => seen.push(o),
      post: async (o: Record<string, unknown>) => seen.push(o),
      other: 'untouched',
    };
    dropCallOptions(client, ['client']);
    await client.get({ client: 'x', url: '/a' });
    await client.post({ client: 'x', body: 1 });
    await client.request({ url: '/b' });
    expect(seen).toEqual([{ url: '/a' }, { body: 1 }, { url: '/b' }]);
    expect(client.other).toBe('untouched');
  });
});
