import { defineMessages, type Translate, useModuleMessages } from '../../../platform/i18n/module-messages.ts';
import { type RenewalKey, renewalZh } from './zh.ts';

/**
 * The renewal module's own messages. They live with the module (not in the platform catalogues)
 * so the login page and the shell never load them; the English catalogue is fetched only when
 * the page is in English. Typed like the platform's: the English one must have every key.
 */
export type { RenewalKey } from './zh.ts';
export type RTranslate = Translate<RenewalKey>;

const renewalMessages = defineMessages(renewalZh, () => import('./en.ts').then((m) => m.renewalEn));

/** Translate a renewal message in the page's language (suspends once while English loads). */
export const useRT = (): RTranslate => useModuleMessages(renewalMessages);
