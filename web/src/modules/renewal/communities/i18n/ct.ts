import {
  defineMessages,
  type Translate,
  useModuleMessages,
} from '../../../../platform/i18n/module-messages.ts';
import { type CommunityKey, communityZh } from './zh.ts';

export type CTranslate = Translate<CommunityKey>;
const communityMessages = defineMessages(communityZh, () => import('./en.ts').then((m) => m.communityEn));

/** Translate an old-community message in the page's language. */
export const useCT = (): CTranslate => useModuleMessages(communityMessages);
