// What an editor shows: the TypeScript language service's quick info on the
// built declarations (dist/*.d.ts, as published), for a user's file that
// imports the package by name.
import { fileURLToPath } from 'node:url';
import { userProgram } from '@x/contract-testing/quick-info';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const source = `import { createItchClient } from '@x/itch';
import { getGame } from '@x/itch/operations';
const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });
const game = await itch.getGame(1328853, { downloadKeyId: 7 });
const uploads = await itch.listGameUploads(1328853);
const alone = await getGame(itch, 1328853);
`;

describe('quick info on the built .d.ts', () => {
  const program = userProgram(packageDir, source);

  it('the user program compiles against dist', () => {
    expect(program.diagnostics()).toEqual([]);
  });

  it('itch.getGame shows its real signature and the spec doc', () => {
    const { display, docs } = program.quickInfo('getGame(', 2);
    expect(display).toBe(
      '(method) ItchOperations.getGame(gameId: number, input?: GetGameInput, options?: OperationOptions): Promise<GetGameResponse>',
    );
    expect(docs).toContain('`GET /games/{gameId}`');
  });

  it('the input type shows camelCase fields', () => {
    const { display } = program.quickInfo('downloadKeyId', 1);
    expect(display).toContain('downloadKeyId');
  });

  it('the standalone function shows the same types', () => {
    expect(program.quickInfo('alone').display).toBe('const alone: GetGameResponse');
  });
});
