// The generator plugin that writes each operation of a spec twice, from the
// spec alone (nothing per operation is written by hand):
//
// - `operations.gen.ts`: a standalone, tree-shakable function per operation,
//   `getProject(client, idOrSlug, options?)`;
// - `models.gen.ts`: the schemas' types alone, for an SDK's main entry;
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

/** hey-api's own PascalCase (set by the plugin from the package given to it). */
let pascal = (text) => text;

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

/**
 * A schema as the type text an editor should show (`Project`, `Version[]`,
 * `string`), or `undefined` where only the generated types can say it:
 * signatures are written with these, since quick info prints a parameter's
 * or result's type as declared (an indexed access stays one).
 */
function typeText(schema, refs) {
  if (!schema) return undefined;
  if (schema.$ref) {
    const name = pascal(schema.$ref.split('/').pop());
    refs.add(name);
    return name;
  }
  if (schema.enum || schema.const !== undefined || schema.logicalOperator) return undefined;
  switch (schema.type) {
    case 'string':
    case 'boolean':
    case 'void':
      return schema.type;
    case 'integer':
    case 'number':
      return 'number';
    case 'array': {
      if (!Array.isArray(schema.items) || schema.items.length !== 1) return undefined;
      const item = typeText(schema.items[0], refs);
      return item && /^[A-Za-z0-9_]+$/.test(item) ? `${item}[]` : undefined;
    }
    default:
      return undefined;
  }
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
    const refs = new Set();
    const type = typeText(parameter.schema, refs) ?? `${typeBase}Data['path']['${name}']`;
    return {
      name,
      type,
      refs,
      description: parameter.description ?? parameter.schema?.description,
    };
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
  const refs = new Set(positional.flatMap((p) => [...p.refs]));
  const texts = successCodes.map((code) => typeText(operation.responses[code].schema, refs));
  let result = 'unknown';
  if (successCodes.length && texts.every(Boolean)) result = [...new Set(texts)].join(' | ');
  else if (successCodes.length) result = `${typeBase}Responses[${successCodes.join(' | ')}]`;

  // A named type per input (`GetProjectVersionsInput`): what quick info shows.
  let inputType;
  let inputAlias;
  if (inputTypes.length > 0) {
    const combined = inputTypes.join(' & ');
    inputType = `${typeBase}Input`;
    inputAlias = config.camelCaseInput
      ? `OperationInput<CamelInput<${combined}>>`
      : `OperationInput<${combined}>`;
  }

  const docs = [];
  if (operation.summary) docs.push(commentText(operation.summary));
  if (operation.description) {
    // In-page links of the API's docs (`#operation/versionFromHash`) point at that operation's page.
    const description = operation.description.replace(
      /\]\(#operation\/(\w+)\)/g,
      (whole, target) => {
        const url = config.docsUrl?.({ id: target, method: '', path: '' });
        return url ? `](${url})` : whole;
      },
    );
    docs.push('', commentText(description));
  }
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
  // An arrow, not `${serializer}.bodySerializer`: a bundler keeps a spec
  // that reads a property at load time (a getter may run), and with it the
  // spec's shapes, even in a bundle that never calls the operation.
  if (serializer) spec.push(`bodySerializer: (body) => ${serializer}.bodySerializer(body)`);
  if (operation.security?.length) spec.push('secured: true');
  // The SDK's own handling of this operation's answer (itch's normaliser),
  // named by the component schema of its success response.
  const responseRefs = successCodes.map((code) => operation.responses[code].schema?.$ref);
  const responseSchema =
    responseRefs.length === 1 && responseRefs[0] ? responseRefs[0].split('/').pop() : undefined;
  const response = config.response?.({ id, schema: responseSchema });
  if (response) spec.push(`response: ${response}`);

  return {
    id,
    typeBase,
    positional,
    inputType,
    inputAlias,
    inputRequired,
    result,
    refs,
    docs,
    spec,
    serializer,
  };
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
  for (const p of op.positional) list.push(`${p.name}: ${p.type}`);
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

/** The generated type names a piece of text refers to. */
function typesUsed(ops, text) {
  const names = new Set();
  for (const op of ops) {
    for (const name of [`${op.typeBase}Data`, `${op.typeBase}Responses`, ...op.refs]) {
      if (new RegExp(`\\b${name}\\b`).test(text)) names.add(name);
    }
  }
  return [...names].sort();
}

function operationsFile(ops, imports) {
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
  let body = '';
  for (const op of ops) {
    if (op.inputType) {
      body += `\n/** The query and body fields of {@link ${op.id}}. */\n`;
      body += `export type ${op.inputType} = ${op.inputAlias};\n`;
    }
    body += `\nconst ${op.id}Spec: OperationSpec = { ${op.spec.join(', ')} };\n\n`;
    body += docComment(op.docs, '');
    body += `export function ${op.id}(${parameters(op, { withTarget: true })}): Promise<${op.result}> {\n`;
    body += `  return callOperation(${callArguments(op, `client, ${op.id}Spec`)}) as Promise<${op.result}>;\n}\n`;
  }
  let out = HEADER;
  out += `\nimport { ${coreImports.join(', ')} } from '@x/core/client';\n`;
  for (const line of imports) out += `${line}\n`;
  out += `import type { ${typesUsed(ops, body).join(', ')} } from './types.gen.js';\n`;
  return out + body;
}

function methodsFile(ops, className) {
  let out = '';
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
  const inputs = ops.filter((op) => op.inputType).map((op) => op.inputType);
  let head = HEADER;
  head += `\nimport type { Client, OperationOptions } from '@x/core/client';\n`;
  head += `import * as operations from './operations.gen.js';\n`;
  head += `import type { ${inputs.join(', ')} } from './operations.gen.js';\n`;
  head += `import type { ${typesUsed(ops, out).join(', ')} } from './types.gen.js';\n\n`;
  return head + out;
}

/**
 * The types of the spec's schemas alone (`Project`, `Version`...), without
 * the per-operation `*Data`/`*Errors`/`*Responses`: what an SDK's main entry
 * exports.
 */
function modelsFile(schemas) {
  const names = [...new Set(schemas.map((name) => pascal(name)))].sort();
  return `${HEADER}\nexport type {\n${names.map((n) => `  ${n},`).join('\n')}\n} from './types.gen.js';\n`;
}

/** @param {typeof import('@hey-api/openapi-ts')} heyApi */
export function xOperations(heyApi) {
  pascal = (text) => heyApi.toCase(text, 'PascalCase');
  return heyApi.definePluginConfig({
    config: {
      className: 'Operations',
      exclude: [],
      camelCaseInput: false,
      docsUrl: undefined,
      imports: [],
      response: undefined,
    },
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
      let functions = operationsFile(ops, plugin.config.imports);
      if (!functions.includes('CamelInput<')) {
        functions = functions.replace('type CamelInput, ', '');
      }
      writeFileSync(path.join(dir, 'operations.gen.ts'), functions);
      writeFileSync(path.join(dir, 'methods.gen.ts'), methodsFile(ops, plugin.config.className));
      const schemas = Object.keys(plugin.context.ir.components?.schemas ?? {});
      writeFileSync(path.join(dir, 'models.gen.ts'), modelsFile(schemas));
    },
    name: NAME,
  });
}
