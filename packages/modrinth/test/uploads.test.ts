import { contract, contractFetchFor } from '@x/contract-testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createModrinthClient, UploadError } from '../src/index.js';
import { uploadVersion } from '../src/operations.js';
import {
  addFilesToVersionBody,
  createProjectBody,
  createVersionBody,
  imageContentType,
} from '../src/uploads.js';
import { type StandIn, startMultipartStandIn } from './multipart-standin.js';

const jar = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 8, 7]);
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
const versionData = {
  name: 'Version 1.0.0',
  version_number: '1.0.0',
  game_versions: ['1.21.1'],
  version_type: 'release' as const,
  loaders: ['fabric'],
  featured: true,
  dependencies: [],
  project_id: 'AABBCCDD',
};

async function parse(multipart: { body: Blob; contentType: string }) {
  const raw = await multipart.body.text();
  const form = await new Response(multipart.body, {
    headers: { 'content-type': multipart.contentType },
  }).formData();
  return { raw, form };
}

describe('multipart bodies', () => {
  it('createVersion: JSON data part plus file parts named in file_parts', async () => {
    const m = createVersionBody({
      data: { ...versionData, primary_file: 'mod.jar' },
      files: [new File([jar], 'mod.jar'), { name: 'mod-sources.jar', data: jar }],
    });
    const { raw, form } = await parse(m);
    expect(m.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(raw).toContain(
      'Content-Disposition: form-data; name="data"\r\nContent-Type: application/json\r\n',
    );
    expect(raw).toContain(
      'name="mod.jar"; filename="mod.jar"\r\nContent-Type: application/java-archive',
    );
    const data = JSON.parse(form.get('data') as string);
    expect(data.file_parts).toEqual(['mod.jar', 'mod-sources.jar']);
    expect(data.primary_file).toBe('mod.jar');
    for (const part of data.file_parts) {
      const file = form.get(part) as File;
      expect(file).toBeInstanceOf(File);
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(jar);
    }
  });

  it('duplicate file names get unique part names', async () => {
    const m = createVersionBody({
      data: versionData,
      files: [
        { name: 'a.jar', data: jar },
        { name: 'a.jar', data: jar },
      ],
    });
    const { form } = await parse(m);
    expect(JSON.parse(form.get('data') as string).file_parts).toEqual(['a.jar', 'a.jar-2']);
  });

  it('refuses inconsistent file_parts, unknown primary_file and no files', () => {
    expect(() =>
      createVersionBody({
        data: { ...versionData, file_parts: ['x'] },
        files: [{ name: 'a.jar', data: jar }],
      }),
    ).toThrow(UploadError);
    expect(() =>
      createVersionBody({
        data: { ...versionData, primary_file: 'b.jar' },
        files: [{ name: 'a.jar', data: jar }],
      }),
    ).toThrow(UploadError);
    expect(() => createVersionBody({ data: versionData, files: [] })).toThrow(UploadError);
    expect(() => addFilesToVersionBody({ files: [] })).toThrow(UploadError);
  });

  it('createProject: data part and an icon part with an image content type', async () => {
    const m = createProjectBody({
      data: {
        slug: 'x',
        title: 'X',
        description: 'd',
        categories: [],
        client_side: 'required',
        server_side: 'optional',
        body: 'b',
        license_id: 'MIT',
        project_type: 'mod',
        is_draft: true,
      } as never,
      icon: { name: 'icon.jpg', data: png },
    });
    const { raw, form } = await parse(m);
    expect(JSON.parse(form.get('data') as string).slug).toBe('x');
    expect(raw).toContain('name="icon"; filename="icon.jpg"\r\nContent-Type: image/jpeg');
    expect(() =>
      createProjectBody({ data: {} as never, icon: { name: 'icon', data: png } }),
    ).toThrow(UploadError);
  });

  it('addFilesToVersion: data defaults to {}', async () => {
    const { form } = await parse(
      addFilesToVersionBody({ files: [{ name: 'b.mrpack', data: jar }] }),
    );
    expect(form.get('data')).toBe('{}');
    expect((form.get('b.mrpack') as File).type).toBe('application/x-modrinth-modpack+zip');
  });

  it('imageContentType follows the spec media types', () => {
    expect(imageContentType('jpg')).toBe('image/jpeg');
    expect(imageContentType('webp')).toBe('image/webp');
    expect(imageContentType('svgz')).toBe('image/svgz');
  });
});

describe('upload requests on the wire (through Prism)', () => {
  function capture(standIn?: StandIn) {
    const c = contract('modrinth');
    const seen: Request[] = [];
    const send = standIn ? contractFetchFor('modrinth', standIn.url) : c.fetch;
    const client = createModrinthClient({
      baseUrl: standIn?.url ?? c.baseUrl,
      token: 'mrp_x',
      retry: false,
      rateLimiter: false,
      fetch: (r) => {
        seen.push(r.clone());
        return send(r);
      },
    });
    return { client, seen };
  }

  it('createVersion sends the hand-built multipart body (multipart stand-in, see contract tests)', async () => {
    const standIn = await startMultipartStandIn(contract('modrinth').baseUrl);
    onTestFinished(() => standIn.close());
    const { client, seen } = capture(standIn);
    const version = await uploadVersion(client, {
      data: versionData,
      files: [{ name: 'm.jar', data: jar }],
    });
    expect(version.id).toBeTypeOf('string');
    const req = seen[0]!;
    expect(req.headers.get('content-type')).toMatch(/^multipart\/form-data; boundary=/);
    expect(req.headers.get('authorization')).toBe('mrp_x');
    const form = await req.formData();
    expect(JSON.parse(form.get('data') as string).file_parts).toEqual(['m.jar']);
  });

  it('icons and gallery images go raw with the content type of ext', async () => {
    const { client, seen } = capture();
    await client.uploadProjectIcon(
      'x',
      { ext: 'webp', body: png },
      { headers: { 'x-trace': 'abc', 'x-none': undefined } },
    );
    await client.uploadGalleryImage('x', { ext: 'jpg', featured: false, body: new Blob([png]) });
    await client.uploadUserIcon('u', { body: new File([png], 'me.gif') });
    expect(seen.map((r) => r.headers.get('content-type'))).toEqual([
      'image/webp',
      'image/jpeg',
      'image/gif',
    ]);
    expect(seen[0]!.headers.get('x-trace')).toBe('abc');
    expect(seen[0]!.headers.has('x-none')).toBe(false);
    for (const r of seen) expect(new Uint8Array(await r.arrayBuffer())).toEqual(png);
    // No ext and no file name to tell the image type from:
    await expect(client.uploadUserIcon('u', { body: png })).rejects.toThrow(UploadError);
  });
});
