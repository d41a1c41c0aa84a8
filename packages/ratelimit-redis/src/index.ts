export type { RedisBudgetOptions } from './redis-budget.js';
export { RedisRateLimitStore, type RedisRateLimitStoreOptions } from './store.js';
