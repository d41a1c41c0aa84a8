// The experiment BENCHMARKS.md cites for what the limiter costs a browser's
// first load: its "as shipped" build from the sources must weigh what the
// packed packages do (else its other numbers say nothing of them), and its
// "empty limiter" build must have lost the limiter and nothing else.
import { expect, it } from 'vitest';
import { AS_SHIPPED, BUNDLES, bundleSize, NO_LIMITER } from './bundle.ts';
import { limiterExperiment } from './bundle-experiment.ts';

/** Text only @x/core's limiter holds (its slow-wait reports). */
const LIMITER_MARKERS = ["the API's token bucket is empty", 'your own maxConcurrent'];

it('as shipped, from the sources, weighs what the built packages do; the empty limiter drops only the limiter', async () => {
  const results = await limiterExperiment();
  const named = (name: string) => {
    const found = results.find((b) => b.name === name);
    if (!found) throw new Error(`no bundle named ${name}`);
    return found;
  };
  for (const call of ['@x/modrinth getProject', '@x/itch getGame']) {
    const dist = await bundleSize(call, BUNDLES[call] as string);
    const shipped = named(`${call}, ${AS_SHIPPED}`);
    const empty = named(`${call}, ${NO_LIMITER}`);
    // Within 2% of the packed build's initial load (esbuild's chunking of dist and sources differ slightly).
    expect(Math.abs(shipped.initialGzip - dist.initialGzip)).toBeLessThan(dist.initialGzip * 0.02);
    for (const marker of LIMITER_MARKERS) {
      expect(shipped.initialCode, marker).toContain(marker);
      expect(empty.initialCode, marker).not.toContain(marker);
    }
    // Only the limiter went: the failure path is still loaded lazily, the same code.
    expect(empty.lazyMinified).toBe(shipped.lazyMinified);
    expect(empty.initialMinified).toBeLessThan(shipped.initialMinified - 5000);
  }
}, 120_000);
