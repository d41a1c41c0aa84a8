import { MultiBar, Presets, type SingleBar } from 'cli-progress';

export interface Progress {
  /** A bar for one file; `total` in bytes when known. */
  file(
    name: string,
    total?: number,
  ): { update(received: number, total?: number): void; done(): void };
  stop(): void;
}

/** Silent when stderr is not a terminal (pipes, CI, --json). */
const silent: Progress = {
  file: () => ({ update() {}, done() {} }),
  stop() {},
};

/** `1.5 MB`, `320 KB`, `12 B`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/**
 * One bar per file (bytes, speed, time left) plus an overall bar, on a
 * terminal only: `enabled` is false for pipes, CI and --json.
 */
export function createProgress(
  enabled: boolean,
  files: number,
  stream: NodeJS.WritableStream = process.stderr,
): Progress {
  if (!enabled) return silent;
  const multi = new MultiBar(
    {
      stream,
      format: ' {bar} {percentage}% | {got} of {size} | {speed} | ETA {eta_formatted} | {name}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  const overall: SingleBar = multi.create(files, 0, {
    name: `overall (${files} files)`,
    got: '0',
    size: String(files),
    speed: '',
  });
  let finished = 0;
  return {
    file(name, total) {
      const started = Date.now();
      const bar = multi.create(total ?? 1, 0, {
        name,
        got: formatBytes(0),
        size: total ? formatBytes(total) : '?',
        speed: '-',
      });
      return {
        update(received, t) {
          if (t && t !== bar.getTotal()) bar.setTotal(t);
          const seconds = Math.max((Date.now() - started) / 1000, 0.001);
          bar.update(received, {
            got: formatBytes(received),
            size: formatBytes(t ?? total ?? received),
            speed: `${formatBytes(received / seconds)}/s`,
          });
        },
        done() {
          bar.update(bar.getTotal());
          finished++;
          overall.increment({ got: String(finished) });
        },
      };
    },
    stop: () => multi.stop(),
  };
}
