import { describe, expect, it } from 'vitest';
import { OPERATION_RESPONSES, routeOf } from './helpers/operation-responses.js';
import { specDoc } from './helpers/schema-walk.js';

describe('the operation table the normaliser uses', () => {
  it('is exactly the spec: operationId, method, path and 200 schema', () => {
    const fromSpec = Object.entries<
      Record<
        string,
        {
          operationId: string;
          responses: { 200: { content: { 'application/json': { schema: { $ref?: string } } } } };
        }
      >
    >(specDoc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => {
        const ref = op.responses[200].content['application/json'].schema.$ref;
        return [op.operationId, method.toUpperCase(), path, ref ? ref.split('/').pop() : null];
      }),
    );
    expect(OPERATION_RESPONSES.map((r) => [...r])).toEqual(fromSpec);
  });

  it('finds every operation by the method and path template its generated function sends', () => {
    for (const [operationId, method, path] of OPERATION_RESPONSES) {
      expect(routeOf(method, path)?.operationId).toBe(operationId);
    }
  });
});
