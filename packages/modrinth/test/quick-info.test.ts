// What an editor shows: the TypeScript language service's quick info on the
// built declarations (dist/*.d.ts, as published), for a user's file that
// imports the package by name.
import { fileURLToPath } from 'node:url';
import { userProgram } from '@x/contract-testing/quick-info';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const source = `import { createModrinthClient } from '@x/modrinth';
import { getProject } from '@x/modrinth/operations';
const modrinth = createModrinthClient({ userAgent: 'my-launcher/1.0', token: process.env.MODRINTH_TOKEN });
const project = await modrinth.getProject('sodium');
const versions = await modrinth.getProjectVersions('sodium', { loaders: ['fabric'] });
const alone = await getProject(modrinth, 'sodium');
`;

describe('quick info on the built .d.ts', () => {
  const program = userProgram(packageDir, source);

  it('the user program compiles against dist', () => {
    expect(program.diagnostics()).toEqual([]);
  });

  it('modrinth.getProject shows its real signature and the spec doc', () => {
    const { display, docs, tags } = program.quickInfo('getProject(', 2);
    expect(display).toBe(
      '(method) ModrinthOperations.getProject(idOrSlug: string, options?: OperationOptions): Promise<Project>',
    );
    expect(docs).toContain('Get a project');
    expect(docs).toContain('`GET /project/{idOrSlug}`');
    expect(tags.join('\n')).toContain('https://docs.modrinth.com/api/operations/getproject/');
  });

  it('getProjectVersions resolves to Version[]', () => {
    const { display } = program.quickInfo('getProjectVersions(', 2);
    expect(display).toMatch(/\): Promise<Version\[\]>$/);
    expect(display).not.toMatch(/ThrowOnError|RequestResult|parseAs/);
  });

  it('the standalone function shows the same types', () => {
    expect(program.quickInfo('alone').display).toBe('const alone: Project');
  });
});
