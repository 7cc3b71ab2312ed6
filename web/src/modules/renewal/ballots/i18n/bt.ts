import {
  defineMessages,
  type Translate,
  useModuleMessages,
} from '../../../../platform/i18n/module-messages.ts';
import { type BallotsKey, ballotsZh } from './zh.ts';

export type BTranslate = Translate<BallotsKey>;

const ballotsMessages = defineMessages(ballotsZh, () => import('./en.ts').then((m) => m.ballotsEn));

/** Translate a ballots message in the page's language (suspends once while English loads). */
export const useBT = (): BTranslate => useModuleMessages(ballotsMessages);
