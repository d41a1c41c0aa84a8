#!/usr/bin/env node
// Signals are caught before anything heavy loads, so Ctrl-C at any moment
// ends with exit code 130 and "interrupted", never a half-started state.
import { installInterruptHandlers } from './lib/interrupt.js';

installInterruptHandlers();
const { main } = await import('./main.js');
process.exitCode = await main(process.argv);
