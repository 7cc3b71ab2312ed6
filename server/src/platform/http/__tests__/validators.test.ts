import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { ajvOptions, buildValidator } from '../validators.ts';

const compile = (httpPart: string, schema: unknown) => {
  const build = buildValidator({}, ajvOptions);
  return build({ schema, method: 'POST', url: '/test', httpPart } as Parameters<typeof build>[0]);
};

const nullableInteger = Type.Object({ n: Type.Union([Type.Integer(), Type.Null()]) });

describe('request validation', () => {
  it('keeps an explicit null in a JSON body (it used to become 0)', () => {
    const validate = compile('body', nullableInteger);
    const body = { n: null };
    expect(validate(body)).toBe(true);
    expect(body.n).toBeNull();
    const zero = { n: 0 };
    expect(validate(zero)).toBe(true);
    expect(zero.n).toBe(0);
  });

  it('refuses text where a JSON body needs a number', () => {
    const validate = compile('body', nullableInteger);
    expect(validate({ n: '5' })).toBe(false);
    expect(validate({ n: '' })).toBe(false);
  });

  it('refuses a JSON body number that is not finite (JSON.parse reads 1e999 as Infinity)', () => {
    const validate = compile('body', Type.Object({ n: Type.Integer(), x: Type.Optional(Type.Number()) }));
    expect(validate(JSON.parse('{"n": 1e999}'))).toBe(false);
    expect(validate({ n: 1, x: Number.NEGATIVE_INFINITY })).toBe(false);
    expect(validate({ n: 1, x: 1.5 })).toBe(true);
  });

  it('coerces query strings, which arrive as text', () => {
    const validate = compile(
      'querystring',
      Type.Object({ page: Type.Integer(), ids: Type.Array(Type.String()) }),
    );
    const query: Record<string, unknown> = { page: '2', ids: 'a' };
    expect(validate(query)).toBe(true);
    expect(query).toEqual({ page: 2, ids: ['a'] });
  });
});
