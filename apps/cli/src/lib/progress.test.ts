import { PassThrough } from 'node:stream';
import { expect, test } from 'vitest';
import { createProgress, formatBytes } from './progress.ts';

test('formatBytes', () => {
  expect(formatBytes(12)).toBe('12 B');
  expect(formatBytes(320 * 1024)).toBe('320 KB');
  expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
});

test('on a terminal: bytes, speed and time left per file', async () => {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 160 });
  let written = '';
  stream.on('data', (c) => {
    written += c;
  });
  const progress = createProgress(true, 1, stream);
  const bar = progress.file('sodium.jar', 2 * 1024 * 1024);
  bar.update(1024 * 1024, 2 * 1024 * 1024);
  await new Promise((r) => setTimeout(r, 150));
  bar.done();
  progress.stop();
  expect(written).toMatch(/1\.0 MB of 2\.0 MB \| [\d.]+ (B|KB|MB)\/s \| ETA \S+ \| sodium\.jar/);
});

test('off a terminal: nothing at all', () => {
  const stream = new PassThrough();
  let written = '';
  stream.on('data', (c) => {
    written += c;
  });
  const progress = createProgress(false, 1, stream);
  progress.file('a.jar', 10).update(5, 10);
  progress.stop();
  expect(written).toBe('');
});
