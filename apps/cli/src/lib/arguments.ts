import { InvalidArgumentError } from 'commander';

/** Parsers for flag values: a bad value is a usage error (exit 2) before anything starts. */

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0)
    throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  return n;
}

/** A positive whole number up to `max`. */
export function limit(max: number): (value: string) => number {
  return (value) => {
    const n = positiveInt(value);
    if (n > max) throw new InvalidArgumentError(`at most ${max}, got ${n}`);
    return n;
  };
}

/** An absolute http(s) URL, e.g. `https://staging-api.modrinth.com/v2`. */
export function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(
      `"${value}" is not an absolute URL (e.g. https://api.modrinth.com/v2)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(`"${value}" is not an http(s) URL`);
  }
  return value;
}

export const collect = (value: string, previous: string[] = []) => [...previous, value];
