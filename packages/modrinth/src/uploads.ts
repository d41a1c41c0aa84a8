import {
  callOperation,
  type OperationInput,
  type OperationOptions,
  type OperationTarget,
} from '@x/core/client';
import { CoreError } from '@x/core/internal';
import type {
  AddGalleryImageData,
  ChangeProjectIconData,
  CreatableProject,
  CreatableVersion,
  Project,
  Version,
} from './generated/types.gen.js';

/** File contents to upload: a `Blob` (or `File`) or bytes. */
export type UploadData = Blob | Uint8Array | ArrayBuffer;
/**
 * A file to upload. A `File` carries its own name; for a `Blob` or
 * bytes give a name with `{ name, data }`. The content type is `type`, else
 * guessed from the name's extension. In Node, `fileFromPath()` from
 * `@x/modrinth/node` gives a `File` read lazily from disk.
 */
export type UploadFile = File | { name: string; data: UploadData; type?: string };

/** An image file extension Modrinth accepts for icons and gallery images (`png`, `jpg`, ...). */
export type ImageExtension = ChangeProjectIconData['query']['ext'];

/** Upload-related mistakes caught before sending (a missing file, `file_parts` that name other files...). */
export class UploadError extends CoreError {
  static override readonly errorName: string = 'UploadError';
}

/** One part of a multipart body. */
export interface MultipartPart {
  /** The form field name. */
  name: string;
  /** The part's file name, for file parts. */
  filename?: string;
  /** The part's `Content-Type`. */
  contentType: string;
  /** The part's contents. */
  data: string | UploadData;
}

/** A `multipart/form-data` body built by hand (lazy: file Blobs are not read here). */
export interface MultipartBody {
  /** The encoded body. */
  body: Blob;
  /** The request's `Content-Type`, boundary included. */
  contentType: string;
}

function quote(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/"/g, '%22');
}

/** Builds `multipart/form-data` with exact part headers (hey-api's FormData path cannot set a part's content type). */
export function buildMultipart(parts: readonly MultipartPart[], boundary?: string): MultipartBody {
  const b = boundary ?? `----x-modrinth-${crypto.randomUUID().replaceAll('-', '')}`;
  const chunks: BlobPart[] = [];
  for (const part of parts) {
    let head = `--${b}\r\nContent-Disposition: form-data; name="${quote(part.name)}"`;
    if (part.filename !== undefined) head += `; filename="${quote(part.filename)}"`;
    head += `\r\nContent-Type: ${part.contentType}\r\n\r\n`;
    chunks.push(head, part.data as BlobPart, '\r\n');
  }
  chunks.push(`--${b}--\r\n`);
  const contentType = `multipart/form-data; boundary=${b}`;
  return { body: new Blob(chunks, { type: contentType }), contentType };
}

const FILE_TYPES: Record<string, string> = {
  jar: 'application/java-archive',
  zip: 'application/zip',
  mrpack: 'application/x-modrinth-modpack+zip',
  litemod: 'application/java-archive',
};

/** The content type Modrinth expects for an image `ext` (the spec's `image/*` list). */
export function imageContentType(ext: ImageExtension): string {
  return ext === 'jpg' ? 'image/jpeg' : `image/${ext}`;
}

function fileName(file: UploadFile): string {
  return file.name;
}

function fileData(file: UploadFile): UploadData {
  return typeof File !== 'undefined' && file instanceof File
    ? file
    : (file as { data: UploadData }).data;
}

function fileType(file: UploadFile): string {
  const explicit =
    typeof File !== 'undefined' && file instanceof File
      ? file.type
      : (file as { type?: string }).type;
  if (explicit) return explicit;
  const ext = fileName(file).split('.').pop()?.toLowerCase() ?? '';
  return FILE_TYPES[ext] ?? 'application/octet-stream';
}

function imageExt(file: UploadFile): ImageExtension {
  const ext = fileName(file).split('.').pop()?.toLowerCase();
  const known: ImageExtension[] = [
    'png',
    'jpg',
    'jpeg',
    'bmp',
    'gif',
    'webp',
    'svg',
    'svgz',
    'rgb',
  ];
  if (ext && (known as string[]).includes(ext)) return ext as ImageExtension;
  throw new UploadError(`cannot tell the image type of "${fileName(file)}"; pass ext`);
}

/**
 * File parts named after their file names (made unique), so `file_parts`
 * and `primary_file` can name files the way you do.
 */
function fileParts(files: readonly UploadFile[]): MultipartPart[] {
  const used = new Set<string>();
  return files.map((file) => {
    const filename = fileName(file);
    if (!filename) throw new UploadError('every uploaded file needs a name');
    let name = filename;
    for (let i = 2; used.has(name); i++) name = `${filename}-${i}`;
    used.add(name);
    return { name, filename, contentType: fileType(file), data: fileData(file) };
  });
}

function dataPart(data: unknown): MultipartPart {
  return { name: 'data', contentType: 'application/json', data: JSON.stringify(data) };
}

/** The per-call options with `Content-Type` set (a caller's other headers survive). */
function withContentType(
  options: OperationOptions | undefined,
  contentType: string,
): OperationOptions {
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(options?.headers ?? {})) {
    if (k.toLowerCase() !== 'content-type') headers[k] = v;
  }
  headers['content-type'] = contentType;
  return { ...options, headers };
}

/** Sends a body built here (multipart, raw image) as it is. */
function sendRaw(
  client: OperationTarget,
  route: { method: string; url: string; path?: readonly string[]; query?: readonly string[] },
  path: readonly unknown[],
  input: Record<string, unknown>,
  options: OperationOptions,
): Promise<unknown> {
  return callOperation(client, { ...route, body: 'body', secured: true }, path, input, options);
}

/** The body of {@link uploadVersion}: version metadata and its files. */
export interface CreateVersionUpload {
  /** Version metadata; `file_parts` is filled in from `files`. */
  data: Omit<CreatableVersion, 'file_parts'> & { file_parts?: readonly string[] | undefined };
  /** At least one file (`.jar`, `.mrpack`, ...). */
  files: readonly UploadFile[];
}

/**
 * Builds the multipart body of `createVersion`: a `data` part
 * (`application/json`) whose `file_parts` name the file parts that follow.
 */
export function createVersionBody(upload: CreateVersionUpload, boundary?: string): MultipartBody {
  if (!upload.files.length) throw new UploadError('uploadVersion needs at least one file');
  const parts = fileParts(upload.files);
  const names = parts.map((p) => p.name);
  if (upload.data.file_parts && !sameSet(upload.data.file_parts, names)) {
    throw new UploadError(
      `data.file_parts (${upload.data.file_parts.join(', ')}) must name the files given (${names.join(', ')})`,
    );
  }
  if (upload.data.primary_file !== undefined && !names.includes(upload.data.primary_file)) {
    throw new UploadError(
      `primary_file "${upload.data.primary_file}" is not one of ${names.join(', ')}`,
    );
  }
  const data: CreatableVersion = { ...upload.data, file_parts: names };
  return buildMultipart([dataPart(data), ...parts], boundary);
}

/**
 * Creates a version with its files (`POST /version`, multipart: a JSON
 * `data` part, then the file parts).
 */
export async function uploadVersion(
  client: OperationTarget,
  upload: CreateVersionUpload,
  options?: OperationOptions,
): Promise<Version> {
  const multipart = createVersionBody(upload);
  return (await sendRaw(
    client,
    { method: 'POST', url: '/version' },
    [],
    { body: multipart.body },
    withContentType(options, multipart.contentType),
  )) as Version;
}

/** The body of {@link uploadProject}: project metadata and an optional icon. */
export interface CreateProjectUpload {
  /** Project metadata, sent as the JSON `data` part. */
  data: CreatableProject;
  /** Optional project icon (png, jpg, ...). */
  icon?: UploadFile | undefined;
}

/** Builds the multipart body of `createProject`: `data` (JSON) and an optional `icon` part. */
export function createProjectBody(upload: CreateProjectUpload, boundary?: string): MultipartBody {
  const parts: MultipartPart[] = [dataPart(upload.data)];
  if (upload.icon) {
    parts.push({
      name: 'icon',
      filename: fileName(upload.icon),
      contentType: imageContentType(imageExt(upload.icon)),
      data: fileData(upload.icon),
    });
  }
  return buildMultipart(parts, boundary);
}

/** Creates a project with its optional icon (`POST /project`, multipart). */
export async function uploadProject(
  client: OperationTarget,
  upload: CreateProjectUpload,
  options?: OperationOptions,
): Promise<Project> {
  const multipart = createProjectBody(upload);
  return (await sendRaw(
    client,
    { method: 'POST', url: '/project' },
    [],
    { body: multipart.body },
    withContentType(options, multipart.contentType),
  )) as Project;
}

/** The body of {@link uploadVersionFiles}: the files to add and optional extra `data`. */
export interface AddFilesUpload {
  /** At least one file. */
  files: readonly UploadFile[];
  /** Extra `data` (e.g. `file_types`); sent as the JSON `data` part. @default {} */
  data?: Record<string, unknown> | undefined;
}

/** Builds the multipart body of `addFilesToVersion`: `data` (JSON) and one part per file. */
export function addFilesToVersionBody(upload: AddFilesUpload, boundary?: string): MultipartBody {
  if (!upload.files.length) throw new UploadError('uploadVersionFiles needs at least one file');
  return buildMultipart([dataPart(upload.data ?? {}), ...fileParts(upload.files)], boundary);
}

/** Adds files to a version (`POST /version/{id}/file`, multipart). */
export async function uploadVersionFiles(
  client: OperationTarget,
  versionId: string,
  upload: AddFilesUpload,
  options?: OperationOptions,
): Promise<void> {
  const multipart = addFilesToVersionBody(upload);
  await sendRaw(
    client,
    { method: 'POST', url: '/version/{id}/file', path: ['id'] },
    [versionId],
    { body: multipart.body },
    withContentType(options, multipart.contentType),
  );
}

/** An image, sent as it is. */
export type ImageData = Blob | Uint8Array | ArrayBuffer;

/** Input of {@link uploadProjectIcon}: the image and its extension. */
export interface ProjectIconUpload {
  ext: ImageExtension;
  body: ImageData;
}

/** Changes a project's icon (`PATCH /project/{id|slug}/icon`), with `Content-Type` from `ext`. */
export async function uploadProjectIcon(
  client: OperationTarget,
  idOrSlug: string,
  input: ProjectIconUpload,
  options?: OperationOptions,
): Promise<void> {
  await sendRaw(
    client,
    { method: 'PATCH', url: '/project/{idOrSlug}/icon', path: ['idOrSlug'], query: ['ext'] },
    [idOrSlug],
    input as unknown as Record<string, unknown>,
    withContentType(options, imageContentType(input.ext)),
  );
}

/** Input of {@link uploadGalleryImage}: the image, its extension and the gallery fields. */
export type GalleryImageUpload = OperationInput<AddGalleryImageData['query']> & { body: ImageData };

/** Adds a gallery image (`POST /project/{id|slug}/gallery`), with `Content-Type` from `ext`. */
export async function uploadGalleryImage(
  client: OperationTarget,
  idOrSlug: string,
  input: GalleryImageUpload,
  options?: OperationOptions,
): Promise<void> {
  await sendRaw(
    client,
    {
      method: 'POST',
      url: '/project/{idOrSlug}/gallery',
      path: ['idOrSlug'],
      query: ['ext', 'featured', 'title', 'description', 'ordering'],
    },
    [idOrSlug],
    input as unknown as Record<string, unknown>,
    withContentType(options, imageContentType(input.ext)),
  );
}

/** Input of {@link uploadUserIcon}: the image; `ext` unless it is a `File` with an image name. */
export interface UserIconUpload {
  body: File | ImageData;
  ext?: ImageExtension | undefined;
}

/**
 * Changes a user's avatar (`PATCH /user/{id|username}/icon`). The operation
 * has no `ext`; give it here (or a `File` with an image name) so the right
 * `Content-Type` is sent.
 */
export async function uploadUserIcon(
  client: OperationTarget,
  idOrUsername: string,
  input: UserIconUpload,
  options?: OperationOptions,
): Promise<void> {
  const { ext, body } = input;
  if (!ext && !(typeof File !== 'undefined' && body instanceof File)) {
    throw new UploadError('uploadUserIcon: pass ext (png, jpg, ...) or a File with an image name');
  }
  const e = ext ?? imageExt(body as File);
  await sendRaw(
    client,
    { method: 'PATCH', url: '/user/{idOrUsername}/icon', path: ['idOrUsername'] },
    [idOrUsername],
    { body },
    withContentType(options, imageContentType(e)),
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
