// Runs the latency comparison in a fresh process (nothing else loaded) and
// prints the results as JSON.
import { makeClients } from './clients.ts';
import { measureLatency } from './latency.ts';
import { startServer } from './spawn.ts';

const [rounds = '25', block = '200'] = process.argv.slice(2);
const server = await startServer();
try {
  const results = await measureLatency(makeClients(server.url), {
    rounds: Number(rounds),
    block: Number(block),
    warmup: 300,
  });
  process.stdout.write(JSON.stringify(results));
} finally {
  server.stop();
}
