/**
 * Named schemas in the API description: every schema object that carries a `title` (TypeBox
 * option, e.g. `Type.Object({...}, { title: 'ProjectView' })`) is written once under
 * `components.schemas` and referenced from where it is used, so clients get named types and
 * the description holds no inline copies. Two different schemas with one title are an error.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Replaces titled schemas under `node` by references, collecting them into `named`. */
function hoist(node: Json, named: Map<string, { schema: JsonObject; text: string }>): Json {
  if (Array.isArray(node)) return node.map((n) => hoist(n, named));
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node)) out[k] = hoist(v, named);
  const title = out.title;
  if (typeof title !== 'string' || !('type' in out || 'anyOf' in out || 'oneOf' in out || 'allOf' in out)) {
    return out;
  }
  const text = JSON.stringify(out);
  const seen = named.get(title);
  if (seen && seen.text !== text) {
    throw new Error(
      `Two different schemas are named "${title}" in the API description; give one another title`,
    );
  }
  if (!seen) named.set(title, { schema: out, text });
  return { $ref: `#/components/schemas/${title}` };
}

/** The OpenAPI document with titled schemas hoisted into `components.schemas` (names sorted). */
export function nameSchemas<T extends object>(doc: T): T {
  const d = doc as unknown as JsonObject;
  const named = new Map<string, { schema: JsonObject; text: string }>();
  const paths = hoist(d.paths ?? {}, named);
  const components = isObject(d.components) ? d.components : {};
  const existing = isObject(components.schemas) ? components.schemas : {};
  const schemas: JsonObject = { ...existing };
  for (const name of [...named.keys()].sort())
    schemas[name] = (named.get(name) as { schema: JsonObject }).schema;
  return { ...d, paths, components: { ...components, schemas } } as unknown as T;
}
