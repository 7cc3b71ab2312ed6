/**
 * One error shape for the whole API: `{ code, message, field? }`, with the message in
 * the caller's language (zh-CN by default, en on request). Each module owns its codes;
 * the HTTP status is decided here, in one place, from the code's kind.
 */
export type Lang = 'zh-CN' | 'en';

export interface Bilingual {
  zh: string;
  en: string;
}

export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  locked: 423,
  rate_limited: 429,
  unavailable: 503,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly text: Bilingual,
    readonly field?: string,
  ) {
    super(text.en);
    this.status = STATUS[kind];
  }
  body(lang: Lang): { code: string; message: string; field?: string } {
    return {
      code: this.code,
      message: lang === 'en' ? this.text.en : this.text.zh,
      ...(this.field ? { field: this.field } : {}),
    };
  }
}

/** A validation error naming the field and what to do about it. */
export const invalid = (field: string, text: Bilingual, code = 'VALIDATION_FAILED') =>
  new AppError(code, 'invalid', text, field);

export const notFound = (what: Bilingual, code = 'NOT_FOUND') =>
  new AppError(code, 'not_found', {
    zh: `${what.zh}不存在或无权查看`,
    en: `${what.en} not found or not visible to you`,
  });

export const forbidden = (code = 'FORBIDDEN') =>
  new AppError(code, 'forbidden', {
    zh: '您的角色或数据范围无权执行此操作',
    en: 'Your role or data scope does not allow this action',
  });

export const unauthenticated = (code = 'UNAUTHENTICATED') =>
  new AppError(code, 'unauthenticated', { zh: '请先登录', en: 'Please sign in first' });

export const conflict = (field: string | undefined, text: Bilingual, code = 'CONFLICT') =>
  new AppError(code, 'conflict', text, field);

/** The database connection was lost or cannot be made: the request may succeed if repeated. */
export const databaseUnavailable = () =>
  new AppError('DATABASE_UNAVAILABLE', 'unavailable', {
    zh: '数据库连接中断，请稍后重试',
    en: 'The database connection was lost; please try again',
  });

export function pickLang(acceptLanguage: string | undefined, cookieLang: string | undefined): Lang {
  const pref = cookieLang ?? acceptLanguage ?? '';
  return /^en\b/i.test(pref.trim()) ? 'en' : 'zh-CN';
}
