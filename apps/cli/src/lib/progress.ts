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

/** One bar per file plus an overall bar, on stderr. */
export function createProgress(enabled: boolean, files: number): Progress {
  if (!enabled) return silent;
  const multi = new MultiBar(
    {
      stream: process.stderr,
      format: ' {bar} {percentage}% | {name}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
    },
    Presets.shades_classic,
  );
  const overall: SingleBar = multi.create(files, 0, { name: `overall (${files} files)` });
  return {
    file(name, total) {
      const bar = multi.create(total ?? 1, 0, { name });
      return {
        update(received, t) {
          if (t && t !== bar.getTotal()) bar.setTotal(t);
          bar.update(received);
        },
        done() {
          bar.update(bar.getTotal());
          overall.increment();
        },
      };
    },
    stop: () => multi.stop(),
  };
}
