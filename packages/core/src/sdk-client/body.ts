/** Serialisers the generated operations spread into their options (as hey-api's client exports them). */

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function appendPart(form: FormData, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (value instanceof Blob) form.append(key, value);
  else if (typeof value === 'object') form.append(key, JSON.stringify(value));
  else form.append(key, String(value));
}

/** `multipart/form-data`: each field a part, lists as repeated parts, objects as JSON. */
export const formDataBodySerializer = {
  bodySerializer: (body: unknown): FormData => {
    const form = new FormData();
    if (isPlain(body)) {
      for (const [key, value] of Object.entries(body)) {
        if (Array.isArray(value)) for (const item of value) appendPart(form, key, item);
        else appendPart(form, key, value);
      }
    }
    return form;
  },
};

/** `application/x-www-form-urlencoded`: each field `key=value`, lists repeated. */
export const urlSearchParamsBodySerializer = {
  bodySerializer: (body: unknown): string => {
    const params = new URLSearchParams();
    if (isPlain(body)) {
      for (const [key, value] of Object.entries(body)) {
        for (const item of Array.isArray(value) ? value : [value]) {
          if (item === undefined || item === null) continue;
          params.append(key, typeof item === 'object' ? JSON.stringify(item) : String(item));
        }
      }
    }
    return params.toString();
  },
};

/** JSON (the default for object bodies). */
export const jsonBodySerializer = {
  bodySerializer: (body: unknown): string => JSON.stringify(body),
};

/** A body `fetch` can send as it is. */
export function isRawBody(body: unknown): boolean {
  return (
    typeof body === 'string' ||
    body instanceof Blob ||
    body instanceof FormData ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  );
}
