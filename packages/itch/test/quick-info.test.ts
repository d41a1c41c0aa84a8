// What an editor shows: the TypeScript language service's quick info on the
// built declarations (dist/*.d.ts, as published), for a user's file that
// imports the package by name.
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const userFile = `${packageDir}user-program.ts`;
const source = `import { createItchClient } from '@x/itch';
import { getGame } from '@x/itch/operations';
const itch = createItchClient({ apiKey: process.env.ITCH_API_KEY });
const game = await itch.getGame(1328853, { downloadKeyId: 7 });
const uploads = await itch.listGameUploads(1328853);
const alone = await getGame(itch, 1328853);
`;

function service(): ts.LanguageService {
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    strict: true,
    exactOptionalPropertyTypes: true,
  };
  return ts.createLanguageService({
    getScriptFileNames: () => [userFile],
    getScriptVersion: () => '1',
    getScriptSnapshot: (file) => {
      if (file === userFile) return ts.ScriptSnapshot.fromString(source);
      const text = ts.sys.readFile(file);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => packageDir,
    getCompilationSettings: () => options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (file) => file === userFile || ts.sys.fileExists(file),
    readFile: (file) => (file === userFile ? source : ts.sys.readFile(file)),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  });
}

function quickInfo(ls: ts.LanguageService, text: string, offset = 1) {
  const info = ls.getQuickInfoAtPosition(userFile, source.indexOf(text) + offset);
  if (!info) throw new Error(`no quick info at ${text}`);
  return {
    display: ts.displayPartsToString(info.displayParts),
    docs: ts.displayPartsToString(info.documentation),
    tags: (info.tags ?? []).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`),
  };
}

describe('quick info on the built .d.ts', () => {
  const ls = service();

  it('the user program compiles against dist', () => {
    const diagnostics = ls
      .getSemanticDiagnostics(userFile)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('itch.getGame shows its real signature and the spec doc', () => {
    const { display, docs } = quickInfo(ls, 'getGame(', 2);
    expect(display).toBe(
      '(method) ItchOperations.getGame(gameId: number, input?: GetGameInput, options?: OperationOptions): Promise<GetGameResponse>',
    );
    expect(docs).toContain('`GET /games/{gameId}`');
  });

  it('the input type shows camelCase fields', () => {
    const { display } = quickInfo(ls, 'downloadKeyId', 1);
    expect(display).toContain('downloadKeyId');
  });

  it('the standalone function shows the same types', () => {
    expect(quickInfo(ls, 'alone').display).toBe('const alone: GetGameResponse');
  });
});
