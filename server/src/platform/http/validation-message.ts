import type { Bilingual } from './errors.ts';

/** Turns one Ajv error into a field path and a message that says what to fix. */
export interface AjvLikeError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export function describeValidationError(e: AjvLikeError, part: string): { field: string; text: Bilingual } {
  let field = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
  if (e.keyword === 'required' && typeof e.params.missingProperty === 'string') {
    field = field ? `${field}.${e.params.missingProperty}` : e.params.missingProperty;
  }
  if (e.keyword === 'additionalProperties' && typeof e.params.additionalProperty === 'string') {
    field = field ? `${field}.${e.params.additionalProperty}` : e.params.additionalProperty;
  }
  if (!field) field = part;
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return { field, text: { zh: `请填写「${field}」`, en: `"${field}" is required` } };
    case 'additionalProperties':
      return {
        field,
        text: { zh: `不支持字段「${field}」，请删除`, en: `"${field}" is not a known field; remove it` },
      };
    case 'minLength':
      return {
        field,
        text: {
          zh: `「${field}」至少需要 ${p.limit} 个字符`,
          en: `"${field}" needs at least ${p.limit} characters`,
        },
      };
    case 'maxLength':
      return {
        field,
        text: {
          zh: `「${field}」不能超过 ${p.limit} 个字符`,
          en: `"${field}" must be at most ${p.limit} characters`,
        },
      };
    case 'minimum':
    case 'maximum':
      return {
        field,
        text: {
          zh: `「${field}」应${e.keyword === 'minimum' ? '不小于' : '不大于'} ${p.limit}`,
          en: `"${field}" must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${p.limit}`,
        },
      };
    case 'enum':
    case 'anyOf':
    case 'const':
      return {
        field,
        text: { zh: `「${field}」的取值不在允许范围内`, en: `"${field}" has a value that is not allowed` },
      };
    case 'type':
      return {
        field,
        text: {
          zh: `「${field}」的类型应为 ${String(p.type)}`,
          en: `"${field}" must be of type ${String(p.type)}`,
        },
      };
    case 'format':
    case 'pattern':
      return {
        field,
        text: { zh: `「${field}」的格式不正确`, en: `"${field}" is not in the expected format` },
      };
    default:
      return {
        field,
        text: {
          zh: `「${field}」不符合要求：${e.message ?? e.keyword}`,
          en: `"${field}" is invalid: ${e.message ?? e.keyword}`,
        },
      };
  }
}
