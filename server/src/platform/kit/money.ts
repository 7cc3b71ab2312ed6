/** Money is integer fen everywhere; these are the one way to read and write it. */
export { formatFen, formatWan, yuanToFen } from '@gongfu/domain/cn/money';
