import { Type } from 'typebox';

/** Schema pieces shared by the oversight entities (the module's own are in ../renewal.schemas.ts). */

/** Free text with a length limit; blank-only text is refused by the service, naming the field. */
export const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });

/** Photo descriptions (文字说明); the files themselves come with the platform's file store. */
export const PhotoList = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 20,
  description: 'photo descriptions, e.g. "3号楼东侧临边防护缺失（近景）"',
});

/** Who did something, as the views show it. */
export const ActorView = Type.Object({ id: Type.String(), name: Type.String() }, { title: 'ActorView' });
