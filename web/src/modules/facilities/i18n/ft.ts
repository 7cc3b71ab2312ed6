import { defineMessages, type Translate, useModuleMessages } from '../../../platform/i18n/module-messages.ts';
import { type FacilityKey, facilityZh } from './zh.ts';

/** The facility pages' own messages (English fetched only when the page is in English). */
export type FTranslate = Translate<FacilityKey>;

const facilityMessages = defineMessages(facilityZh, () => import('./en.ts').then((m) => m.facilityEn));

export const useFT = (): FTranslate => useModuleMessages(facilityMessages);
