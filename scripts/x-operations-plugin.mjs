// The generator plugin that writes each operation of a spec twice, from the
// spec alone (nothing per operation is written by hand):
//
// - `operations.gen.ts`: a standalone, tree-shakable function per operation,
//   `getProject(client, idOrSlug, options?)`;
// - `methods.gen.ts`: a class with the same operations as methods,
//   `modrinth.getProject(idOrSlug, options?)`, which an SDK's client extends
//   with its hand-written helpers.
//
// Both have the same shape: the path parameters positional in the path's
// order, then one object with the query and body fields (when the operation
// has any), then the per-call options of @x/core (`signal`, `timeoutMs`,
// `headers`, `retry`). They resolve to the operation's success type
// (`Promise<Project>`), named by the `@hey-api/typescript` plugin's types, and
// carry the spec's summary, description, method and path, and a link to the
// API's documentation. At run time each is one `callOperation` of
// `@x/core/client` with a small description of the route.
//
// The files are written by this plugin's handler (hey-api has cleaned the
// output folder before plugins run): the code is plain text, which keeps the
// plugin short and readable next to hey-api's own AST-building plugins.
//
// Options:
// - `className`: the methods class (`ModrinthOperations`);
// - `exclude`: operationIds left out (an SDK replaces them by hand-written
//   helpers, e.g. multipart uploads the generator cannot describe);
// - `camelCaseInput`: the input's keys are camelCase and mapped to the wire's
//   snake_case names (itch);
// - `docsUrl(operation)`: the link in each doc comment.

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const NAME = 'x-operations';

/** @param {string} text */
function pascal(text) {
  return text
    .replace(/[^A-Za-z0-9]+(.)/g, (_, c) => c.toUpperCase())
    .replace(/^./, (c) => c.toUpperCase());
}

/** @param {string} name */
function camel(name) {
  return name.replace(/_+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase());
}

/** A doc comment's text, safe inside `/** ... *\/`. */
function commentText(text) {
  return String(text ?? '')
    .replace(/\*\//g, '*\\/')
    .trim();
}

/** @param {string[]} lines @param {string} indent */
function docComment(lines, indent) {
  const body = lines
    .flatMap((line) => line.split('\n'))
    .map((l) => `${indent} *${l ? ` ${l}` : ''}`);
  return `${indent}/**\n${body.join('\n')}\n${indent} */\n`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const key = (name) => (IDENTIFIER.test(name) ? name : JSON.stringify(name));

/** The schema's properties, through `$ref`s and `allOf`s. */
function propertiesOf(schema, context, seen = new Set()) {
  if (!schema) return undefined;
  if (schema.$ref) {
    if (seen.has(schema.$ref)) return undefined;
    seen.add(schema.$ref);
    return propertiesOf(context.resolveIrRef(schema.$ref), context, seen);
  }
  if (schema.properties) return Object.keys(schema.properties);
  if (schema.logicalOperator === 'and' && Array.isArray(schema.items)) {
    const all = schema.items.map((item) => propertiesOf(item, context, seen));
    if (all.every(Boolean)) return [...new Set(all.flat())];
  }
  return undefined;
}

/** Describes one IR operation for both files. */
function describe(operation, plugin) {
  const { config } = plugin;
  const context = plugin.context;
  const id = operation.id;
  const typeBase = pascal(id);
  const pathParams = Object.values(operation.parameters?.path ?? {});
  // Path order, not declaration order: `/a/{x}/b/{y}` -> (x, y).
  const order = [...operation.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const positional = order.map((name) => {
    const parameter = pathParams.find((p) => p.name === name);
    if (!parameter) throw new Error(`${NAME}: ${id} has no path parameter ${name}`);
    if (!IDENTIFIER.test(name)) {
      throw new Error(`${NAME}: ${id}'s path parameter ${name} is no identifier`);
    }
    return { name, description: parameter.description ?? parameter.schema?.description };
  });
  for (const location of ['header', 'cookie']) {
    if (Object.keys(operation.parameters?.[location] ?? {}).length > 0) {
      throw new Error(`${NAME}: ${id} has ${location} parameters, which the methods do not take`);
    }
  }
  const inputKey = (wire) => (config.camelCaseInput ? camel(wire) : wire);

  const queryParams = Object.values(operation.parameters?.query ?? {});
  const query = Object.fromEntries(queryParams.map((p) => [inputKey(p.name), p.name]));
  let inputRequired = queryParams.some((p) => p.required);

  const inputTypes = [];
  if (queryParams.length > 0) inputTypes.push(`NonNullable<${typeBase}Data['query']>`);

  let body;
  let contentType;
  let serializer;
  if (operation.body) {
    const { type, mediaType } = operation.body;
    if (operation.body.required) inputRequired = true;
    const fields =
      type === 'json' || type === 'form-data' || type === 'url-search-params'
        ? propertiesOf(operation.body.schema, context)
        : undefined;
    if (fields) {
      body = Object.fromEntries(fields.map((f) => [inputKey(f), f]));
      for (const name of Object.keys(body)) {
        if (name in query) throw new Error(`${NAME}: ${id} has ${name} in its query and body`);
      }
      inputTypes.push(`NonNullable<${typeBase}Data['body']>`);
    } else {
      body = 'body';
      inputTypes.push(
        operation.body.required
          ? `{ body: ${typeBase}Data['body'] }`
          : `{ body?: ${typeBase}Data['body'] }`,
      );
    }
    if (type === 'form-data') serializer = 'formDataBodySerializer';
    else if (type === 'url-search-params') {
      serializer = 'urlSearchParamsBodySerializer';
      contentType = 'application/x-www-form-urlencoded';
    } else if (type !== 'json' && mediaType) contentType = mediaType;
  }

  const successCodes = Object.keys(operation.responses ?? {}).filter((code) => /^2/.test(code));
  const result = successCodes.length
    ? `${typeBase}Responses[${successCodes.join(' | ')}]`
    : 'unknown';

  let inputType;
  if (inputTypes.length > 0) {
    const combined = inputTypes.join(' & ');
    inputType = config.camelCaseInput
      ? `OperationInput<CamelInput<${combined}>>`
      : `OperationInput<${combined}>`;
  }

  const docs = [];
  if (operation.summary) docs.push(commentText(operation.summary));
  if (operation.description) docs.push('', commentText(operation.description));
  docs.push('', `\`${operation.method.toUpperCase()} ${operation.path}\``);
  if (operation.deprecated) docs.push('', '@deprecated');
  for (const p of positional) {
    docs.push(`@param ${p.name} ${commentText(p.description ?? '')}`.trimEnd());
  }
  if (inputType) docs.push('@param input The query and body fields.');
  docs.push('@param options Per-call options: `signal`, `timeoutMs`, `headers`, `retry`.');
  const url = config.docsUrl?.(operation);
  if (url) docs.push(`@see {@link ${url} | API documentation}`);

  const spec = [`method: '${operation.method.toUpperCase()}'`, `url: '${operation.path}'`];
  if (positional.length) spec.push(`path: [${positional.map((p) => `'${p.name}'`).join(', ')}]`);
  if (queryParams.length) spec.push(`query: ${objectLiteral(query)}`);
  if (body === 'body') spec.push(`body: 'body'`);
  else if (body) spec.push(`body: ${objectLiteral(body)}`);
  if (contentType) spec.push(`contentType: '${contentType}'`);
  if (serializer) spec.push(`bodySerializer: ${serializer}.bodySerializer`);
  if (operation.security?.length) spec.push('secured: true');

  return { id, typeBase, positional, inputType, inputRequired, result, docs, spec, serializer };
}

function objectLiteral(record) {
  const entries = Object.entries(record);
  if (entries.every(([k, v]) => k === v)) return `[${entries.map(([k]) => `'${k}'`).join(', ')}]`;
  return `{ ${Object.entries(record)
    .map(([k, v]) => `${key(k)}: '${v}'`)
    .join(', ')} }`;
}

function parameters(op, { withTarget }) {
  const list = [];
  if (withTarget) list.push('client: OperationTarget');
  for (const p of op.positional) list.push(`${p.name}: ${op.typeBase}Data['path']['${p.name}']`);
  if (op.inputType) list.push(`input${op.inputRequired ? '' : '?'}: ${op.inputType}`);
  list.push('options?: OperationOptions');
  return list.join(', ');
}

function callArguments(op, target) {
  const path = `[${op.positional.map((p) => p.name).join(', ')}]`;
  return `${target}, ${path}, ${op.inputType ? 'input' : 'undefined'}, options`;
}

const HEADER =
  '// This file is auto-generated by scripts/x-operations-plugin.mjs (a @hey-api/openapi-ts plugin). Do not edit.\n';

function operationsFile(ops) {
  const types = ops.flatMap((op) => [
    ...(op.positional.length || op.inputType ? [`${op.typeBase}Data`] : []),
    ...(op.result === 'unknown' ? [] : [`${op.typeBase}Responses`]),
  ]);
  const serializers = [...new Set(ops.map((op) => op.serializer).filter(Boolean))];
  const coreImports = [
    'type CamelInput',
    'callOperation',
    'type OperationInput',
    'type OperationOptions',
    'type OperationSpec',
    'type OperationTarget',
    ...serializers,
  ];
  let out = HEADER;
  out += `\nimport { ${coreImports.join(', ')} } from '@x/core/client';\n`;
  out += `import type { ${[...new Set(types)].sort().join(', ')} } from './types.gen.js';\n`;
  for (const op of ops) {
    out += `\nconst ${op.id}Spec: OperationSpec = { ${op.spec.join(', ')} };\n\n`;
    out += docComment(op.docs, '');
    out += `export function ${op.id}(${parameters(op, { withTarget: true })}): Promise<${op.result}> {\n`;
    out += `  return callOperation(${callArguments(op, `client, ${op.id}Spec`)}) as Promise<${op.result}>;\n}\n`;
  }
  return out;
}

function methodsFile(ops, className) {
  const types = ops.flatMap((op) => [
    ...(op.positional.length || op.inputType ? [`${op.typeBase}Data`] : []),
    ...(op.result === 'unknown' ? [] : [`${op.typeBase}Responses`]),
  ]);
  let out = HEADER;
  out += `\nimport type { CamelInput, Client, OperationInput, OperationOptions } from '@x/core/client';\n`;
  out += `import * as operations from './operations.gen.js';\n`;
  out += `import type { ${[...new Set(types)].sort().join(', ')} } from './types.gen.js';\n\n`;
  out += docComment(
    [
      'Every operation of the API as a method (generated from the spec); the',
      "SDK's client extends it with its helpers.",
    ],
    '',
  );
  out += `export class ${className} {\n`;
  out += '  /** The `@x/core/client` client the operations send with. */\n';
  out += '  readonly transport: Client;\n\n';
  out += '  constructor(transport: Client) {\n    this.transport = transport;\n  }\n';
  for (const op of ops) {
    out += `\n${docComment(op.docs, '  ')}`;
    out += `  ${op.id}(${parameters(op, { withTarget: false })}): Promise<${op.result}> {\n`;
    const args = [
      'this',
      ...op.positional.map((p) => p.name),
      ...(op.inputType ? ['input'] : []),
      'options',
    ];
    out += `    return operations.${op.id}(${args.join(', ')});\n  }\n`;
  }
  out += '}\n';
  // `CamelInput` may be unused (an SDK without camelCase input).
  if (!out.includes('CamelInput<')) out = out.replace('CamelInput, ', '');
  return out;
}

/** @param {typeof import('@hey-api/openapi-ts')} heyApi */
export function xOperations(heyApi) {
  return heyApi.definePluginConfig({
    config: { className: 'Operations', exclude: [], camelCaseInput: false, docsUrl: undefined },
    dependencies: ['@hey-api/typescript'],
    handler: ({ plugin }) => {
      const ops = [];
      plugin.forEach('operation', ({ operation }) => {
        if (plugin.config.exclude.includes(operation.id)) return;
        ops.push(describe(operation, plugin));
      });
      const { output } = plugin.context.config;
      if (output.dryRun || plugin.context.config.dryRun) return;
      const dir = path.resolve(output.path);
      mkdirSync(dir, { recursive: true });
      let functions = operationsFile(ops);
      if (!functions.includes('CamelInput<')) {
        functions = functions.replace('type CamelInput, ', '');
      }
      writeFileSync(path.join(dir, 'operations.gen.ts'), functions);
      writeFileSync(path.join(dir, 'methods.gen.ts'), methodsFile(ops, plugin.config.className));
    },
    name: NAME,
  });
}
