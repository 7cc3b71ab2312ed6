// Loaded only when the user switches to English: the English catalogue and antd's English locale.
import enUS from 'antd/es/locale/en_US';
import { en } from './en.ts';

export const enBundle = { messages: en, antdLocale: enUS };
