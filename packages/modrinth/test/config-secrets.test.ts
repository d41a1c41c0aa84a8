import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createModrinthClient } from '../src/index.js';

const TOKEN = 'mrp_configTokenDoNotLeak1234567890';

describe('the transport’s getConfig()', () => {
  it('printed with util.inspect or JSON.stringify shows no token (users log configurations)', () => {
    const client = createModrinthClient({ token: TOKEN });
    const config = client.transport.getConfig();
    expect(inspect(config, { depth: 10 })).not.toContain(TOKEN);
    expect(JSON.stringify(config)).not.toContain(TOKEN);
    expect(inspect(client.transport.setConfig({ auth: TOKEN }))).not.toContain(TOKEN);
    // The token is still there to read.
    expect(config.auth).toBe(TOKEN);
  });
});
