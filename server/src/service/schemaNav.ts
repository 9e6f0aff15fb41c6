// Finding the part of the JSON Schema that describes a path in the document (for hover and completion).
// The schema is imported here, not through schema.ts, which uses this module for its own checks.
import scopeSchema from '../../../schemas/scope.schema.json';
import { isRecord } from './model';
import type { Path } from './types';

export type SchemaNode = Readonly<Record<string, unknown>>;

const root = scopeSchema as unknown as SchemaNode;

function resolveRef(node: SchemaNode): SchemaNode {
  let current = node;
  for (let guard = 0; guard < 16 && typeof current.$ref === 'string'; guard++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) break;
    let target: unknown = root;
    for (const part of ref.slice(2).split('/')) target = isRecord(target) ? target[part] : undefined;
    if (!isRecord(target)) break;
    // Keep the referring node's own annotations (title, description) over the target's.
    const { $ref: _ref, ...own } = current;
    current = { ...target, ...own };
  }
  return current;
}

/** The schema alternatives (anyOf/oneOf branches flattened) for a node. */
function alternatives(node: SchemaNode): SchemaNode[] {
  const resolved = resolveRef(node);
  const branches: unknown[] = [resolved.anyOf, resolved.oneOf, resolved.allOf].flatMap((b): unknown[] =>
    Array.isArray(b) ? (b as unknown[]) : [],
  );
  return [resolved, ...branches.filter(isRecord).map(resolveRef)];
}

let nullablePaths: readonly (readonly string[])[] | undefined;

/**
 * Where the schema requires a key whose value may be `null` (`timeline.milestones[].date`), each as
 * its keys from the root, `*` for any list item. Worked out once, on first use.
 */
export function requiredNullablePaths(): readonly (readonly string[])[] {
  if (nullablePaths) return nullablePaths;
  const allowsNull = (node: SchemaNode): boolean =>
    alternatives(node).some((alt) => alt.type === 'null' || (Array.isArray(alt.type) && alt.type.includes('null')));
  const found: string[][] = [];
  const walk = (node: SchemaNode, path: string[]): void => {
    // Bounded by the schema's own depth; the guard only stops a schema that refers to itself.
    if (path.length > 12) return;
    for (const alt of alternatives(node)) {
      const required = Array.isArray(alt.required) ? alt.required : [];
      if (isRecord(alt.properties))
        for (const [key, child] of Object.entries(alt.properties)) {
          if (!isRecord(child)) continue;
          const at = [...path, key];
          if (required.includes(key) && allowsNull(child) && !found.some((f) => f.join('.') === at.join('.'))) found.push(at);
          walk(resolveRef(child), at);
        }
      if (isRecord(alt.items)) walk(resolveRef(alt.items), [...path, '*']);
    }
  };
  walk(resolveRef(root), []);
  nullablePaths = found;
  return found;
}

/** The schema for the value at `path`, or undefined where the schema says nothing. */
export function schemaAt(path: Path): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolveRef(root);
  for (const segment of path) {
    if (!node) return undefined;
    let next: SchemaNode | undefined;
    for (const alt of alternatives(node)) {
      if (typeof segment === 'number') {
        if (isRecord(alt.items)) next = resolveRef(alt.items);
      } else if (isRecord(alt.properties) && isRecord(alt.properties[segment])) {
        next = resolveRef(alt.properties[segment]);
      }
      if (next) break;
    }
    node = next;
  }
  return node;
}

/** The properties a mapping at `path` may have, with their schemas. */
export function propertiesAt(path: Path): [string, SchemaNode][] {
  const node = schemaAt(path);
  if (!node) return [];
  const out: [string, SchemaNode][] = [];
  for (const alt of alternatives(node)) {
    if (!isRecord(alt.properties)) continue;
    for (const [key, value] of Object.entries(alt.properties)) {
      if (isRecord(value) && !out.some(([k]) => k === key)) out.push([key, resolveRef(value)]);
    }
  }
  return out;
}

/** Required property names of the mapping at `path`. */
export function requiredAt(path: Path): string[] {
  const node = schemaAt(path);
  if (!node) return [];
  return alternatives(node).flatMap((alt) => (Array.isArray(alt.required) ? alt.required.map(String) : []));
}

/** Enum values allowed at `path`, with their Markdown descriptions when the schema has them. */
export function enumAt(path: Path): { value: unknown; description?: string }[] {
  const node = schemaAt(path);
  if (!node) return [];
  const out: { value: unknown; description?: string }[] = [];
  for (const alt of alternatives(node)) {
    if (!Array.isArray(alt.enum)) continue;
    const descriptions: unknown[] = Array.isArray(alt.markdownEnumDescriptions) ? (alt.markdownEnumDescriptions as unknown[]) : [];
    (alt.enum as unknown[]).forEach((value, i) => {
      const d = descriptions[i];
      out.push(typeof d === 'string' ? { value, description: d } : { value });
    });
  }
  return out;
}

/** Markdown documentation of a schema node: title, description, examples. */
export function schemaMarkdown(node: SchemaNode, key?: string): string {
  const parts: string[] = [];
  const title = typeof node.title === 'string' ? node.title : key;
  if (title) parts.push(`**${title}**${key && title !== key ? ` (\`${key}\`)` : ''}`);
  const description =
    typeof node.markdownDescription === 'string'
      ? node.markdownDescription
      : typeof node.description === 'string'
        ? node.description
        : undefined;
  // The values in plain words first, then the description with its sources.
  const values = Array.isArray(node.enum) ? (node.enum as unknown[]) : [];
  const valueDocs: unknown[] = Array.isArray(node.markdownEnumDescriptions) ? (node.markdownEnumDescriptions as unknown[]) : [];
  if (values.length > 0 && valueDocs.some((d) => typeof d === 'string'))
    parts.push(values.map((v, i) => `- \`${String(v)}\`${typeof valueDocs[i] === 'string' ? `: ${valueDocs[i]}` : ''}`).join('\n'));
  if (description) parts.push(description);
  if (Array.isArray(node.examples) && node.examples.length > 0) {
    const examples = node.examples.slice(0, 3).map((e) => `\`${typeof e === 'string' ? e : JSON.stringify(e)}\``);
    parts.push(`Examples: ${examples.join(', ')}`);
  }
  return parts.join('\n\n');
}
