import { defineMessages, useModuleMessages } from '../../i18n/module-messages.ts';
import { filesZh } from './zh.ts';

const filesMessages = defineMessages(filesZh, () => import('./en.ts').then((m) => m.filesEn));

/** Translate a file-widget message in the page's language. */
export const useFT = () => useModuleMessages(filesMessages);
