import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from '../http/errors.ts';
import { type AjvLikeError, describeValidationError } from '../http/validation-message.ts';
import type { RowProblem } from './excel-list.ts';

/** An error of the API's own rules as a row problem, on the column the error names. */
export function problemOf(err: unknown, column?: string): RowProblem {
  if (err instanceof AppError) return { column: err.field ?? column, text: err.text };
  throw err;
}

/** Runs a rule that throws the API's errors; its error becomes a problem of the row. */
export function check(problems: RowProblem[], rule: () => void, column?: string): void {
  try {
    rule();
  } catch (err) {
    problems.push(problemOf(err, column));
  }
}

/**
 * The request schema of the API's create route as a row check: the same limits (lengths,
 * patterns, allowed values) as a request body, one problem per field. The field name is
 * dropped from the message, because the report puts the column's label before it.
 */
export function schemaCheck(schema: TSchema): (value: unknown) => RowProblem[] {
  const validator = Compile(schema);
  return (value) => {
    if (validator.Check(value)) return [];
    const seen = new Set<string>();
    const problems: RowProblem[] = [];
    for (const e of validator.Errors(value) as Iterable<AjvLikeError>) {
      const { field, text } = describeValidationError(e, 'body');
      if (seen.has(field)) continue;
      seen.add(field);
      problems.push({
        column: field,
        text: {
          zh: text.zh.replace(`「${field}」`, '').trim(),
          en: text.en.replace(`"${field}" `, '').trim(),
        },
      });
    }
    return problems;
  };
}
