import { CoreError } from '@x/core';
import type { Options } from './generated/sdk.gen.js';
import {
  addFilesToVersion as addFilesToVersionGenerated,
  addGalleryImage as addGalleryImageGenerated,
  changeProjectIcon as changeProjectIconGenerated,
  changeUserIcon as changeUserIconGenerated,
  createProject as createProjectGenerated,
  createVersion as createVersionGenerated,
} from './generated/sdk.gen.js';
import type {
  AddFilesToVersionData,
  AddGalleryImageData,
  ChangeProjectIconData,
  ChangeUserIconData,
  CreatableProject,
  CreatableVersion,
  CreateProjectData,
  CreateVersionData,
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
export class UploadError extends CoreError {}

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

type HeadersOption = Options['headers'];

/** The caller's headers with `Content-Type` set (a per-call `prefer`, say, survives). */
function withContentType(headers: HeadersOption, contentType: string): Record<string, string> {
  // A plain object: the generated functions spread `options.headers`.
  const out: Record<string, string> = {};
  const entries =
    headers instanceof Headers || Array.isArray(headers)
      ? [...new Headers(headers as HeadersInit)]
      : Object.entries(headers ?? {});
  for (const [k, v] of entries) {
    if (v === undefined || v === null || k.toLowerCase() === 'content-type') continue;
    out[k] = Array.isArray(v) ? v.join(', ') : String(v);
  }
  out['Content-Type'] = contentType;
  return out;
}

function multipartOptions(multipart: MultipartBody, headers: HeadersOption) {
  return {
    body: multipart.body as never,
    bodySerializer: null,
    headers: withContentType(headers, multipart.contentType),
  };
}

/** The body of {@link uploadVersion}: version metadata and its files. */
export interface CreateVersionUpload {
  /** Version metadata; `file_parts` is filled in from `files`. */
  data: Omit<CreatableVersion, 'file_parts'> & { file_parts?: string[] };
  /** At least one file (`.jar`, `.mrpack`, ...). */
  files: readonly UploadFile[];
}

/** Options for {@link uploadVersion}: the generated operation's, with a {@link CreateVersionUpload} body. */
export type UploadVersionOptions = Omit<Options<CreateVersionData, true>, 'body'> & {
  body: CreateVersionUpload;
};

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

/** `createVersion` with its files: the multipart body built by hand (a JSON `data` part, then the file parts). */
export function uploadVersion(options: UploadVersionOptions): Promise<Version> {
  const { body, ...rest } = options;
  return createVersionGenerated({
    ...rest,
    ...multipartOptions(createVersionBody(body), rest.headers),
  });
}

/** The body of {@link uploadProject}: project metadata and an optional icon. */
export interface CreateProjectUpload {
  /** Project metadata, sent as the JSON `data` part. */
  data: CreatableProject;
  /** Optional project icon (png, jpg, ...). */
  icon?: UploadFile;
}

/** Options for {@link uploadProject}: the generated operation's, with a {@link CreateProjectUpload} body. */
export type UploadProjectOptions = Omit<Options<CreateProjectData, true>, 'body'> & {
  body: CreateProjectUpload;
};

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

/** `createProject` with its optional icon: the multipart body built by hand. */
export function uploadProject(options: UploadProjectOptions): Promise<Project> {
  const { body, ...rest } = options;
  return createProjectGenerated({
    ...rest,
    ...multipartOptions(createProjectBody(body), rest.headers),
  });
}

/** The body of {@link uploadVersionFiles}: the files to add and optional extra `data`. */
export interface AddFilesUpload {
  /** At least one file. */
  files: readonly UploadFile[];
  /** Extra `data` (e.g. `file_types`); sent as the JSON `data` part. @default {} */
  data?: Record<string, unknown>;
}

/** Options for {@link uploadVersionFiles}: the generated operation's, with an {@link AddFilesUpload} body. */
export type UploadVersionFilesOptions = Omit<Options<AddFilesToVersionData, true>, 'body'> & {
  body: AddFilesUpload;
};

/** Builds the multipart body of `addFilesToVersion`: `data` (JSON) and one part per file. */
export function addFilesToVersionBody(upload: AddFilesUpload, boundary?: string): MultipartBody {
  if (!upload.files.length) throw new UploadError('uploadVersionFiles needs at least one file');
  return buildMultipart([dataPart(upload.data ?? {}), ...fileParts(upload.files)], boundary);
}

/** `addFilesToVersion`: the multipart body built by hand. */
export function uploadVersionFiles(options: UploadVersionFilesOptions): Promise<void> {
  const { body, ...rest } = options;
  return createVoid(
    addFilesToVersionGenerated({
      ...rest,
      ...multipartOptions(addFilesToVersionBody(body), rest.headers),
    }),
  );
}

async function createVoid(p: Promise<unknown>): Promise<void> {
  await p;
}

function rawImage(
  body: Blob | Uint8Array | ArrayBuffer,
  ext: ImageExtension,
  headers: HeadersOption,
) {
  return {
    body: body as never,
    bodySerializer: null,
    headers: withContentType(headers, imageContentType(ext)),
  };
}

/** The raw image body of the icon and gallery uploads, sent as-is. */
export type ImageBody = { body: Blob | Uint8Array | ArrayBuffer };

/** `changeProjectIcon`: the raw image, with `Content-Type` from `query.ext`. */
export function uploadProjectIcon(
  options: Omit<Options<ChangeProjectIconData, true>, 'body'> & ImageBody,
): Promise<void> {
  return createVoid(
    changeProjectIconGenerated({
      ...options,
      ...rawImage(options.body, options.query.ext, options.headers),
    }),
  );
}

/** `addGalleryImage`: the raw image, with `Content-Type` from `query.ext`. */
export function uploadGalleryImage(
  options: Omit<Options<AddGalleryImageData, true>, 'body'> & ImageBody,
): Promise<void> {
  return createVoid(
    addGalleryImageGenerated({
      ...options,
      ...rawImage(options.body, options.query.ext, options.headers),
    }),
  );
}

/**
 * `changeUserIcon`, a user's avatar. The operation has no `ext`; give it here (or a
 * `File` with an image name) so the right `Content-Type` is sent.
 */
export function uploadUserIcon(
  options: Omit<Options<ChangeUserIconData, true>, 'body'> & {
    body: File | Blob | Uint8Array | ArrayBuffer;
    ext?: ImageExtension;
  },
): Promise<void> {
  const { ext, ...rest } = options;
  if (!ext && !(typeof File !== 'undefined' && options.body instanceof File)) {
    throw new UploadError('uploadUserIcon: pass ext (png, jpg, ...) or a File with an image name');
  }
  const e = ext ?? imageExt(options.body as File);
  return createVoid(
    changeUserIconGenerated({ ...rest, ...rawImage(options.body, e, rest.headers) }),
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
