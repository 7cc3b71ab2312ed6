import AjvCompiler from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

/**
 * Request validation: query strings, path parameters and headers arrive as text, so they are
 * coerced to the schema's types ("20" → 20, one value → a one-item array). JSON bodies are
 * not: with coercion an explicit `null` for a nullable integer became 0 and "" became null —
 * a blank water temperature was stored as 0 °C. A body must carry the types its schema says,
 * or get a 400 naming the field.
 */
type ValidatorFactory = NonNullable<
  NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>['buildValidator']
>;

/**
 * strictNumbers: a number must be finite. JSON.parse reads 1e999 as Infinity, which passed as
 * an integer (issue 9). Ajv does not check the type again after coercing query or path text
 * ("Infinity", "1e309"), so those are refused after validation (`rejectNonFiniteNumbers`).
 */
const AJV_OPTIONS = { removeAdditional: false, allErrors: false, strictNumbers: true } as const;

export const ajvOptions = { customOptions: { ...AJV_OPTIONS, coerceTypes: 'array' as const } };

export const buildValidator: ValidatorFactory = (externalSchemas, serverOptions) => {
  const coercing = AjvCompiler()(externalSchemas, serverOptions);
  // (the same server options, without coercion; cast: the factory's type also admits JTD options)
  const exactOptions = {
    ...serverOptions,
    customOptions: { ...serverOptions?.customOptions, coerceTypes: false },
  } as typeof serverOptions;
  const exact = AjvCompiler()(externalSchemas, exactOptions);
  return (route) => (route.httpPart === 'body' ? exact(route) : coercing(route));
};
