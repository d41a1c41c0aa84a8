import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { describe } from 'vitest';

/** Debian's redis-server, if installed (`.ci/run` installs it). */
function findRedisServer(): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim() ||
      undefined
    );
  } catch {
    return undefined;
  }
}

export const redisServerPath = findRedisServer();
/** Why the Redis tests are skipped, or undefined when they run. */
export const redisSkipReason = redisServerPath
  ? undefined
  : 'redis-server is not installed (apt-get install redis-server; .ci/run does)';

/** `describe` when redis-server is installed; otherwise the suite is reported as skipped, the reason in its title. */
export const describeRedis = redisSkipReason
  ? (title: string, fn: () => void) => describe.skip(`${title} [skipped: ${redisSkipReason}]`, fn)
  : describe;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface RedisServer {
  url: string;
  port: number;
  /** SIGKILLs the server (a crash), and waits for it to be gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** A throwaway redis-server on 127.0.0.1 and a free port: no persistence, stopped by `stop()`. */
export async function startRedis(): Promise<RedisServer> {
  if (!redisServerPath) throw new Error(redisSkipReason);
  const port = await freePort();
  let child: ChildProcess | undefined;
  const launch = async () => {
    child = spawn(
      redisServerPath as string,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const probe = new Redis({
      port,
      host: '127.0.0.1',
      lazyConnect: true,
      maxRetriesPerRequest: 0,
    });
    probe.on('error', () => {});
    for (let i = 0; i < 100; i++) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        probe.disconnect();
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    throw new Error(`redis-server did not answer on port ${port}`);
  };
  const end = async (signal: NodeJS.Signals) => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: () => end('SIGKILL'),
    restart: launch,
    stop: () => end('SIGTERM'),
  };
}
