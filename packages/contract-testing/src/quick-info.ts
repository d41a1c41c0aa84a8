// What an editor shows a user: the TypeScript language service's quick info
// and diagnostics for a user's file (its `source`) placed in an SDK's
// package folder, importing the SDK by name, so it reads the built
// declarations (dist/*.d.ts, as published) through the package's exports.
// Compiled as a user's strict project: node16, `exactOptionalPropertyTypes`.
import ts from 'typescript';

export interface QuickInfo {
  /** The signature line (`(method) ModrinthOperations.getProject(...)`). */
  display: string;
  /** The doc comment's text. */
  docs: string;
  /** The doc comment's tags, as `@name text`. */
  tags: string[];
}

export interface UserProgram {
  /** The program's type errors, as tsc would print them. */
  diagnostics(): string[];
  /** Quick info at `offset` characters into the first occurrence of `text`. */
  quickInfo(text: string, offset?: number): QuickInfo;
}

/** A user's program `source` in `packageDir` (ends with `/`), seen through the language service. */
export function userProgram(packageDir: string, source: string): UserProgram {
  const userFile = `${packageDir}user-program.ts`;
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    strict: true,
    exactOptionalPropertyTypes: true,
  };
  const ls = ts.createLanguageService({
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
  return {
    diagnostics: () =>
      ls
        .getSemanticDiagnostics(userFile)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    quickInfo(text, offset = 1) {
      const at = source.indexOf(text);
      if (at < 0) throw new Error(`${text} is not in the user program`);
      const info = ls.getQuickInfoAtPosition(userFile, at + offset);
      if (!info) throw new Error(`no quick info at ${text}`);
      return {
        display: ts.displayPartsToString(info.displayParts),
        docs: ts.displayPartsToString(info.documentation),
        tags: (info.tags ?? []).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`),
      };
    },
  };
}
