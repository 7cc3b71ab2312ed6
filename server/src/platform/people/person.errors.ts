import { AppError, type Bilingual, conflict, invalid, notFound } from '../http/errors.ts';

/**
 * The people module's errors, in one place. The domain parsers return short English
 * reasons; here they become messages that tell a clerk what to fix, Chinese first.
 */

type Rule = [RegExp, (m: RegExpExecArray) => Bilingual];

const CITIZEN_ID_RULES: Rule[] = [
  [/must be a string/, () => ({ zh: '身份证号码应为文本', en: 'The citizen ID must be text' })],
  [/is empty/, () => ({ zh: '请填写身份证号码', en: 'Enter the citizen ID' })],
  [
    /must be 18 characters long, got (\d+)/,
    (m) => ({
      zh: `身份证号码应为 18 位，当前为 ${m[1]} 位，请核对`,
      en: `The citizen ID must have 18 characters, not ${m[1]}; check it`,
    }),
  ],
  [
    /must start with 17 digits/,
    () => ({
      zh: '身份证号码无效：前 17 位应全部为数字',
      en: 'Invalid citizen ID: the first 17 characters must be digits',
    }),
  ],
  [
    /must end with a digit or X/,
    () => ({
      zh: '身份证号码无效：最后一位应为数字或 X',
      en: 'Invalid citizen ID: the last character must be a digit or X',
    }),
  ],
  [
    // The expected check character is not repeated: after a typo it is usually another digit that is wrong.
    /check digit is wrong/,
    () => ({
      zh: '身份证号码无效：校验位错误，请逐位核对号码',
      en: 'Invalid citizen ID: the check digit does not match; check every digit',
    }),
  ],
  [
    /region code (\d+) starts with an invalid province code/,
    (m) => ({
      zh: `身份证号码无效：前两位「${m[1]?.slice(0, 2)}」不是有效的省级行政区划代码`,
      en: `Invalid citizen ID: "${m[1]?.slice(0, 2)}" is not a valid province code`,
    }),
  ],
  [
    /birth date (\S+) is not a real date/,
    (m) => ({
      zh: `身份证号码无效：出生日期 ${m[1]} 不存在`,
      en: `Invalid citizen ID: the birth date ${m[1]} does not exist`,
    }),
  ],
  [
    /birth date (\S+) is before (\S+)/,
    (m) => ({
      zh: `身份证号码无效：出生日期 ${m[1]} 早于 ${m[2]}`,
      en: `Invalid citizen ID: the birth date ${m[1]} is before ${m[2]}`,
    }),
  ],
  [
    /birth date (\S+) is in the future/,
    (m) => ({
      zh: `身份证号码无效：出生日期 ${m[1]} 晚于今天`,
      en: `Invalid citizen ID: the birth date ${m[1]} is in the future`,
    }),
  ],
];

const MOBILE_RULES: Rule[] = [
  [/must be a string/, () => ({ zh: '手机号码应为文本', en: 'The mobile number must be text' })],
  [/is empty/, () => ({ zh: '请填写手机号码', en: 'Enter the mobile number' })],
  [
    /may only contain/,
    () => ({
      zh: '手机号码只能包含数字、空格、连字符和 +86 前缀',
      en: 'A mobile number may only contain digits, spaces, dashes and a +86 prefix',
    }),
  ],
  [
    /must have 11 digits, got (\d+)/,
    (m) => ({
      zh: `手机号码应为 11 位数字，当前为 ${m[1]} 位`,
      en: `A mobile number has 11 digits, not ${m[1]}`,
    }),
  ],
  [
    /must start with 13 to 19/,
    () => ({ zh: '手机号码应以 13–19 开头', en: 'A mobile number starts with 13 to 19' }),
  ],
];

function translate(rules: Rule[], error: string, fallback: Bilingual): Bilingual {
  for (const [re, text] of rules) {
    const m = re.exec(error);
    if (m) return text(m);
  }
  return { zh: `${fallback.zh}：${error}`, en: `${fallback.en}: ${error}` };
}

/** Bilingual text for a `parseCitizenId` failure. */
export const citizenIdText = (error: string): Bilingual =>
  translate(CITIZEN_ID_RULES, error, { zh: '身份证号码无效', en: 'Invalid citizen ID' });

/** Bilingual text for a `parseMobile` failure. */
export const mobileText = (error: string): Bilingual =>
  translate(MOBILE_RULES, error, { zh: '手机号码无效', en: 'Invalid mobile number' });

export const invalidCitizenId = (error: string, field = 'citizenId') =>
  invalid(field, citizenIdText(error), 'PERSON_CITIZEN_ID_INVALID');

export const invalidMobile = (error: string, field = 'mobile') =>
  invalid(field, mobileText(error), 'PERSON_MOBILE_INVALID');

export const personNotFound = () => notFound({ zh: '该人员', en: 'This person' }, 'PERSON_NOT_FOUND');

/**
 * The same words whether the person lives within the clerk's scope or not, and nothing about
 * the record (no id, no region): that it exists is all a duplicate registration may learn.
 * There is no access request in the system; a clerk who cannot find the person asks for a
 * wider data scope the way scopes are given, through the security administrator.
 */
export const personExists = () =>
  conflict(
    'citizenId',
    {
      zh: '该身份证号码的人员已登记，请勿重复登记。请按身份证号码查找该人员；如查找不到，说明该人员不在您的数据范围内，请联系安全管理员（或该人员的登记部门）为您开通相应的数据范围',
      en: 'A person with this citizen ID is already registered; do not register them again. Look the person up by citizen ID; if nobody is found, they are outside your data scope: ask the security administrator (or the department that registered them) to extend your data scope',
    },
    'PERSON_EXISTS',
  );

export const citizenIdImmutable = () =>
  invalid(
    'citizenId',
    {
      zh: '身份证号码登记后不能修改；如登记有误，请联系系统管理员更正',
      en: 'The citizen ID cannot be changed once registered; ask the system administrator to correct a wrong one',
    },
    'PERSON_CITIZEN_ID_IMMUTABLE',
  );

export const derivedFieldGiven = (field: string) =>
  invalid(
    field,
    {
      zh: '出生日期、性别和籍贯由身份证号码自动推算，请勿单独填写',
      en: 'Birth date, gender and native region are derived from the citizen ID; do not send them',
    },
    'PERSON_DERIVED_FIELD',
  );

export const unknownRegion = (field = 'regionCode') =>
  invalid(field, {
    zh: '居住地行政区划代码不存在，请从区划列表中选择',
    en: 'No region has this code; pick one from the list',
  });

export const residenceRequired = () =>
  invalid(
    'regionCode',
    {
      zh: '请填写居住地：您只能管理本辖区的人员，未填写居住地的人员您将无法查看',
      en: 'Enter the place of residence: you manage people in your own regions only, and could not see this person without one',
    },
    'PERSON_RESIDENCE_REQUIRED',
  );

export const residenceOutOfScope = () =>
  new AppError(
    'PERSON_RESIDENCE_OUT_OF_SCOPE',
    'forbidden',
    {
      zh: '居住地不在您的数据范围内，请选择您辖区内的行政区划',
      en: 'This place of residence is outside your data scope; pick a region you are responsible for',
    },
    'regionCode',
  );

export const badAgeRange = () =>
  invalid('ageMax', {
    zh: '最大年龄不能小于最小年龄',
    en: 'The maximum age cannot be below the minimum age',
  });

export const reasonTooShort = () =>
  invalid('reason', {
    zh: '请填写查看完整信息的事由（2–200 个字）',
    en: 'State why you need the full details (2–200 characters)',
  });

export const nameRequired = () => invalid('name', { zh: '请填写姓名', en: 'Enter the name' });
