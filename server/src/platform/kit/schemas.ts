import { type TSchema, Type } from 'typebox';
import { DATE_PATTERN } from './dates.ts';

/** TypeBox pieces every module's schemas are built from. */

const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

export const uuid = (description = 'UUID') => Type.String({ pattern: UUID_PATTERN, description });
export const Uuid = uuid();

export const dateString = (description = 'YYYY-MM-DD (Asia/Shanghai calendar day, 2000–2099)') =>
  Type.String({ pattern: DATE_PATTERN, description });
export const DateString = dateString();

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const IdParams = Type.Object({ id: Uuid }, { title: 'IdParams', additionalProperties: false });

/** A code with its label in the caller's language. */
export const CodeLabel = Type.Object({ code: Type.String(), name: Type.String() }, { title: 'CodeLabel' });

/** An organisation named beside a record. */
export const OrgRef = Type.Object({ id: Type.String(), name: Type.String() }, { title: 'OrgRef' });

export const orgRef = (id: string | null, name: string | null) =>
  id === null ? null : { id, name: name ?? '' };
